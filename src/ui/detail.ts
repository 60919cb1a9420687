/**
 * One resource: every field ZEC answers for it (as sent), what it is tied to (a disk's snapshots,
 * policy and instance; a policy's disks and the snapshots its schedule made; an instance's disks),
 * and its history: the journal entries that name it and its schedule runs, with virtual times.
 */
import { admin, describeError } from './api.js'
import { dash, h, link, status, swap, table, time, type Child } from './dom.js'
import { diskHref, diskTable, instanceHref, instanceTable, policyHref, policyTable, snapshotHref, snapshotTable } from './resources.js'
import { findResource, isOwn, state, type JournalEntry, type Row } from './state.js'

const KINDS: Record<string, { title: string, idField: string }> = {
  disk: { title: 'Disk', idField: 'diskId' },
  snapshot: { title: 'Snapshot', idField: 'snapshotId' },
  policy: { title: 'Auto-snapshot policy', idField: 'autoSnapshotPolicyId' },
  instance: { title: 'Instance', idField: 'instanceId' }
}

const REFERENCES: Record<string, (id: string) => string> = {
  diskId: diskHref, instanceId: instanceHref, autoSnapshotPolicyId: policyHref, snapshotId: snapshotHref
}

function value (field: string, v: unknown, own: string): Child {
  if (typeof v === 'string' && v !== '' && field !== own && REFERENCES[field] !== undefined) return link(REFERENCES[field](v), v)
  if (field === 'diskIdSet' && Array.isArray(v)) return v.length === 0 ? '[]' : v.map((id, i) => [i > 0 ? ', ' : '', link(diskHref(String(id)), String(id))])
  if (field.endsWith('Status') || field === 'status') return status(String(v))
  if (v === null) return h('span', { class: 'meta' }, 'null')
  if (typeof v === 'object') {
    // Short lists and objects stay on one line; longer ones are laid out.
    const compact = JSON.stringify(v)
    return compact.length <= 90 ? h('code', null, compact) : h('pre', null, JSON.stringify(v, null, 2))
  }
  if (typeof v === 'string') return v === '' ? h('span', { class: 'meta' }, '""') : v
  return String(v)
}

function fields (row: Row, own: string): HTMLElement {
  return h('dl', { class: 'fields' }, Object.entries(row).map(([k, v]) => [h('dt', null, k), h('dd', null, value(k, v, own))]))
}

/** The journal, read when the page opens and again when a new call arrives, searched for the id. */
let history: { id: string, entries: JournalEntry[], error: string, newest: string } = { id: '', entries: [], error: '', newest: '' }
let loading = ''

async function loadHistory (id: string): Promise<void> {
  try {
    const answer = await admin<{ requests: JournalEntry[] }>('GET', '/_emulator/requests?limit=1000')
    const entries = answer.requests.filter(e => !isOwn(e) && ((e.request ?? '').includes(id) || (e.response ?? '').includes(id)))
    history = { id, entries, error: '', newest: state.recent[0]?.id ?? '' }
  } catch (error) {
    history = { id, entries: [], error: describeError(error), newest: state.recent[0]?.id ?? '' }
  }
}

function historyTable (id: string, runs: Row[]): Child[] {
  const entries = history.id === id ? history.entries : []
  return [
    runs.length > 0
      ? table('Schedule runs (Auto snapshots)', [
        { label: 'Virtual time', cell: s => time(s.createTime) },
        { label: 'Snapshot', cell: s => link(snapshotHref(s.snapshotId), s.snapshotId) },
        { label: 'Name', cell: s => s.snapshotName },
        { label: 'Status', cell: s => status(s.status) }
      ], runs)
      : null,
    history.error !== '' && history.id === id
      ? h('p', { class: 'error' }, `The journal answered: ${history.error}`)
      : table('Calls that name it (journal)', [
        { label: 'Virtual time', cell: e => time(e.virtualTime) },
        { label: 'Time', cell: e => time(e.time) },
        { label: 'Action', cell: e => e.action },
        { label: 'Status', cell: e => String(e.status), num: true },
        { label: 'Code', cell: e => dash(e.code) },
        { label: 'Journal', cell: e => link(`#/journal?id=${encodeURIComponent(e.id)}`, 'bodies', `history-${e.id}`) }
      ], entries, history.id === id ? 'no call in the journal names it' : 'reading the journal…')
  ]
}

function related (kind: string, row: Row): { parts: Child[], runs: Row[] } {
  switch (kind) {
    case 'disk': {
      const snapshots = state.snapshots.filter(s => s.diskId === row.diskId)
      const policies = state.policies.filter(p => p.autoSnapshotPolicyId === row.autoSnapshotPolicyId)
      return {
        parts: [snapshotTable('Its snapshots', snapshots), policyTable('Its auto-snapshot policy', policies), instanceTable('Its instance', state.instances.filter(i => i.instanceId === row.instanceId))],
        runs: snapshots.filter(s => s.snapshotType === 'Auto')
      }
    }
    case 'snapshot':
      return { parts: [diskTable('Its disk', state.disks.filter(d => d.diskId === row.diskId))], runs: [] }
    case 'policy': {
      const ids = new Set<string>(row.diskIdSet ?? [])
      const prefix = `auto-${String(row.autoSnapshotPolicyId)}-`
      return {
        parts: [diskTable('Its disks', state.disks.filter(d => ids.has(d.diskId)))],
        runs: state.snapshots.filter(s => s.snapshotType === 'Auto' && String(s.snapshotName).startsWith(prefix))
      }
    }
    case 'instance':
      return { parts: [diskTable('Its disks', state.disks.filter(d => d.instanceId === row.instanceId))], runs: [] }
  }
  return { parts: [], runs: [] }
}

let drawn = ''

export function renderDetail (region: HTMLElement, kind: string, id: string, force = false): void {
  const meta = KINDS[kind]
  const row = findResource(kind, id)
  const newest = state.recent[0]?.id ?? ''
  const wanted = `${id} ${newest}`
  if ((history.id !== id || history.newest !== newest) && loading !== wanted) {
    loading = wanted
    loadHistory(id).then(() => {
      loading = ''
      if (region.isConnected && location.hash.includes(encodeURIComponent(id))) renderDetail(region, kind, id, true)
    })
  }
  const { parts, runs } = row === undefined ? { parts: [], runs: [] } : related(kind, row)
  const key = JSON.stringify([kind, id, row, parts.length, runs, history, state.resourcesAt === ''])
  if (!force && key === drawn && region.childElementCount > 0) return
  drawn = key
  if (meta === undefined) {
    swap(region, h('h2', null, 'Unknown page'), h('p', null, link('#/', 'Back to the resources')))
    return
  }
  swap(region,
    h('p', null, link('#/', '← Resources')),
    h('h2', null, `${meta.title} `, h('code', null, id)),
    row === undefined
      ? h('p', { role: 'status' }, state.resourcesAt === '' ? 'Loading…' : `The account ${state.account} has no ${meta.title.toLowerCase()} ${id} (it may be gone, or belong to another account).`)
      : [
          h('section', { 'aria-labelledby': 'fields-title' }, h('h3', { id: 'fields-title' }, 'As ZEC answers it'), fields(row, meta.idField)),
          parts.length > 0 ? h('section', { 'aria-labelledby': 'related-title' }, h('h3', { id: 'related-title' }, 'Related'), parts) : null
        ],
    h('section', { 'aria-labelledby': 'history-title' }, h('h3', { id: 'history-title' }, 'History'), historyTable(id, runs))
  )
}
