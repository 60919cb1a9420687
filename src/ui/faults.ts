/**
 * Fault rules (POST/GET/DELETE /_emulator/faults): a form for one rule (what it matches, how
 * often, one effect: an error, a throttle, latency or a dropped connection) and the list of rules
 * with their hits, each removable.
 */
import { admin, describeError } from './api.js'
import { act } from './act.js'
import { answerBox, dash, h, swap, table, time } from './dom.js'
import { state, type Row } from './state.js'

function effectOf (rule: Row): string {
  const r = { ...rule, ...(typeof rule.effect === 'object' && rule.effect !== null ? rule.effect : {}) }
  if (r.throttle === true) return 'throttle (429)'
  if (r.drop === true) return 'drop the connection'
  if (typeof r.error === 'object' && r.error !== null) return `error ${String(r.error.status)} ${String(r.error.code)}`
  if (typeof r.latencyMs === 'number') return `latency ${r.latencyMs} ms`
  if (typeof r.latencyMs === 'object' && r.latencyMs !== null) return `latency ${String(r.latencyMs.min)}–${String(r.latencyMs.max)} ms`
  return JSON.stringify(rule.effect ?? '?')
}

function scopeOf (rule: Row): string {
  const parts = [['action', rule.action], ['account', rule.account], ['key', rule.accessKeyId], ['resource', rule.resourceId]]
    .filter(([, v]) => v !== undefined && v !== null && v !== '').map(([k, v]) => `${String(k)} ${String(v)}`)
  return parts.length === 0 ? 'every call' : parts.join(', ')
}

