/**
 * The web console in Firefox: Debian's firefox-esr (/usr/bin/firefox-esr) driven headless by
 * puppeteer-core over WebDriver BiDi, against an in-process emulator on 127.0.0.1. Playwright
 * can only drive its own patched Firefox build; puppeteer-core speaks the standard protocol that
 * a stock Firefox has, and downloads no browser. At 1280×800 and at 390×844 it loads the console,
 * sees the demo disks with their statuses, watches a snapshot created through the API go from
 * CREATING to AVAILABLE when the clock is advanced from the console, reads the call in the recent
 * calls panel and in the journal with its bodies, then uses the console by keyboard alone: Tab
 * moves a visible focus through the controls, Enter follows a link and Space presses a button.
 * Screenshots go to test/ui/artifacts/firefox-*.png. Needs `npm run build` (npm test builds
 * first) and firefox-esr (.ci/run installs it); without either the test fails. Every wait in a
 * page is bounded (10 s).
 */
import t, { type Test } from 'tap'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Browser, Page, PuppeteerNode } from 'puppeteer-core'
import { DISK } from '../helper.js'
import { DEMO_DISKS, WAIT, artifact, consoleBuilt, http, see, startEmulator, zec } from './support.js'

// puppeteer-core's CommonJS build, required: its ES module build imports a chromium-bidi path
// through a package-exports pattern that tap's TypeScript loader (ts-node's copy of an older
// Node resolver) resolves wrongly; require() goes through Node's own resolver.
const puppeteer = createRequire(import.meta.url)('puppeteer-core') as PuppeteerNode
const FIREFOX = '/usr/bin/firefox-esr'
// Firefox makes a fresh profile on every start and takes several seconds to do it, more on a
// machine shared with other suites: its start alone gets more than the 10 s of a wait in a page.
const LAUNCH_WAIT = 60_000
/** The two sizes issue 11 names: a laptop and a phone. */
const SIZES = [{ width: 1280, height: 800 }, { width: 390, height: 844 }]

interface Session {
  base: string
  page: Page
  /** Requests the page made to anything but the emulator, and errors thrown or logged in it. */
  foreign: string[]
  errors: string[]
}

// One browser for the file; each test has a browser context of its own (no cookie or storage
// shared) and its own emulator on its own port.
let browser: Promise<Browser> | undefined
t.teardown(async () => { if (browser !== undefined) await (await browser).close() })
const launch = () => (browser ??= puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true, timeout: LAUNCH_WAIT }))

async function open (t: Test, size: { width: number, height: number }): Promise<Session> {
  const { base } = await startEmulator(t)
  const context = await (await launch()).createBrowserContext()
  t.teardown(() => context.close())
  const page = await context.newPage()
  page.setDefaultTimeout(WAIT)
  page.setDefaultNavigationTimeout(WAIT)
  await page.setViewport(size)
  const session: Session = { base, page, foreign: [], errors: [] }
  // data: URLs are the page's empty icon and Firefox's own built-in fonts, nothing fetched.
  page.on('request', request => { if (!request.url().startsWith(base) && !request.url().startsWith('data:')) session.foreign.push(request.url()) })
  page.on('pageerror', error => { session.errors.push(String(error)) })
  // The console's poll loop catches what goes wrong and logs it: a Firefox-only failure shows here.
  page.on('console', message => { if (message.type() === 'error') session.errors.push(message.text()) })
  return session
}

const statusIs = (page: Page, id: string, status: string) =>
  page.waitForFunction((id, status) => document.querySelector(`tr[data-row="${id}"] .status`)?.textContent === status, { timeout: WAIT }, id, status)

/** Some element matching `selector` whose text contains every one of `texts`. */
const shows = (page: Page, selector: string, ...texts: string[]) =>
  page.waitForFunction((selector, texts) => [...document.querySelectorAll(selector)].some(e => texts.every(text => (e.textContent ?? '').includes(text))), { timeout: WAIT }, selector, texts)

