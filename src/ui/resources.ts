/**
 * The first page: for the selected account, every zone with its disks, snapshots, auto-snapshot
 * policies and instances (id, name, status as text, size, zone, attachment, times), and a panel
 * of the most recent calls from the journal. Each is redrawn only when what it shows changed.
 */
import { dash, h, link, status, swap, table, time, type Child } from './dom.js'
import { state, type JournalEntry, type Row } from './state.js'

export const diskHref = (id: string) => `#/disk/${encodeURIComponent(id)}`
export const snapshotHref = (id: string) => `#/snapshot/${encodeURIComponent(id)}`
export const policyHref = (id: string) => `#/policy/${encodeURIComponent(id)}`
export const instanceHref = (id: string) => `#/instance/${encodeURIComponent(id)}`

const idLink = (href: string, id: string): Child => id === '' || id === undefined ? '—' : link(href, id)

export function diskTable (caption: string, disks: Row[]): HTMLElement {
  return table(caption, [
    { label: 'ID', cell: d => link(diskHref(d.diskId), d.diskId) },
    { label: 'Name', cell: d => d.diskName },
    { label: 'Status', cell: d => status(d.diskStatus) },
    { label: 'Size', cell: d => `${String(d.diskSize)} GiB`, num: true },
    { label: 'Type', cell: d => h('span', { title: d.diskCategory }, d.diskType) },
    { label: 'Zone', cell: d => d.zoneId },
    { label: 'Attached to', cell: d => d.instanceId === '' ? 'not attached' : h('a', { href: instanceHref(d.instanceId), title: `instance ${String(d.instanceId)}` }, d.instanceName !== '' ? d.instanceName : d.instanceId) },
    { label: 'Policy', cell: d => idLink(policyHref(d.autoSnapshotPolicyId), d.autoSnapshotPolicyId) },
    { label: 'Created', cell: d => time(d.createTime) },
    { label: 'Expires', cell: d => time(d.expiredTime) }
  ], disks, 'none', d => d.diskId)
}

export function snapshotTable (caption: string, snapshots: Row[]): HTMLElement {
  return table(caption, [
    { label: 'ID', cell: s => link(snapshotHref(s.snapshotId), s.snapshotId) },
    { label: 'Name', cell: s => s.snapshotName },
    { label: 'Status', cell: s => status(s.status) },
    { label: 'Type', cell: s => s.snapshotType },
    { label: 'Disk', cell: s => idLink(diskHref(s.diskId), s.diskId) },
    { label: 'Zone', cell: s => s.zoneId },
    { label: 'Created', cell: s => time(s.createTime) },
    { label: 'Kept until', cell: s => time(s.retentionTime) }
  ], snapshots, 'none', s => s.snapshotId)
}

const WEEKDAYS = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
export const schedule = (p: Row): string =>
  `${(p.repeatWeekDays as number[] ?? []).map(d => WEEKDAYS[d] ?? d).join(' ')} at ${(p.hours as number[] ?? []).map(x => `${String(x).padStart(2, '0')}:00`).join(' ')} UTC`

export function policyTable (caption: string, policies: Row[]): HTMLElement {
  return table(caption, [
    { label: 'ID', cell: p => link(policyHref(p.autoSnapshotPolicyId), p.autoSnapshotPolicyId) },
    { label: 'Name', cell: p => p.autoSnapshotPolicyName },
    { label: 'Schedule', cell: schedule },
    { label: 'Keeps', cell: p => p.retentionDays === -1 ? 'forever' : `${String(p.retentionDays)} days` },
    { label: 'Zone', cell: p => p.zoneId },
    { label: 'Disks', cell: p => (p.diskIdSet as string[] ?? []).length === 0 ? 'none' : (p.diskIdSet as string[]).map((id, i) => [i > 0 ? ', ' : '', link(diskHref(id), id)]) },
    { label: 'Created', cell: p => time(p.createTime) }
  ], policies, 'none', p => p.autoSnapshotPolicyId)
}