export function faultsPanel (): { element: HTMLElement, update: () => Promise<void> } {
  const field = (id: string, label: string, attrs: Record<string, unknown> = {}) => {
    const input = h('input', { id, name: id, autocomplete: 'off', ...attrs })
    return { input, label: h('label', { for: id }, label, input) }
  }
  const action = field('f-action', 'Action', { placeholder: 'any, e.g. CreateSnapshot' })
  const account = h('select', { id: 'f-account', name: 'account' })
  const key = field('f-key', 'Access key id', { placeholder: 'any' })
  const resource = field('f-resource', 'Resource id', { placeholder: 'any' })
  const probability = field('f-probability', 'Probability (0–1)', { type: 'number', min: 0, max: 1, step: 0.01, placeholder: '1' })
  const times = field('f-times', 'Times (next N matches)', { type: 'number', min: 1, step: 1, placeholder: 'unlimited' })
  const expires = field('f-expires', 'Expires at (virtual)', { placeholder: 'ISO instant, optional' })
  const effect = h('select', { id: 'f-effect', name: 'effect' },
    h('option', { value: 'throttle' }, 'throttle (429 REQUEST_LIMIT_EXCEEDED)'),
    h('option', { value: 'error' }, 'error'),
    h('option', { value: 'latency' }, 'latency'),
    h('option', { value: 'drop' }, 'drop the connection'))
  const code = field('f-code', 'Error code', { value: 'INTERNAL_SERVER_ERROR' })
  const status = field('f-status', 'Error status', { type: 'number', min: 400, max: 599, value: '500' })
  const message = field('f-message', 'Error message', { placeholder: 'optional' })
  const latency = field('f-latency', 'Latency ms (n or min-max)', { value: '500', placeholder: '500 or 100-900' })
  const errorFields = h('div', { class: 'grid' }, code.label, status.label, message.label)
  const latencyFields = h('div', { class: 'grid' }, latency.label)
  const showEffect = () => {
    errorFields.hidden = effect.value !== 'error'
    latencyFields.hidden = effect.value !== 'latency'
  }
  effect.addEventListener('change', showEffect)
  showEffect()
  const box = answerBox()
  const listBox = answerBox()
  const list = h('div', { class: 'fault-list' })

  const rule = (): Record<string, unknown> => {
    const r: Record<string, unknown> = {}
    if (action.input.value.trim() !== '') r.action = action.input.value.trim()
    if (account.value !== '') r.account = account.value
    if (key.input.value.trim() !== '') r.accessKeyId = key.input.value.trim()
    if (resource.input.value.trim() !== '') r.resourceId = resource.input.value.trim()
    if (probability.input.value !== '') r.probability = Number(probability.input.value)
    if (times.input.value !== '') r.times = Number(times.input.value)
    if (expires.input.value.trim() !== '') r.expiresAt = expires.input.value.trim()
    switch (effect.value) {
      case 'throttle': r.throttle = true; break
      case 'drop': r.drop = true; break
      case 'error': r.error = { code: code.input.value.trim(), status: Number(status.input.value), ...(message.input.value.trim() !== '' ? { message: message.input.value.trim() } : {}) }; break
      case 'latency': {
        const m = /^\s*(\d+)\s*(?:-\s*(\d+))?\s*$/.exec(latency.input.value)
        r.latencyMs = m === null ? latency.input.value : m[2] === undefined ? Number(m[1]) : { min: Number(m[1]), max: Number(m[2]) }
        break
      }
    }
    return r
  }

  let drawn = ''
  const update = async () => {
    const accounts = JSON.stringify(state.accounts)
    if (account.dataset.accounts !== accounts) {
      account.dataset.accounts = accounts
      const chosen = account.value
      swap(account, h('option', { value: '' }, 'any account'), state.accounts.map(a => h('option', { value: a.account, selected: a.account === chosen }, a.account)))
    }
    let rows: Row[] = []
    let error = ''
    try {
      rows = (await admin<{ faults: Row[] }>('GET', '/_emulator/faults')).faults
    } catch (e) {
      error = describeError(e)
    }
    const key = JSON.stringify([rows, error])
    if (key === drawn) return
    drawn = key
    swap(list, error !== ''
      ? h('p', { class: 'error' }, `GET /_emulator/faults answered: ${error}`)
      : table('Fault rules', [
        { label: 'ID', cell: r => h('code', null, r.id) },
        { label: 'Matches', cell: scopeOf },
        { label: 'Effect', cell: effectOf },
        { label: 'Probability', cell: r => dash(r.probability), num: true },
        { label: 'Times left', cell: r => r.timesLeft === undefined ? 'unlimited' : `${String(r.timesLeft)} of ${String(r.times ?? '?')}`, num: true },
        { label: 'Expires', cell: r => time(r.expiresAt) },
        { label: 'Matched', cell: r => dash(r.matched), num: true, col: 'matched' },
        { label: 'Hits', cell: r => String(r.hits ?? 0), num: true, col: 'hits' },
        { label: 'Active', cell: r => r.active === false ? 'no (expired or used up)' : 'yes', col: 'active' },
        { label: 'Created', cell: r => time(r.createdAt) },
        { label: 'Remove', cell: r => h('button', { type: 'button', class: 'danger', 'aria-label': `Remove ${String(r.id)}`, 'data-key': `remove-${String(r.id)}`, onclick: () => { act(listBox, () => admin('DELETE', `/_emulator/faults/${encodeURIComponent(r.id)}`), update) } }, 'Remove') }
      ], rows, 'no fault rules', r => String(r.id)))
  }

  const element = h('section', { class: 'card wide', 'aria-labelledby': 'faults-title' },
    h('h2', { id: 'faults-title' }, 'Fault rules'),
    h('form', { onsubmit: (e: Event) => { e.preventDefault(); act(box, () => admin('POST', '/_emulator/faults', rule()), update) } },
      h('div', { class: 'grid' }, action.label, h('label', { for: 'f-account' }, 'Account', account), key.label, resource.label, probability.label, times.label, expires.label,
        h('label', { for: 'f-effect' }, 'Effect', effect)),
      errorFields, latencyFields,
      h('div', { class: 'buttons' }, h('button', { type: 'submit' }, 'Add the rule'))
    ),
    box,
    list,
    h('div', { class: 'buttons' }, h('button', { type: 'button', class: 'danger', onclick: () => { act(listBox, () => admin('DELETE', '/_emulator/faults'), update) } }, 'Remove every rule')),
    listBox
  )
  update()
  return { element, update }
}