/** A control found as a user finds it: by its role and accessible name (Firefox's accessibility tree). */
const control = (page: Page, role: 'button' | 'link', name: string) => page.locator(`::-p-aria([name="${name}"][role="${role}"])`)

/** A form field found by the text of its label. */
async function field (page: Page, label: string) {
  const id = await page.evaluate(label => [...document.querySelectorAll('label')].find(l => l.textContent?.trim() === label)?.htmlFor ?? '', label)
  if (id === '') throw new Error(`no field labelled ${label}`)
  return page.locator(`#${id}`)
}

/** What has the keyboard focus, as a user would name it, and whether its focus is drawn. */
const focused = (page: Page) => page.evaluate(() => {
  const e = document.activeElement
  return e === null || e === document.body
    ? { tag: '', id: '', text: '', outline: 'none' }
    : { tag: e.tagName.toLowerCase(), id: e.id, text: (e.textContent ?? '').trim(), outline: getComputedStyle(e).outlineStyle }
})

const fits = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)

async function shoot (page: Page, name: string): Promise<void> {
  await page.screenshot({ path: artifact(name) })
}

const ready = existsSync(FIREFOX) && consoleBuilt()
// Two sizes, each with a fresh emulator and browser context, on a shared 2-core machine: every
// single wait is bounded at 10 s, but the file as a whole may need more than tap's default.
t.setTimeout(300_000)

t.test('what the Firefox test needs is here', async t => {
  t.ok(existsSync(FIREFOX), `Firefox at ${FIREFOX} (apt-get install firefox-esr; .ci/run does it)`)
  t.ok(consoleBuilt(), 'the console is built (npm run build)')
})

