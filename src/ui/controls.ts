/**
 * The controls page: the virtual clock, reset (this account or all, to the fixtures or empty),
 * checkpoints and the state file, fault rules, lifecycle policies (with failure injections and
 * "complete now") and the selected account's quotas. Every control shows the admin API's answer.
 */
import { admin, describeError } from './api.js'
import { act } from './act.js'
import { checkpointsPanel } from './checkpoints.js'
import { clockPanel } from './clock.js'
import { answerBox, h, swap } from './dom.js'
import { faultsPanel } from './faults.js'
import { state } from './state.js'

interface LifecycleView { policies: Record<string, string>, failNext: Record<string, number>, transitions: Record<string, string> }

function resetPanel (): HTMLElement {
  const box = answerBox()
  const scope = h('select', { id: 'reset-scope', name: 'scope' },
    h('option', { value: 'account' }, `this account (${state.account})`),
    h('option', { value: 'all' }, 'every account'))
  const to = h('select', { id: 'reset-to', name: 'to' },
    h('option', { value: 'fixtures' }, 'the fixtures'),
    h('option', { value: 'empty' }, 'empty'))
  const reset = () => act(box, () => admin('POST', '/_emulator/reset', {
    ...(scope.value === 'account' ? { account: state.account } : {}),
    ...(to.value === 'empty' ? { to: 'empty' } : {})
  }))
  return h('section', { class: 'card', 'aria-labelledby': 'reset-title' },
    h('h2', { id: 'reset-title' }, 'Reset'),
    h('form', { class: 'inline', onsubmit: (e: Event) => { e.preventDefault(); reset() } },
      h('label', { for: 'reset-scope' }, 'Which accounts'), scope,
      h('label', { for: 'reset-to' }, 'back to'), to,
      h('button', { type: 'submit', class: 'danger' }, 'Reset')
    ),
    box
  )
}

function lifecyclePanel (): { element: HTMLElement, load: () => Promise<void> } {
  const box = answerBox()
  const body = h('div')
  const completeBox = answerBox()
  const resource = h('select', { id: 'lc-resource', name: 'resource' }, h('option', { value: 'snapshot' }, 'snapshot'), h('option', { value: 'disk' }, 'disk'))
  const id = h('input', { id: 'lc-id', name: 'id', autocomplete: 'off', required: true, placeholder: 'a disk or snapshot id' })

  const draw = (view: LifecycleView) => {
    const names = Object.keys(view.transitions)
    const inputs = names.map(name => ({
      name,
      policy: h('input', { id: `lc-${name}`, name, value: view.policies[name] ?? '', size: 14, autocomplete: 'off', 'aria-describedby': `lc-${name}-what` }),
      fail: h('input', { id: `lc-fail-${name}`, name: `fail-${name}`, type: 'number', min: 0, value: String(view.failNext[name] ?? 0), 'aria-label': `Fail the next N ${name} transitions` })
    }))
    const save = () => act(box, () => {
      const policies: Record<string, string> = {}
      const failNext: Record<string, number> = {}
      for (const input of inputs) {
        if (input.policy.value.trim() !== (view.policies[input.name] ?? '')) policies[input.name] = input.policy.value.trim()
        if (Number(input.fail.value) !== (view.failNext[input.name] ?? 0)) failNext[input.name] = Number(input.fail.value)
      }
      return admin<LifecycleView>('PUT', '/_emulator/lifecycle', { policies, failNext })
    }, draw)
    swap(body, h('form', { onsubmit: (e: Event) => { e.preventDefault(); save() } },
      h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': 'Lifecycle policies' },
        h('table', null,
          h('caption', null, 'Policy of each transition: immediate, after:<duration>, describes:<n> or manual'),
          h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Transition'), h('th', { scope: 'col' }, 'What'), h('th', { scope: 'col' }, 'Policy'), h('th', { scope: 'col' }, 'Fail next'))),
          h('tbody', null, inputs.map(input => h('tr', null,
            h('th', { scope: 'row' }, h('label', { for: `lc-${input.name}` }, input.name)),
            h('td', { id: `lc-${input.name}-what`, class: 'wrap' }, view.transitions[input.name]),
            h('td', null, input.policy),
            h('td', null, input.fail)
          )))
        )
      ),
      h('div', { class: 'buttons' }, h('button', { type: 'submit' }, 'Save the policies'))
    ))
  }
  const load = async () => {
    try {
      draw(await admin<LifecycleView>('GET', '/_emulator/lifecycle'))
    } catch (e) {
      swap(body, h('p', { class: 'error' }, `GET /_emulator/lifecycle answered: ${describeError(e)}`))
    }
  }
  const element = h('section', { class: 'card wide', 'aria-labelledby': 'lc-title' },
    h('h2', { id: 'lc-title' }, 'Lifecycle policies'),
    body,
    box,
    h('form', { class: 'inline', onsubmit: (e: Event) => { e.preventDefault(); act(completeBox, () => admin('POST', '/_emulator/lifecycle/complete', { resource: resource.value, id: id.value.trim() })) } },
      h('label', { for: 'lc-resource' }, 'Complete the pending transition of'), resource, h('label', { for: 'lc-id', class: 'visually-hidden' }, 'Id'), id,
      h('button', { type: 'submit' }, 'Complete now')
    ),
    completeBox
  )
  load()
  return { element, load }
}

