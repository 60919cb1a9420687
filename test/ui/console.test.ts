/**
 * The web console in a real browser: Debian's Chromium (/usr/bin/chromium) driven headless by
 * playwright-core against an in-process emulator on 127.0.0.1. It loads the console, sees the
 * demo disks with their statuses, watches a snapshot created through the API go from CREATING to
 * AVAILABLE when the clock is advanced from the console, reads the call in the journal, adds a
 * throttle rule from the console and sees the next call answer 429, saves and restores a
 * checkpoint; then keyboard use, the 390 px layout and the admin token form. Screenshots go to
 * test/ui/artifacts/. Needs `npm run build` (npm test builds first) and Chromium (.ci/run
 * installs it); without either the test fails. Every wait is bounded (10 s).
 */
import t, { type Test } from 'tap'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import type { Config } from '../../src/config.js'
import { DISK, SNAPSHOT } from '../helper.js'
import { DEMO_DISKS, WAIT, artifact, consoleBuilt, http, see, startEmulator, zec } from './support.js'

const CHROMIUM = '/usr/bin/chromium'
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

interface Session {
  app: FastifyInstance
  base: string
  context: BrowserContext
  page: Page
  /** Requests the page made to anything but the emulator, and errors thrown in it. */
  foreign: string[]
  errors: string[]
}

// One browser for the file (a fresh profile in a temporary folder), one page per test: each test
// has its own emulator on its own port, so no storage is shared between them.
let browser: Promise<BrowserContext> | undefined
const profile = mkdtempSync(join(tmpdir(), 'zec-console-chromium-'))
t.teardown(async () => {
  if (browser !== undefined) await (await browser).close()
  rmSync(profile, { recursive: true, force: true })
})
const launch = () => (browser ??= chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 800 }, timeout: WAIT
}))

async function open (t: Test, config: Partial<Config> = {}): Promise<Session> {
  const { app, base } = await startEmulator(t, config)
  const context = await launch()
  const page = await context.newPage()
  t.teardown(() => page.close())
  await page.setViewportSize({ width: 1280, height: 800 })
  page.setDefaultTimeout(WAIT)
  page.setDefaultNavigationTimeout(WAIT)
  const session: Session = { app, base, context, page, foreign: [], errors: [] }
  page.on('request', request => { if (!request.url().startsWith(base) && !request.url().startsWith('data:')) session.foreign.push(request.url()) })
  page.on('pageerror', error => { session.errors.push(error.message) })
  return session
}

const statusIs = (page: Page, id: string, status: string) =>
  page.waitForFunction(([id, status]) => document.querySelector(`tr[data-row="${id}"] .status`)?.textContent === status, [id, status], { timeout: WAIT })

async function shoot (page: Page, name: string): Promise<void> {
  await page.screenshot({ path: artifact(name), fullPage: false, timeout: WAIT })
}

const ready = existsSync(CHROMIUM) && consoleBuilt()
// A browser on a machine shared with other suites is slow to start; every single wait is bounded
// at 10 s, but the file as a whole may need more than tap's default of 120 s.
t.setTimeout(300_000)

t.test('what the browser test needs is here', async t => {
  t.ok(existsSync(CHROMIUM), `Chromium at ${CHROMIUM} (apt-get install chromium; .ci/run does it)`)
  t.ok(consoleBuilt(), 'the console is built (npm run build)')
})

