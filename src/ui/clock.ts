/**
 * The virtual clock control (POST /_emulator/clock): shows the virtual now and whether it is
 * frozen; freezes, resumes, sets it to an instant or advances it by an ISO-8601 duration.
 * Shown on the resources page (to watch transitions end) and on the controls page.
 */
import { admin } from './api.js'
import { act } from './act.js'
import { answerBox, h, time } from './dom.js'
import { refreshClock, state } from './state.js'

const PRESETS = [['PT1M', '1 minute'], ['PT10M', '10 minutes'], ['PT1H', '1 hour'], ['P1D', '1 day'], ['P7D', '7 days']]

export function clockPanel (prefix: string): { element: HTMLElement, update: () => void } {
  const now = h('strong', { class: 'clock-now' })
  const mode = h('span', { class: 'clock-mode' })
  const by = h('input', { id: `${prefix}-by`, name: 'by', value: 'PT1H', list: `${prefix}-presets`, size: 8, autocomplete: 'off', 'aria-describedby': `${prefix}-by-help` })
  const to = h('input', { id: `${prefix}-to`, name: 'to', size: 22, autocomplete: 'off', placeholder: '2026-01-15T10:00:00Z' })
  to.addEventListener('input', () => { to.dataset.edited = 'yes' })
  const box = answerBox()
  const move = (body: Record<string, string>) => act(box, () => admin('POST', '/_emulator/clock', body), async () => { await refreshClock() })

  const element = h('section', { class: 'card clock', 'aria-labelledby': `${prefix}-title` },
    h('div', { class: 'clock-head' },
      h('h2', { id: `${prefix}-title` }, 'Virtual clock'),
      h('p', { class: 'clock-line', role: 'status' }, now, ' ', mode)
    ),
    h('div', { class: 'clock-controls' },
      h('div', { class: 'buttons' },
        h('button', { type: 'button', onclick: () => { move({ action: 'freeze' }) } }, 'Freeze'),
        h('button', { type: 'button', onclick: () => { move({ action: 'resume' }) } }, 'Resume')
      ),
      h('form', { class: 'inline', onsubmit: (e: Event) => { e.preventDefault(); move({ action: 'advance', by: by.value.trim() }) } },
        h('label', { for: `${prefix}-by` }, 'Advance by'), by,
        h('datalist', { id: `${prefix}-presets` }, PRESETS.map(([value, label]) => h('option', { value }, label))),
        h('button', { type: 'submit' }, 'Advance'),
        h('small', { id: `${prefix}-by-help`, class: 'meta' }, 'ISO-8601: PT30S, PT10M, P1D')
      ),
      h('form', { class: 'inline', onsubmit: (e: Event) => { e.preventDefault(); move({ action: 'set', to: to.value.trim() }) } },
        h('label', { for: `${prefix}-to` }, 'Set to'), to,
        h('button', { type: 'submit' }, 'Set')
      )
    ),
    box
  )
  const update = () => {
    const clock = state.clock
    now.textContent = clock === null ? (state.clockError !== '' ? `unknown (${state.clockError})` : '…') : time(clock.now)
    mode.textContent = clock === null ? '' : clock.frozen ? '(frozen)' : `(running, ${clock.offsetMs >= 0 ? '+' : ''}${Math.round(clock.offsetMs / 1000)} s from real time)`
    // "Set to" follows the clock until the user types in it.
    if (to.dataset.edited !== 'yes' && clock !== null && document.activeElement !== to) to.value = clock.now.replace(/\.\d+Z$/, 'Z')
  }
  update()
  return { element, update }
}
