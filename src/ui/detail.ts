/**
 * One resource: every field ZEC answers for it (as sent), what it is tied to (a disk's snapshots,
 * policy and instance; a policy's disks and the snapshots its schedule made; an instance's disks),
 * and its history: its lifecycle transitions, its schedule runs and the journal entries that name
 * it, in one table ordered by virtual time, newest first.
 */
import { admin, ApiError, describeError } from './api.js'
import { h, link, status, swap, table, time, type Child } from './dom.js'
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

/** A transition as GET /_emulator/resources/{id}/history answers it. */
interface Transition { transition: string, status: string, startedAt: string, endedAt: string | null, endStatus: string | null, failed: boolean }

/** What has a lifecycle, so a history route to ask. */
const LIFECYCLED = new Set(['disk', 'snapshot', 'instance'])

/**
 * The journal and the resource's transitions, read when the page opens and again when a new call
 * arrives or the resource changes (a clock move ends a transition without any call), searched
 * for the id. `seen` is what they were read for; until a new read answers, the last one for
 * the same id stays on the page.
 */
let history: { id: string, seen: string, calls: JournalEntry[], transitions: Transition[], errors: string[] } = { id: '', seen: '', calls: [], transitions: [], errors: [] }
let loading = ''

async function readCalls (id: string): Promise<JournalEntry[]> {
  const answer = await admin<{ requests: JournalEntry[] }>('GET', '/_emulator/requests?limit=1000')
  return answer.requests.filter(e => !isOwn(e) && ((e.request ?? '').includes(id) || (e.response ?? '').includes(id)))
}

async function readTransitions (kind: string, id: string): Promise<Transition[]> {
  if (!LIFECYCLED.has(kind)) return []
  try {
    const answer = await admin<{ history: Transition[] }>('GET', `/_emulator/resources/${encodeURIComponent(id)}/history?account=${encodeURIComponent(state.account)}`)
    return answer.history
  } catch (error) {
    // Gone longer than the hour its history is kept, or never in this account: nothing to show.
    if (error instanceof ApiError && error.status === 404) return []
    throw error
  }
}

async function loadHistory (kind: string, id: string, seen: string): Promise<void> {
  const errors: string[] = []
  const [calls, transitions] = await Promise.all([
    readCalls(id).catch(error => { errors.push(`The journal answered: ${describeError(error)}`); return [] }),
    readTransitions(kind, id).catch(error => { errors.push(`The history answered: ${describeError(error)}`); return [] })
  ])
  history = { id, seen, calls, transitions, errors }
}

/** One row of the History table: when, what it is (as text), and what happened. */
interface Event { at: number, when: string, what: string, detail: Child, outcome: Child, rank: number }

// Seconds, as ZEC's times have them: a call and the transition it started share their second, and
// the rank then puts the call below what it started (newest first).
const second = (iso: string) => Math.floor(Date.parse(iso) / 1000)

function transitionEvent (tr: Transition): Event {
  return {
    at: second(tr.startedAt),
    when: tr.startedAt,
    what: 'Transition',
    detail: [h('code', null, tr.transition), ` through ${tr.status}, `, tr.endedAt === null ? 'in flight' : `ended ${time(tr.endedAt)}`],
    outcome: tr.endStatus === null ? status(tr.status) : [status(tr.endStatus), tr.failed ? ' failed' : ''],
    rank: 0
  }
}

const runEvent = (s: Row): Event => ({
  at: second(s.createTime),
  when: s.createTime,
  what: 'Schedule run',
  detail: ['auto snapshot ', link(snapshotHref(s.snapshotId), s.snapshotId), ` ${String(s.snapshotName)}`],
  outcome: status(s.status),
  rank: 1
})

const callEvent = (e: JournalEntry): Event => ({
  at: second(e.virtualTime),
  when: e.virtualTime,
  what: 'Call',
  detail: [`${e.action} `, link(`#/journal?id=${encodeURIComponent(e.id)}`, 'bodies', `history-${e.id}`)],
  outcome: `${e.status}${e.code === null || e.code === undefined ? '' : ` ${e.code}`}`,
  rank: 2
})

function historyTable (id: string, runs: Row[]): Child[] {
  const loaded = history.id === id
  const events = [...(loaded ? history.transitions.map(transitionEvent) : []), ...runs.map(runEvent), ...(loaded ? history.calls.map(callEvent) : [])]
  events.sort((a, b) => b.at - a.at || a.rank - b.rank)
  return [
    loaded ? history.errors.map(message => h('p', { class: 'error' }, message)) : null,
    table('History (transitions, schedule runs, calls)', [
      { label: 'Virtual time', cell: e => time(e.when) },
      { label: 'What', cell: e => e.what, col: 'what' },
      { label: 'Detail', cell: e => e.detail },
      { label: 'Outcome', cell: e => e.outcome }
    ], events, loaded ? 'no transition, schedule run or call names it' : 'reading the history…')
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
  const seen = JSON.stringify([id, newest, row ?? null])
  if (history.seen !== seen && loading !== seen) {
    loading = seen
    loadHistory(kind, id, seen).then(() => {
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
