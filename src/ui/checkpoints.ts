/**
 * Checkpoints (/_emulator/state/checkpoints): save the whole state under a name, list the saved
 * ones, restore or delete one. Also the state file: export (download) and import (upload).
 */
import { admin, describeError } from './api.js'
import { act } from './act.js'
import { answerBox, h, swap, table, time } from './dom.js'
import type { Row } from './state.js'

const BASE = '/_emulator/state/checkpoints'

export function checkpointsPanel (): { element: HTMLElement, update: () => Promise<void> } {
  const name = h('input', { id: 'cp-name', name: 'name', required: true, autocomplete: 'off', placeholder: 'e.g. before-test' })
  const box = answerBox()
  const list = h('div', { class: 'checkpoint-list' })
  const file = h('input', { id: 'state-file', name: 'file', type: 'file', accept: '.db,.sqlite,application/octet-stream' })
  const stateBox = answerBox()

  let drawn = ''
  const update = async () => {
    let rows: Row[] = []
    let error = ''
    try {
      rows = (await admin<{ checkpoints: Row[] }>('GET', BASE)).checkpoints
    } catch (e) {
      error = describeError(e)
    }
    const key = JSON.stringify([rows, error])
    if (key === drawn) return
    drawn = key
    const named = (r: Row) => encodeURIComponent(String(r.name))
    swap(list, error !== ''
      ? h('p', { class: 'error' }, `GET ${BASE} answered: ${error}`)
      : table('Saved checkpoints', [
        { label: 'Name', cell: r => h('code', null, r.name) },
        { label: 'Saved at', cell: r => time(r.savedAt) },
        { label: 'Size', cell: r => `${Math.ceil(Number(r.sizeBytes) / 1024)} KiB`, num: true },
        { label: 'Restore', cell: r => h('button', { type: 'button', 'aria-label': `Restore ${String(r.name)}`, 'data-key': `restore-${String(r.name)}`, onclick: () => { act(box, () => admin('POST', `${BASE}/${named(r)}/restore`), update) } }, 'Restore') },
        { label: 'Delete', cell: r => h('button', { type: 'button', class: 'danger', 'aria-label': `Delete ${String(r.name)}`, 'data-key': `delete-${String(r.name)}`, onclick: () => { act(box, () => admin('DELETE', `${BASE}/${named(r)}`), update) } }, 'Delete') }
      ], rows, 'none saved', r => String(r.name)))
  }

  const exportState = () => act(stateBox, async () => {
    const blob = await admin<Blob>('GET', '/_emulator/state/export', undefined, { asBlob: true })
    const url = URL.createObjectURL(blob)
    const a = h('a', { href: url, download: 'zec-emulator-state.sqlite' })
    document.body.append(a)
    a.click()
    a.remove()
    setTimeout(() => { URL.revokeObjectURL(url) }, 10_000)
    return { downloaded: 'zec-emulator-state.sqlite', sizeBytes: blob.size }
  })
  const importState = () => act(stateBox, async () => {
    const chosen = file.files?.[0]
    if (chosen === undefined) throw new Error('Choose a state file first.')
    return await admin('POST', '/_emulator/state/import', undefined, { binary: chosen })
  })

  const element = h('section', { class: 'card', 'aria-labelledby': 'cp-title' },
    h('h2', { id: 'cp-title' }, 'Checkpoints'),
    h('form', { class: 'inline', onsubmit: (e: Event) => { e.preventDefault(); act(box, () => admin('POST', BASE, { name: name.value.trim() }), update) } },
      h('label', { for: 'cp-name' }, 'Name'), name,
      h('button', { type: 'submit' }, 'Save a checkpoint')
    ),
    box,
    list,
    h('h3', null, 'State file'),
    h('div', { class: 'buttons' },
      h('button', { type: 'button', onclick: () => { exportState() } }, 'Export the state'),
      h('label', { for: 'state-file' }, 'State file to import', file),
      h('button', { type: 'button', onclick: () => { importState() } }, 'Import')
    ),
    stateBox
  )
  update()
  return { element, update }
}