t.test('the console shows the demo, follows a snapshot, the journal, a fault rule and a checkpoint', { skip: ready ? false : 'Chromium or the built console is missing: the test above fails' }, async t => {
  const { base, page, foreign, errors } = await open(t)

  await page.goto(`${base}/_emulator/`)
  t.equal(new URL(page.url()).pathname, '/_emulator/ui', '/_emulator/ redirects to the console')

  // The demo disks, each with its status as text.
  for (const [id, status] of DEMO_DISKS) await see(t, `disk ${id} shows ${status}`, () => statusIs(page, id, status))
  await see(t, 'the fixture snapshots are listed', () => statusIs(page, SNAPSHOT.webDataManual, 'AVAILABLE'))
  await see(t, 'zones are sections with their name', () => page.getByRole('heading', { name: /Hong Kong 1 asia-east-1a/ }).waitFor())
  await see(t, 'instances are listed with their status', () => statusIs(page, '1300000000000000001', 'RUNNING'))
  await shoot(page, 'resources-1280x800.png')

  // A snapshot created through the API appears CREATING, and AVAILABLE once the console advances the clock.
  t.equal((await http(base, 'PUT', '/_emulator/lifecycle', { policies: { 'snapshot.create': 'after:1h' } })).status, 200)
  t.equal((await http(base, 'POST', '/_emulator/clock', { action: 'freeze' })).status, 200)
  const created = await zec(base, 'CreateSnapshot', { diskId: DISK.spare, snapshotName: 'console-test' })
  t.equal(created.status, 200, 'CreateSnapshot through the API')
  const snapshotId = created.body.response.snapshotId as string
  await see(t, `the new snapshot ${snapshotId} appears CREATING`, () => statusIs(page, snapshotId, 'CREATING'))
  await shoot(page, 'snapshot-creating.png')
  await page.getByLabel('Advance by').fill('PT1H')
  await page.getByRole('button', { name: 'Advance', exact: true }).click()
  await see(t, 'the clock answer shows the new virtual time', () => page.locator('.clock .answer-ok', { hasText: '2026-01-15T11:00:00.000Z' }).waitFor())
  await see(t, 'the header shows it too', () => page.locator('#clock-badge', { hasText: '2026-01-15 11:00:00Z (frozen)' }).waitFor())
  await see(t, 'the snapshot becomes AVAILABLE', () => statusIs(page, snapshotId, 'AVAILABLE'))
  await shoot(page, 'snapshot-available.png')

  // Its detail page: every field ZEC answers, and its disk.
  await page.locator(`tr[data-row="${snapshotId}"] a`).first().click()
  await see(t, 'the detail page lists its fields', () => page.locator('.fields dd', { hasText: 'console-test' }).waitFor())
  await see(t, 'and its disk', () => page.locator(`tr[data-row="${DISK.spare}"]`).waitFor())
  const history = page.getByRole('region', { name: 'History (transitions, schedule runs, calls)' })
  await see(t, 'its history has the call that made it', () => history.locator('tr', { hasText: 'CreateSnapshot' }).filter({ hasText: 'Call' }).waitFor())
  await see(t, 'and its creation, ended AVAILABLE at the virtual time it was due', () =>
    history.locator('tr', { hasText: 'snapshot.create' }).filter({ hasText: 'Transition' }).filter({ hasText: 'ended 2026-01-15 11:00:00Z' }).filter({ hasText: 'AVAILABLE' }).waitFor())
  const order = await history.locator('td[data-col="what"]').allTextContents()
  t.same(order.slice(0, 2), ['Transition', 'Call'], 'newest first: the transition above the call that started it (the same second)')

  // The journal has the call, with its bodies.
  await page.getByRole('link', { name: 'Journal' }).click()
  const row = page.locator('tr[data-row]', { hasText: 'CreateSnapshot' }).first()
  if (await see(t, 'the journal lists CreateSnapshot', () => row.waitFor())) {
    t.match(await row.textContent(), /CreateSnapshot.*200/, 'with its status')
    await row.getByRole('button', { name: 'Show' }).click()
    await see(t, 'its request body names the disk', () => page.locator('.bodies pre', { hasText: DISK.spare }).first().waitFor())
    await see(t, 'its response body names the snapshot', () => page.locator('.bodies pre', { hasText: snapshotId }).first().waitFor())
    t.equal(await page.locator('tr[data-row]', { hasText: 'DescribeDisks' }).count(), 0, 'the console\'s own calls are left out')
    await shoot(page, 'journal.png')
  }

  // A throttle rule added from the console: the next CreateSnapshot answers 429.
  await page.getByRole('link', { name: 'Controls' }).click()
  await page.getByLabel('Action').fill('CreateSnapshot')
  await page.getByLabel('Effect').selectOption('throttle')
  await page.getByLabel('Times (next N matches)').fill('1')
  await page.getByRole('button', { name: 'Add the rule' }).click()
  if (await see(t, 'the faults API answers the new rule', () => page.locator('.answer-ok', { hasText: '"throttle":true' }).waitFor())) {
    await see(t, 'the rule is listed, no hit yet', () => page.locator('.fault-list tr[data-row]', { hasText: 'throttle' }).locator('td[data-col="hits"]', { hasText: /^0$/ }).waitFor())
    const throttled = await zec(base, 'CreateSnapshot', { diskId: DISK.spare, snapshotName: 'throttled' })
    t.equal(throttled.status, 429, 'the next CreateSnapshot is throttled')
    t.equal(throttled.body.code, 'REQUEST_LIMIT_EXCEEDED')
    await see(t, 'the rule shows its hit', () => page.locator('.fault-list tr[data-row]', { hasText: 'throttle' }).locator('td[data-col="hits"]', { hasText: /^1$/ }).waitFor())
    t.equal((await zec(base, 'CreateSnapshot', { diskId: DISK.spare, snapshotName: 'after-the-rule' })).status, 200, 'one time only: the call after passes')
    // The journal, filtered by status, shows the throttled call and only it.
    await page.getByRole('link', { name: 'Journal' }).click()
    await page.getByLabel('Status').fill('429')
    await page.getByRole('button', { name: 'Filter' }).click()
    await see(t, 'the journal filtered by 429 shows the throttled call', () => page.locator('tr[data-row]', { hasText: 'REQUEST_LIMIT_EXCEEDED' }).waitFor())
    t.equal(await page.locator('tr[data-row]', { hasText: /\b200\b/ }).count(), 0, 'and no call that passed')
    await page.getByRole('link', { name: 'Controls' }).click()
  }

  // A checkpoint saved, the state changed, the checkpoint restored.
  await page.getByLabel('Name', { exact: true }).fill('with-console-test')
  await page.getByRole('button', { name: 'Save a checkpoint' }).click()
  if (await see(t, 'the checkpoint is saved', () => page.locator('.answer-ok', { hasText: '"name":"with-console-test"' }).waitFor())) {
    await see(t, 'and listed', () => page.getByRole('button', { name: 'Restore with-console-test' }).waitFor())
    const later = await zec(base, 'CreateSnapshot', { diskId: DISK.spare, snapshotName: 'after-the-checkpoint' })
    t.equal(later.status, 200)
    await shoot(page, 'controls.png')
    await page.getByRole('button', { name: 'Restore with-console-test' }).click()
    await see(t, 'the restore is answered', () => page.locator('.answer-ok', { hasText: '"restored":"with-console-test"' }).waitFor())
    await page.getByRole('link', { name: 'Resources' }).click()
    await see(t, 'the snapshot made before the checkpoint is back', () => statusIs(page, snapshotId, 'AVAILABLE'))
    await see(t, 'the one made after it is gone', () => page.waitForFunction(id => document.querySelector(`tr[data-row="${id}"]`) === null, later.body.response.snapshotId, { timeout: WAIT }))
    await page.getByRole('link', { name: 'Controls' }).click()
    await page.getByRole('button', { name: 'Delete with-console-test' }).click()
    await see(t, 'the checkpoint is deleted', () => page.locator('.answer-ok', { hasText: '"deleted":"with-console-test"' }).waitFor())
  }

  // The picture for the README: the resources, the clock and the recent calls with the throttled one.
  await page.getByRole('link', { name: 'Resources' }).click()
  await see(t, 'the recent calls show the throttled call', () => page.locator('.recent tr', { hasText: 'REQUEST_LIMIT_EXCEEDED' }).waitFor())
  await shoot(page, 'console.png')
  await page.getByRole('link', { name: 'Controls' }).click()

  // An error is shown as the envelope's code and message.
  await page.getByLabel('Advance by').fill('soon')
  await page.getByRole('button', { name: 'Advance', exact: true }).click()
  await see(t, 'a refused clock move shows the code and message', () => page.locator('.clock .answer-error', { hasText: 'INVALID_PARAMETER_VALUE: The parameter `by`' }).waitFor())

  t.same(foreign, [], 'the page loaded and called nothing but the emulator')
  t.same(errors, [], 'no script error in the page')
})