function quotasPanel (): { element: HTMLElement, load: () => Promise<void> } {
  const box = answerBox()
  const perDisk = h('input', { id: 'q-disk', name: 'snapshotsPerDisk', type: 'number', min: 0 })
  const perAccount = h('input', { id: 'q-account', name: 'snapshotsPerAccount', type: 'number', min: 0 })
  const title = h('h2', { id: 'q-title' })
  const load = async () => {
    title.textContent = `Quotas of ${state.account}`
    try {
      const q = await admin<{ snapshotsPerDisk: number, snapshotsPerAccount: number }>('GET', `/_emulator/quotas?account=${encodeURIComponent(state.account)}`)
      perDisk.value = String(q.snapshotsPerDisk)
      perAccount.value = String(q.snapshotsPerAccount)
    } catch (e) {
      box.className = 'answer answer-error'
      box.textContent = `GET /_emulator/quotas answered: ${describeError(e)}`
    }
  }
  const save = () => act(box, () => admin('PUT', '/_emulator/quotas', {
    account: state.account,
    ...(perDisk.value !== '' ? { snapshotsPerDisk: Number(perDisk.value) } : {}),
    ...(perAccount.value !== '' ? { snapshotsPerAccount: Number(perAccount.value) } : {})
  }))
  const element = h('section', { class: 'card', 'aria-labelledby': 'q-title' },
    title,
    h('form', { onsubmit: (e: Event) => { e.preventDefault(); save() } },
      h('div', { class: 'grid' },
        h('label', { for: 'q-disk' }, 'Snapshots per disk', perDisk),
        h('label', { for: 'q-account' }, 'Snapshots per account', perAccount)),
      h('div', { class: 'buttons' }, h('button', { type: 'submit' }, 'Save the quotas'))
    ),
    box
  )
  load()
  return { element, load }
}

export function renderControls (region: HTMLElement): { update: () => Promise<void> } {
  const clock = clockPanel('controls-clock')
  const faults = faultsPanel()
  const checkpoints = checkpointsPanel()
  const lifecycle = lifecyclePanel()
  const quotas = quotasPanel()
  swap(region,
    h('h2', { class: 'visually-hidden' }, 'Controls'),
    h('div', { class: 'cards' }, clock.element, resetPanel(), checkpoints.element, quotas.element, faults.element, lifecycle.element)
  )
  let ticks = 0
  return {
    update: async () => {
      clock.update()
      // The lists are cheap, but the hits of a rule are what one watches: every other second.
      if (ticks++ % 2 === 0) await Promise.all([faults.update(), checkpoints.update()])
    }
  }
}
