/**
 * The request journal (GET /_emulator/requests): filtered by action, account, status and a text
 * search in the bodies, newest first, each entry's request and response bodies one button away.
 * The console's own calls are left out unless asked for. "Clear" is DELETE /_emulator/requests.
 */
import { admin, describeError } from './api.js'
import { answerBox, dash, h, pretty, showAnswer, swap, time } from './dom.js'
import { forgetRecent, isOwn, state, type JournalEntry } from './state.js'

const open = new Set<string>()
let entries: JournalEntry[] = []
let error = ''
let drawn = ''

interface Filters { action: string, account: string, status: string, limit: string, text: string, own: boolean }

const limitOf = (f: Filters): number => Math.max(1, Math.min(1000, Number(f.limit === '' ? '100' : f.limit) || 100))

/** With the console's own calls hidden, more are asked for so that `limit` others remain. */
function query (f: Filters): string {
  const params = new URLSearchParams()
  if (f.action !== '') params.set('action', f.action)
  if (f.account !== '') params.set('account', f.account)
  if (f.status !== '') params.set('status', f.status)
  params.set('limit', String(f.own ? limitOf(f) : Math.min(1000, limitOf(f) + 400)))
  return params.toString()
}

function bodies (entry: JournalEntry): HTMLElement {
  return h('div', { class: 'bodies' },
    h('div', null, h('h4', null, 'Request'), h('pre', { tabindex: 0 }, entry.request === undefined || entry.request === '' ? '(empty)' : pretty(entry.request))),
    h('div', null, h('h4', null, 'Response'), h('pre', { tabindex: 0 }, entry.response === undefined || entry.response === '' ? '(empty)' : pretty(entry.response)))
  )
}

function list (f: Filters): HTMLElement {
  const shown = entries.filter(e => (f.own || !isOwn(e)) &&
    (f.text === '' || `${e.request ?? ''}\n${e.response ?? ''}\n${e.id}`.toLowerCase().includes(f.text.toLowerCase()))).slice(0, limitOf(f))
  if (error !== '') return h('p', { class: 'error', role: 'alert' }, `The journal answered: ${error}`)
  if (shown.length === 0) return h('p', { class: 'empty' }, 'No call matches.')
  return h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': 'Journal entries' },
    h('table', { class: 'journal' },
      h('caption', null, `Calls, newest first (${shown.length})`),
      h('thead', null, h('tr', null, ['Time', 'Virtual time', 'Account', 'Action', 'Status', 'Code', 'Fault rule', 'ms', 'Bodies'].map(label => h('th', { scope: 'col' }, label)))),
      h('tbody', null, shown.map(e => {
        const expanded = open.has(e.id)
        const toggle = () => {
          if (open.has(e.id)) open.delete(e.id)
          else open.add(e.id)
          drawn = ''
          redraw()
        }
        return [
          h('tr', { 'data-row': e.id },
            h('td', null, time(e.time)),
            h('td', null, time(e.virtualTime)),
            h('td', null, dash(e.account)),
            h('td', null, dash(e.action)),
            h('td', { class: 'num' }, String(e.status)),
            h('td', null, dash(e.code)),
            h('td', null, dash(e.fault)),
            h('td', { class: 'num' }, e.durationMs === undefined ? '—' : String(Math.round(e.durationMs * 10) / 10)),
            h('td', null, h('button', { type: 'button', 'aria-expanded': String(expanded), 'data-key': `bodies-${e.id}`, onclick: toggle }, expanded ? 'Hide' : 'Show'))
          ),
          expanded ? h('tr', { class: 'bodies-row' }, h('td', { colspan: 9 }, bodies(e))) : null
        ]
      }))
    )
  )
}

let redraw: () => void = () => {}

export function renderJournal (region: HTMLElement, focusId = ''): { update: () => Promise<void> } {
  const action = h('input', { id: 'j-action', name: 'action', placeholder: 'e.g. CreateSnapshot', autocomplete: 'off' })
  const account = h('select', { id: 'j-account', name: 'account' }, h('option', { value: '' }, 'every account'), state.accounts.map(a => h('option', { value: a.account }, a.account)))
  const statusInput = h('input', { id: 'j-status', name: 'status', inputmode: 'numeric', placeholder: 'e.g. 429', size: 5 })
  const limit = h('input', { id: 'j-limit', name: 'limit', type: 'number', min: 1, max: 1000, value: '100' })
  const text = h('input', { id: 'j-text', name: 'text', type: 'search', placeholder: 'an id, a code…', value: focusId })
  const own = h('input', { id: 'j-own', name: 'own', type: 'checkbox' })
  const results = h('div', { id: 'journal-results' })
  const answer = answerBox()
  if (focusId !== '') open.add(focusId)
  const filters = (): Filters => ({ action: action.value.trim(), account: account.value, status: statusInput.value.trim(), limit: limit.value.trim(), text: text.value.trim(), own: own.checked })

  let ticks = 0
  const read = async () => {
    try {
      const answer = await admin<{ requests: JournalEntry[] }>('GET', `/_emulator/requests?${query(filters())}`)
      entries = answer.requests
      error = ''
    } catch (e) {
      error = describeError(e)
    }
    redraw()
  }
  // Bodies make the list heavy: it is read every other second, and at once on Filter or Clear.
  const update = async () => { if (ticks++ % 2 === 0) await read() }
  redraw = () => {
    const f = filters()
    const key = JSON.stringify([f, entries.map(e => e.id), error, [...open]])
    if (key === drawn && results.childElementCount > 0) return
    drawn = key
    swap(results, list(f))
  }
  const clear = async () => {
    try {
      showAnswer(answer, true, JSON.stringify(await admin('DELETE', '/_emulator/requests')))
      forgetRecent()
    } catch (e) {
      showAnswer(answer, false, describeError(e))
    }
    await read()
  }

  drawn = ''
  swap(region,
    h('h2', null, 'Request journal'),
    h('form', { class: 'filters', onsubmit: (event: Event) => { event.preventDefault(); read() } },
      h('label', { for: 'j-action' }, 'Action', action),
      h('label', { for: 'j-account' }, 'Account', account),
      h('label', { for: 'j-status' }, 'Status', statusInput),
      h('label', { for: 'j-limit' }, 'Limit', limit),
      h('label', { for: 'j-text' }, 'Text in bodies', text),
      h('label', { for: 'j-own', class: 'check' }, own, ' the console\'s own calls'),
      h('div', { class: 'buttons' },
        h('button', { type: 'submit' }, 'Filter'),
        h('button', { type: 'button', class: 'danger', onclick: () => { clear() } }, 'Clear the journal'))
    ),
    answer,
    results
  )
  text.addEventListener('input', () => { redraw() })
  own.addEventListener('change', () => { read() })
  read()
  return { update }
}