t.test('the account picker lists the accounts and shows the chosen one', { skip: ready ? false : 'Chromium or the built console is missing: the test above fails' }, async t => {
  const { base, page, errors } = await open(t)
  // An unknown access key gets its own account on first use (--auth off), seeded with fresh ids.
  const other = await fetch(`${base}/api/v2/zec`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-zc-action': 'DescribeDisks', 'x-zc-version': '2025-09-01', authorization: `ZC2-HMAC-SHA256 Credential=CONSOLE-OTHER, SignedHeaders=content-type;host, Signature=${'0'.repeat(64)}` },
    body: '{"pageSize":1}',
    signal: AbortSignal.timeout(WAIT)
  })
  t.equal(other.status, 200)
  await page.goto(`${base}/_emulator/ui`)
  await see(t, 'the demo account is shown first', () => statusIs(page, DISK.spare, 'AVAILABLE'))
  t.equal(await page.getByLabel('Account', { exact: true }).inputValue(), 'demo')
  t.same(await page.locator('#account option').allTextContents(), ['demo', 'key:CONSOLE-OTHER'], 'every account is offered')
  await page.getByLabel('Account', { exact: true }).selectOption('key:CONSOLE-OTHER')
  await see(t, 'the other account\'s resources replace the demo\'s', () => page.getByRole('heading', { name: 'Resources of key:CONSOLE-OTHER' }).waitFor())
  await see(t, 'with its own disks (fresh ids)', () => page.waitForFunction(() => document.querySelectorAll('tr[data-row]').length > 10 && document.querySelector('tr[data-row="1400000000000000003"]') === null, null, { timeout: WAIT }))
  t.same(errors, [], 'no script error in the page')
})