export function instanceTable (caption: string, instances: Row[]): HTMLElement {
  const disksOf = (id: string) => state.disks.filter(d => d.instanceId === id)
  return table(caption, [
    { label: 'ID', cell: i => link(instanceHref(i.instanceId), i.instanceId) },
    { label: 'Name', cell: i => i.instanceName },
    { label: 'Status', cell: i => status(i.status) },
    { label: 'Size', cell: i => `${String(i.instanceType)} · ${String(i.cpu)} vCPU · ${String(i.memory)} GiB` },
    { label: 'Zone', cell: i => i.zoneId },
    { label: 'Disks', cell: i => disksOf(i.instanceId).length === 0 ? 'none' : disksOf(i.instanceId).map((d, n) => [n > 0 ? ', ' : '', link(diskHref(d.diskId), d.diskId)]) },
    { label: 'IPs', cell: i => dash([...(i.publicIpAddresses ?? []), ...(i.privateIpAddresses ?? [])].join(' ')) },
    { label: 'Created', cell: i => time(i.createTime) },
    { label: 'Expires', cell: i => time(i.expiredTime) }
  ], instances, 'none', i => i.instanceId)
}

export function journalTable (caption: string, entries: JournalEntry[]): HTMLElement {
  return table(caption, [
    { label: 'Time', cell: e => h('span', { title: `${time(e.time)}, virtual ${time(e.virtualTime)}` }, time(e.time).slice(11)) },
    { label: 'Account', cell: e => dash(e.account) },
    { label: 'Action', cell: e => dash(e.action) },
    { label: 'Status', cell: e => String(e.status), num: true },
    { label: 'Code', cell: e => dash(e.code) }
  ], entries, 'no calls yet', e => e.id)
}

function zoneSection (zone: Row): HTMLElement | null {
  const inZone = (row: Row) => row.zoneId === zone.zoneId
  const disks = state.disks.filter(inZone)
  const snapshots = state.snapshots.filter(inZone)
  const policies = state.policies.filter(inZone)
  const instances = state.instances.filter(inZone)
  if (disks.length + snapshots.length + policies.length + instances.length === 0) return null
  const id = `zone-${String(zone.zoneId)}`
  return h('section', { class: 'zone', 'aria-labelledby': id },
    h('h3', { id }, `${String(zone.zoneName)} `, h('code', null, zone.zoneId), h('span', { class: 'meta' }, ` ${String(zone.cityName)}, ${String(zone.countryName)} · region ${String(zone.regionId)}`)),
    diskTable('Disks', disks),
    snapshotTable('Snapshots', snapshots),
    policyTable('Auto-snapshot policies', policies),
    instanceTable('Instances', instances)
  )
}

let drawn = ''
let drawnRecent = ''

/** The most recent calls from the journal, beside the clock at the top of the page. */
export function renderRecent (region: HTMLElement): void {
  const key = JSON.stringify([state.recent, state.journalError])
  if (key === drawnRecent && region.childElementCount > 0) return
  drawnRecent = key
  swap(region,
    h('h2', { id: 'recent-title' }, 'Recent calls'),
    state.journalError !== '' ? h('p', { class: 'error' }, `The journal answered: ${state.journalError}`) : journalTable('Most recent calls from the journal', state.recent.slice(0, 6)),
    h('p', { class: 'more' }, link('#/journal', 'The whole journal'))
  )
}

export function renderResources (region: HTMLElement, force = false): void {
  const key = JSON.stringify([state.account, state.zones, state.disks, state.snapshots, state.policies, state.instances, state.resourcesError])
  if (!force && key === drawn && region.childElementCount > 0) return
  drawn = key
  const zoneIds = new Set(state.zones.map(z => z.zoneId))
  // Resources in a zone the catalogue does not list still show, under their own zone id.
  const strays = [...state.disks, ...state.snapshots, ...state.policies, ...state.instances]
    .map(r => r.zoneId as string).filter(z => !zoneIds.has(z))
  const zones = [...state.zones, ...[...new Set(strays)].map(zoneId => ({ zoneId, zoneName: zoneId, cityName: '?', countryName: '?', regionId: '?' }))]
  const sections = zones.map(zoneSection).filter(s => s !== null)
  const quiet = zones.filter(z => zoneSection(z) === null).map(z => z.zoneId as string)
  swap(region,
    h('h2', null, 'Resources of ', h('code', null, state.account)),
    state.resourcesError !== '' ? h('p', { class: 'error', role: 'alert' }, `ZEC answered: ${state.resourcesError}`) : null,
    h('p', { class: 'meta' }, state.resourcesAt !== '' ? `As ZEC answered at virtual ${time(state.resourcesAt)}.` : 'Loading…',
      ` ${state.disks.length} disks, ${state.snapshots.length} snapshots, ${state.policies.length} policies, ${state.instances.length} instances.`),
    sections.length === 0 && state.resourcesAt !== '' ? h('p', null, 'This account has no resources.') : sections,
    quiet.length > 0 ? h('p', { class: 'meta' }, `Zones with nothing in them: ${quiet.join(', ')}.`) : null
  )
}