for (const size of SIZES) {
  const at = `${size.width}x${size.height}`
  t.test(`in Firefox at ${size.width}×${size.height}: the demo, a snapshot through the clock, the journal, the keyboard`, { skip: ready ? false : 'Firefox or the built console is missing: the test above fails' }, async t => {
    const { base, page, foreign, errors } = await open(t, size)
    t.equal(await page.evaluate(() => `${window.innerWidth}x${window.innerHeight}`), at, 'the page has the size asked for')

    await page.goto(`${base}/_emulator/`)
    t.equal(new URL(page.url()).pathname, '/_emulator/ui', '/_emulator/ redirects to the console')
    for (const [id, status] of DEMO_DISKS) await see(t, `disk ${id} shows ${status}`, () => statusIs(page, id, status))
    await see(t, 'instances are listed with their status', () => statusIs(page, '1300000000000000001', 'RUNNING'))
    await see(t, 'zones are sections with their name', () => shows(page, 'section.zone h3', 'Hong Kong 1', 'asia-east-1a'))
    t.ok(await fits(page), 'nothing wider than the screen: tables scroll inside their box')
    await shoot(page, `firefox-resources-${at}.png`)

    // A snapshot created through the API appears CREATING, and AVAILABLE once the console advances the clock.
    t.equal((await http(base, 'PUT', '/_emulator/lifecycle', { policies: { 'snapshot.create': 'after:1h' } })).status, 200)
    t.equal((await http(base, 'POST', '/_emulator/clock', { action: 'freeze' })).status, 200)
    const created = await zec(base, 'CreateSnapshot', { diskId: DISK.spare, snapshotName: `firefox-${at}` })
    t.equal(created.status, 200, 'CreateSnapshot through the API')
    const snapshotId = created.body.response.snapshotId as string
    await see(t, `the new snapshot ${snapshotId} appears CREATING`, () => statusIs(page, snapshotId, 'CREATING'))
    await shoot(page, `firefox-snapshot-creating-${at}.png`)
    await (await field(page, 'Advance by')).fill('PT1H')
    await control(page, 'button', 'Advance').click()
    await see(t, 'the clock answer shows the new virtual time', () => shows(page, '.clock .answer-ok', '2026-01-15T11:00:00.000Z'))
    await see(t, 'the header shows it too', () => shows(page, '#clock-badge', '2026-01-15 11:00:00Z (frozen)'))
    await see(t, 'the snapshot becomes AVAILABLE', () => statusIs(page, snapshotId, 'AVAILABLE'))
    await shoot(page, `firefox-snapshot-available-${at}.png`)

    // The call, in the recent calls panel and in the journal with its bodies.
    await see(t, 'the recent calls panel lists CreateSnapshot with its status', () => shows(page, '.recent tr[data-row]', 'CreateSnapshot', '200'))
    await control(page, 'link', 'Journal').click()
    await see(t, 'the journal lists CreateSnapshot with its status', () => shows(page, 'tr[data-row]', 'CreateSnapshot', '200'))
    await control(page, 'button', 'Show').click()
    await see(t, 'its request body names the disk', () => shows(page, '.bodies pre', DISK.spare))
    await see(t, 'its response body names the snapshot', () => shows(page, '.bodies pre', snapshotId))
    t.equal(await page.evaluate(() => [...document.querySelectorAll('tr[data-row]')].filter(r => r.textContent?.includes('DescribeDisks')).length), 0, 'the console\'s own calls are left out')
    t.ok(await fits(page), 'the journal fits the screen')
    await shoot(page, `firefox-journal-${at}.png`)

    // The keyboard alone, from a fresh load: Tab, Shift+Tab, Enter on a link, Space on a button.
    await page.goto(`${base}/_emulator/ui`)
    await see(t, 'the console is shown again', () => statusIs(page, snapshotId, 'AVAILABLE'))
    await page.keyboard.press('Tab')
    let now = await focused(page)
    t.equal(now.id, 'skip', 'the first Tab reaches the skip link')
    t.not(now.outline, 'none', 'its focus is visible')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    now = await focused(page)
    t.equal(now.text, 'Journal', 'Tab walks the navigation')
    t.not(now.outline, 'none', 'with a visible focus')
    await page.keyboard.press('Enter')
    await see(t, 'Enter on the link opens the journal', () => shows(page, 'main h2', 'Request journal'))
    t.equal(new URL(page.url()).hash, '#/journal')
    await page.keyboard.down('Shift')
    await page.keyboard.press('Tab')
    await page.keyboard.up('Shift')
    now = await focused(page)
    t.equal(now.text, 'Resources', 'Shift+Tab goes back one link')
    await page.keyboard.press('Enter')
    await see(t, 'Enter on it opens the resources again', () => statusIs(page, snapshotId, 'AVAILABLE'))

    // On to the clock's Advance button: every Tab moves the focus, and at most 30 reach it.
    const walk: string[] = []
    for (let i = 0; i < 30 && !(now.tag === 'button' && now.text === 'Advance'); i++) {
      await page.keyboard.press('Tab')
      const next = await focused(page)
      if (next.tag === now.tag && next.id === now.id && next.text === now.text) break
      now = next
      walk.push(`${now.tag}${now.id === '' ? '' : '#' + now.id}${now.text === '' ? '' : ' ' + now.text.slice(0, 20)}`)
    }
    t.match(now, { tag: 'button', text: 'Advance' }, `Tab reaches the Advance button (${walk.join(' → ')})`)
    t.ok(walk.includes('input#clock-by'), 'after its field, Advance by')
    t.not(now.outline, 'none', 'the button\'s focus is visible')
    // The space bar; over WebDriver BiDi, puppeteer-core names that key ' ' (it has no 'Space').
    await page.keyboard.press(' ')
    await see(t, 'Space presses it: the clock moves one more hour', () => shows(page, '.clock .answer-ok', '2026-01-15T12:00:00.000Z'))
    await see(t, 'and the header shows it', () => shows(page, '#clock-badge', '2026-01-15 12:00:00Z (frozen)'))
    t.equal((await http(base, 'GET', '/_emulator/clock')).body.now, '2026-01-15T12:00:00.000Z', 'the emulator\'s clock moved')
    await shoot(page, `firefox-keyboard-${at}.png`)

    t.same(foreign, [], 'the page loaded and called nothing but the emulator')
    t.same(errors, [], 'no script error in the page')
  })
}