t.test('lifecycle, quotas, complete-now and reset from the console; a clock moved elsewhere shows at once', { skip: ready ? false : 'Chromium or the built console is missing: the test above fails' }, async t => {
  const { base, page, errors } = await open(t)
  await page.goto(`${base}/_emulator/ui#/controls`)

  await page.getByLabel('snapshot.create', { exact: true }).fill('after:1h')
  await page.getByRole('button', { name: 'Save the policies' }).click()
  await see(t, 'the lifecycle answer shows the new policy', () => page.locator('.answer-ok', { hasText: '"snapshot.create":"after:3600000ms"' }).waitFor())
  t.equal((await http(base, 'GET', '/_emulator/lifecycle')).body.policies['snapshot.create'], 'after:3600000ms', 'and the emulator has it')

  await see(t, 'the quotas of the demo are read', () => page.waitForFunction(() => (document.getElementById('q-disk') as HTMLInputElement | null)?.value === '64', null, { timeout: WAIT }))
  await page.getByLabel('Snapshots per disk').fill('7')
  await page.getByRole('button', { name: 'Save the quotas' }).click()
  await see(t, 'the quotas answer', () => page.locator('.answer-ok', { hasText: '"snapshotsPerDisk":7' }).waitFor())
  t.equal((await http(base, 'GET', '/_emulator/quotas?account=demo')).body.snapshotsPerDisk, 7, 'and the emulator has it')

  const made = await zec(base, 'CreateSnapshot', { diskId: DISK.spare, snapshotName: 'complete-me' })
  const id = made.body.response.snapshotId as string
  await page.getByLabel('Complete the pending transition of').selectOption('snapshot')
  await page.getByLabel('Id', { exact: true }).fill(id)
  await page.getByRole('button', { name: 'Complete now' }).click()
  await see(t, 'complete-now answers the new status', () => page.locator('.answer-ok', { hasText: '"status":"AVAILABLE"' }).waitFor())
  await page.getByRole('button', { name: 'Complete now' }).click()
  await see(t, 'and a second time the refusal', () => page.locator('.answer-error', { hasText: 'INVALID_PARAMETER_VALUE' }).waitFor())

  // Nothing clicked in the console: a clock moved through the API is seen, and what it settled.
  await page.getByRole('link', { name: 'Resources' }).click()
  const waiting = (await zec(base, 'CreateSnapshot', { diskId: DISK.spare, snapshotName: 'moved-elsewhere' })).body.response.snapshotId as string
  await see(t, 'a snapshot made by someone else shows CREATING', () => statusIs(page, waiting, 'CREATING'))
  t.equal((await http(base, 'POST', '/_emulator/clock', { action: 'advance', by: 'PT2H' })).status, 200)
  await see(t, 'and AVAILABLE once the clock moved', () => statusIs(page, waiting, 'AVAILABLE'))

  await page.getByRole('link', { name: 'Controls' }).click()
  await page.getByLabel('Which accounts').selectOption('account')
  await page.getByRole('button', { name: 'Reset', exact: true }).click()
  await see(t, 'the reset answers the account', () => page.locator('.answer-ok', { hasText: '"reset":["demo"]' }).waitFor())
  await page.getByRole('link', { name: 'Resources' }).click()
  await see(t, 'the snapshots made are gone after the reset', () => page.waitForFunction(id => document.querySelector(`tr[data-row="${id}"]`) === null && document.querySelector('tr[data-row="1500000000000000001"]') !== null, waiting, { timeout: WAIT }))
  t.same(errors, [], 'no script error in the page')
})

