/**
 * The console's entry: the header (account picker, virtual clock, admin token), the hash router
 * (#/ resources, #/journal, #/controls, #/<kind>/<id> details) and the poll loop. Every second it
 * reads the clock and the newest journal entries (admin calls); on the pages that show them, the
 * resources (ZEC Describe calls) are read every second for a while after anything changed — a
 * control used, the clock moved, a call from someone else in the journal — and every 15 s
 * otherwise, so an idle console does not fill the journal with its own calls.
 */
import { ApiError, adminToken, onTokenNeeded } from './api.js'
import { onChanged } from './act.js'
import { clockPanel } from './clock.js'
import { renderControls } from './controls.js'
import { renderDetail } from './detail.js'
import { h, swap, time } from './dom.js'
import { renderJournal } from './journal.js'
import { renderRecent, renderResources } from './resources.js'
import { refreshAccounts, refreshClock, refreshRecent, refreshResources, selectAccount, state, zecToken } from './state.js'

const TICK_MS = 1000
const LIVE_MS = 20_000
const IDLE_MS = 15_000
/** Without a journal to say something happened, the resources are read more often. */
const IDLE_NO_JOURNAL_MS = 3000

interface View {
  update: () => void | Promise<void>
  /** Only the pages that show resources read them: the journal and the controls make no ZEC call. */
  needsResources?: boolean
}

const main = document.getElementById('main') as HTMLElement
const banner = document.getElementById('banner') as HTMLElement
const picker = document.getElementById('account-picker') as HTMLElement
const clockBadge = document.getElementById('clock-badge') as HTMLElement
const tokenSlot = document.getElementById('token-slot') as HTMLElement

let view: View = { update: () => {} }
let liveUntil = 0
let readResources = true
let lastResources = 0
let waitingForToken = false
let timer: ReturnType<typeof setTimeout> | undefined
let running = false
let again = false
let ticks = 0

function wake (): void {
  liveUntil = Date.now() + LIVE_MS
  readResources = true
}

function schedule (ms: number): void {
  if (timer !== undefined) clearTimeout(timer)
  timer = setTimeout(() => { tick() }, ms)
}

function route (): void {
  const hash = location.hash === '' ? '#/' : location.hash
  if (!hash.startsWith('#/')) return
  const [path, query] = hash.slice(1).split('?')
  const parts = path.split('/').filter(p => p !== '').map(decodeURIComponent)
  for (const a of document.querySelectorAll('nav a')) {
    const target = a.getAttribute('href') ?? ''
    const here = target === '#/' ? parts.length === 0 || !['journal', 'controls'].includes(parts[0]) : target === `#/${parts[0] ?? ''}`
    if (here) a.setAttribute('aria-current', 'page')
    else a.removeAttribute('aria-current')
  }
  if (parts.length === 0) {
    const clock = clockPanel('clock')
    const recent = h('aside', { class: 'card recent', 'aria-labelledby': 'recent-title' })
    const resources = h('div', { id: 'resources' })
    swap(main, h('div', { class: 'top-row' }, clock.element, recent), resources)
    renderRecent(recent)
    renderResources(resources, true)
    view = { update: () => { clock.update(); renderRecent(recent); renderResources(resources) }, needsResources: true }
  } else if (parts[0] === 'journal') {
    view = renderJournal(main, new URLSearchParams(query ?? '').get('id') ?? '')
  } else if (parts[0] === 'controls') {
    view = renderControls(main)
  } else {
    const [kind, id] = parts
    renderDetail(main, kind, id ?? '', true)
    view = { update: () => { renderDetail(main, kind, id ?? '') }, needsResources: true }
  }
  document.title = `${parts[0] ?? 'resources'} · zec-emulator console`
}

function drawHeader (): void {
  const key = JSON.stringify([state.accounts, state.account, state.accountsNote, adminToken.get() !== ''])
  if (picker.dataset.drawn !== key) {
    picker.dataset.drawn = key
    const select = h('select', { id: 'account', name: 'account' }, state.accounts.map(a => h('option', { value: a.account, selected: a.account === state.account }, a.account)))
    select.addEventListener('change', () => {
      selectAccount(select.value)
      wake()
      route()
      schedule(0)
    })
    const zecTokenInput = h('input', { id: 'zec-token', name: 'zecToken', type: 'password', autocomplete: 'off', value: zecToken.get(state.account) })
    swap(picker,
      h('label', { for: 'account' }, 'Account'), select,
      state.accountsNote !== '' ? h('span', { class: 'meta', title: state.accountsNote }, ' (accounts API not available)') : null,
      h('details', { class: 'credential' },
        h('summary', null, 'ZEC credential'),
        h('form', { onsubmit: (e: Event) => { e.preventDefault(); zecToken.set(state.account, zecTokenInput.value.trim()); wake(); schedule(0) } },
          h('label', { for: 'zec-token' }, `Bearer token of ${state.account} (only needed with --auth strict)`), zecTokenInput,
          h('button', { type: 'submit' }, 'Use')
        )
      )
    )
    swap(tokenSlot, adminToken.get() !== ''
      ? h('button', { type: 'button', onclick: () => { adminToken.clear(); location.reload() } }, 'Forget the admin token')
      : null)
  }
  const clock = state.clock
  clockBadge.textContent = clock === null ? '' : `Virtual time ${time(clock.now)} ${clock.frozen ? '(frozen)' : '(running)'}`
}

function askForToken (error: ApiError): void {
  if (waitingForToken) return
  waitingForToken = true
  const input = h('input', { id: 'admin-token', name: 'adminToken', type: 'password', autocomplete: 'current-password', required: true })
  const form = h('form', {
    class: 'card token-form',
    onsubmit: (e: Event) => {
      e.preventDefault()
      adminToken.set(input.value.trim())
      waitingForToken = false
      swap(banner)
      wake()
      start()
    }
  },
  h('h2', null, 'Admin token'),
  h('p', null, adminToken.get() === '' ? 'This emulator runs with an admin token (--admin-token / ZEC_ADMIN_TOKEN).' : `The admin API refused the token: ${error.code}: ${error.message}`),
  h('label', { for: 'admin-token' }, 'Token'), input,
  h('button', { type: 'submit' }, 'Use the token'))
  swap(banner, form)
  input.focus()
}

async function tick (): Promise<void> {
  if (running) {
    again = true
    return
  }
  running = true
  again = false
  try {
    if (waitingForToken) return
    if (ticks++ % 10 === 9) await refreshAccounts()
    const moved = await refreshClock()
    const arrived = await refreshRecent()
    if (moved || arrived) wake()
    const now = Date.now()
    const idle = state.journalError === '' ? IDLE_MS : IDLE_NO_JOURNAL_MS
    if (view.needsResources === true && (readResources || now < liveUntil || now - lastResources >= idle)) {
      readResources = false
      lastResources = now
      await refreshResources()
    }
    drawHeader()
    await view.update()
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) console.error(error)
  } finally {
    running = false
    if (!waitingForToken) schedule(again ? 0 : TICK_MS)
  }
}

async function start (): Promise<void> {
  try {
    await refreshAccounts()
  } catch {
    return // 401: the token form is showing; start() runs again once a token is given.
  }
  drawHeader()
  route()
  await tick()
}

onTokenNeeded(askForToken)
onChanged(() => {
  wake()
  schedule(0)
})
window.addEventListener('hashchange', () => {
  route()
  // What changed while another page was shown is read at once.
  if (view.needsResources === true) {
    readResources = true
    schedule(0)
  }
})
document.getElementById('skip')?.addEventListener('click', (e) => {
  e.preventDefault()
  main.focus()
})
start()
