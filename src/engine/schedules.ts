/**
 * Runs auto-snapshot policies on the virtual clock, without timers: settleAccount calls
 * runSchedules at the start of every request, and every slot between a policy's `nextRunAt` and
 * now runs then, in time order, as it would have run live. Rules and the simplifications they
 * rest on are in docs/behaviour-snapshots.md.
 */
import { autoRetentionTime, autoSnapshotName, earliestLiveSlot, nextSlotAfter, slotsBetween } from '../domain/schedules.js'
import { quotaProblem, SNAPSHOTTABLE_DISK_STATUSES } from '../domain/snapshots.js'
import { NO_PENDING, type DiskRecord, type PolicyRecord, type SnapshotRecord } from '../store/records.js'
import { snapshotQuotaOf } from './quotas.js'
import type { Runtime } from './context.js'
import { beginTransitionAt } from './transitions.js'

/** Auto snapshots that quota rotation may remove; busy ones (CREATING, ROLLING_BACK, DELETING) are left alone. */
const ROTATABLE = ['AVAILABLE', 'FAILED']

interface Run { slot: number, policy: PolicyRecord, disks: DiskRecord[] }

// A disk's status at a past slot is taken to be its status now (after due transitions settled).
const snapshottable = (disk: DiskRecord) => disk.snapshotAbility && SNAPSHOTTABLE_DISK_STATUSES.includes(disk.status)

/** Runs every slot of the account's policies that fell due by `now`, oldest first. */
export function runSchedules (runtime: Runtime, accountId: string, now: number): void {
  const { store } = runtime
  const due = store.policies.dueToRun(accountId, now)
  if (due.length === 0) return

  // A disk can never hold more snapshots than this, so older slots would be rotated out anyway.
  const quota = snapshotQuotaOf(runtime, accountId)
  const keep = Math.min(quota.perDisk, quota.perAccount)
  const bound = store.disks.boundDiskIds(accountId, due.map(p => p.autoSnapshotPolicyId))
  const runs: Run[] = []
  for (const policy of due) {
    const ids = bound.get(policy.autoSnapshotPolicyId) ?? []
    const byId = new Map(store.disks.getMany(accountId, ids).map(d => [d.diskId, d]))
    const disks = ids.map(id => byId.get(id) as DiskRecord).filter(snapshottable)
    if (disks.length > 0) {
      const from = Math.max(policy.nextRunAt, earliestLiveSlot(policy.retentionDays, now))
      for (const slot of slotsBetween(policy, from, now, keep)) runs.push({ slot, policy, disks })
    }
    store.policies.update(policy.autoSnapshotPolicyId, { nextRunAt: nextSlotAfter(policy, now) })
  }

  runs.sort((a, b) => a.slot - b.slot || a.policy.autoSnapshotPolicyId.localeCompare(b.policy.autoSnapshotPolicyId))
  for (const run of runs) {
    // Retention deletions that would have happened before this slot, so quotas see what was there.
    for (const expired of store.snapshots.expired(accountId, run.slot)) store.snapshots.remove(expired.snapshotId)
    for (const disk of run.disks) {
      if (disk.createTime <= run.slot && makeRoom(runtime, disk)) takeAutoSnapshot(runtime, run.policy, disk, run.slot, now)
    }
  }
}

/**
 * Makes room for one more snapshot of `disk` by removing its oldest finished Auto snapshots while
 * a quota is full. False when that is not enough (only Manual or busy snapshots left): the slot
 * is then skipped for this disk.
 */
function makeRoom (runtime: Runtime, disk: DiskRecord): boolean {
  const { store } = runtime
  const quota = snapshotQuotaOf(runtime, disk.accountId)
  const full = () => quotaProblem(quota, disk.diskId, store.snapshots.countForDisk(disk.accountId, disk.diskId), store.snapshots.countForAccount(disk.accountId)) !== null
  while (full()) {
    const oldest = store.snapshots.forDisk(disk.accountId, disk.diskId).find(s => s.snapshotType === 'Auto' && ROTATABLE.includes(s.status))
    if (oldest === undefined) return false
    store.snapshots.remove(oldest.snapshotId)
  }
  return true
}

/** The Auto snapshot the run at `slot` took, finished already if its creation delay has passed by `now`. */
function takeAutoSnapshot (runtime: Runtime, policy: PolicyRecord, disk: DiskRecord, slot: number, now: number): void {
  const snapshot: SnapshotRecord = {
    snapshotId: runtime.store.ids.next(),
    accountId: disk.accountId,
    snapshotName: autoSnapshotName(policy.autoSnapshotPolicyId, slot),
    diskId: disk.diskId,
    diskType: disk.diskType,
    diskSize: disk.diskSize,
    zoneId: disk.zoneId,
    resourceGroupId: disk.resourceGroupId,
    snapshotType: 'Auto',
    status: 'CREATING',
    retentionTime: autoRetentionTime(policy.retentionDays, slot),
    createTime: slot,
    ...NO_PENDING
  }
  runtime.store.snapshots.insert(snapshot)
  beginTransitionAt(runtime, 'snapshot.create', snapshot, slot, now)
}