t.test('keyboard, focus and the 390 px layout', { skip: ready ? false : 'Chromium or the built console is missing: the test above fails' }, async t => {
  const { base, page, errors } = await open(t)
  await page.goto(`${base}/_emulator/ui`)
  await see(t, 'the demo is shown', () => statusIs(page, DISK.spare, 'AVAILABLE'))
  await page.keyboard.press('Tab')
  t.equal(await page.evaluate(() => document.activeElement?.id), 'skip', 'the first Tab reaches the skip link')
  t.not(await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle), 'none', 'its focus is visible')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  t.equal(await page.evaluate(() => document.activeElement?.textContent), 'Journal', 'Tab walks the navigation')
  t.not(await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle), 'none', 'with a visible focus')
  await page.keyboard.press('Enter')
  await see(t, 'Enter opens the journal', () => page.getByRole('heading', { name: 'Request journal' }).waitFor())
  t.equal(new URL(page.url()).hash, '#/journal')

  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto(`${base}/_emulator/ui#/`)
  await see(t, 'the demo is shown at 390 px', () => statusIs(page, DISK.spare, 'AVAILABLE'))
  t.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'nothing wider than the screen: tables scroll inside their box')
  await shoot(page, 'resources-390x844.png')
  await page.goto(`${base}/_emulator/ui#/controls`)
  await see(t, 'the controls at 390 px', () => page.getByRole('button', { name: 'Add the rule' }).waitFor())
  t.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the controls fit too')
  await shoot(page, 'controls-390x844.png')
  t.same(errors, [], 'no script error in the page')
})

t.test('with an admin token the console asks for it and keeps it for the session', { skip: ready ? false : 'Chromium or the built console is missing: the test above fails' }, async t => {
  const { base, page, errors } = await open(t, { adminToken: 'console-s3cret' })
  const sent: string[] = []
  page.on('request', request => { if (request.url().includes('/_emulator/clock')) sent.push(request.headers().authorization ?? '') })
  await page.goto(`${base}/_emulator/ui`)
  await see(t, 'the token form is shown', () => page.getByLabel('Token', { exact: true }).waitFor())
  await page.getByLabel('Token', { exact: true }).fill('wrong')
  await page.getByRole('button', { name: 'Use the token' }).click()
  await see(t, 'a wrong token is refused with the envelope', () => page.locator('.token-form', { hasText: 'AUTHFAILURE_INVALID_AUTHORIZATION' }).waitFor())
  await page.getByLabel('Token', { exact: true }).fill('console-s3cret')
  await page.getByRole('button', { name: 'Use the token' }).click()
  await see(t, 'then the demo is shown', () => statusIs(page, DISK.spare, 'AVAILABLE'))
  t.ok(sent.includes('Bearer console-s3cret'), 'admin calls carry the token')
  t.equal(await page.evaluate(() => sessionStorage.getItem('zec-emulator-console.adminToken')), 'console-s3cret', 'kept in sessionStorage')
  await page.reload()
  await see(t, 'a reload needs no token again', () => statusIs(page, DISK.spare, 'AVAILABLE'))
  t.equal(await page.getByLabel('Token', { exact: true }).count(), 0, 'no token form after the reload')
  await shoot(page, 'admin-token.png')
  t.same(errors, [], 'no script error in the page')
})
