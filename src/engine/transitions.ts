/**
 * Starts and settles lifecycle transitions through the store. Settling is lazy: every request
 * first settles its account's due transitions and expired snapshots, inside its own
 * transaction, so no timer runs and nothing is lost across restarts.
 */
import { outcomeOf } from '../domain/outcomes.js'
import { followUp, isTransitionName, TRANSITIONS, scheduleFor, type TransitionName } from '../domain/lifecycle.js'
import { GONE } from '../store/history.js'
import { NO_PENDING, type DiskRecord, type InstanceRecord, type Pending, type SnapshotRecord } from '../store/records.js'
import type { Table } from '../store/table.js'
import type { ActionContext, Runtime } from './context.js'
import { runSchedules } from './schedules.js'

type Lifecycled = Pending & { accountId: string, status: string, instanceId?: string | null }

function tableFor (runtime: Runtime, transition: TransitionName): Table<Lifecycled> {
  if (transition.startsWith('instance.')) return runtime.store.instances as unknown as Table<Lifecycled>
  return (transition.startsWith('disk.') ? runtime.store.disks : runtime.store.snapshots) as unknown as Table<Lifecycled>
}

// A snapshot record also carries a diskId (and a disk an instanceId), so the id is picked by the transition's resource.
function idOf (transition: TransitionName, record: Lifecycled): string {
  if (transition.startsWith('instance.')) return (record as unknown as InstanceRecord).instanceId
  return transition.startsWith('disk.') ? (record as unknown as DiskRecord).diskId : (record as unknown as SnapshotRecord).snapshotId
}

/**
 * What an instance's end of transition does to the disks that live and die with it (its system
 * disk and the data disks created with it; portable disks were detached by ReleaseInstances):
 * in the recycle bin with it, destroyed with it.
 */
function settleInstanceDisks (runtime: Runtime, instance: InstanceRecord, status: string | null, at: number): void {
  if (status !== null && status !== 'RECYCLE') return
  for (const disk of runtime.store.disks.attachedTo(instance.accountId, instance.instanceId)) {
    // A portable disk still on its way off (DETACHING) finishes coming off; it never goes with the instance.
    if (disk.portable) {
      if (status === null) {
        endPending(runtime, disk, at, 'AVAILABLE')
        runtime.store.disks.update(disk.diskId, { ...NO_PENDING, status: 'AVAILABLE', instanceId: null })
      }
    } else if (status === null) {
      runtime.store.disks.remove(disk.diskId)
    } else {
      endPending(runtime, disk, at, 'RECYCLED')
      runtime.store.disks.update(disk.diskId, { ...NO_PENDING, status: 'RECYCLED' })
    }
  }
}

/** The pending state of `transition` started at `start` under the policy in force. */
function pendingFor (runtime: Runtime, transition: TransitionName, start: number, returnStatus: string) {
  const schedule = scheduleFor(runtime.lifecycle.policy(transition), start)
  const pending: Pending = {
    transition,
    transitionStarted: start,
    dueAt: schedule.dueAt,
    dueDescribes: schedule.dueDescribes,
    describesSeen: 0,
    endsFailed: runtime.lifecycle.takeFailure(transition),
    returnStatus
  }
  return { pending, immediate: schedule.immediate }
}

/**
 * Keeps in the history the pending transition of `record` that something other than its own end
 * stops at `at`, leaving the resource in `status`: a second ReleaseDisk over the recycle bin's
 * expiry, RenewDisk, the instance a DETACHING disk was leaving going away.
 */
export function endPending (runtime: Runtime, record: Lifecycled, at: number, status: string): void {
  if (record.transition === null || !isTransitionName(record.transition)) return
  runtime.store.history.record({
    accountId: record.accountId,
    resourceId: idOf(record.transition, record),
    transition: record.transition,
    status: TRANSITIONS[record.transition].status,
    startedAt: record.transitionStarted ?? at,
    endedAt: at,
    endStatus: status,
    failed: false
  })
}

/** When a transition settled at `now` ended: at its due time when the clock jumped past it, else now (a describes count, a manual step). */
const endOf = (record: Pending, now: number) => Math.min(record.dueAt ?? now, now)

/**
 * Applies how `transition` ends (at `endedAt`) to `record`, and keeps it in the resource's
 * history. A transition with a follow-up starts it from the moment the first one ended, so a
 * jump of the clock gives the same result as waiting.
 */
function complete (runtime: Runtime, transition: TransitionName, record: Lifecycled, now: number, endedAt: number): void {
  const table = tableFor(runtime, transition)
  const id = idOf(transition, record)
  const outcome = outcomeOf(transition, record, record.endsFailed)
  // Before the row goes: a destroyed resource's history is then marked to be kept, not dropped with it.
  runtime.store.history.record({
    accountId: record.accountId,
    resourceId: id,
    transition,
    status: TRANSITIONS[transition].status,
    startedAt: record.transitionStarted ?? endedAt,
    endedAt,
    endStatus: outcome.gone ? GONE : outcome.status,
    failed: record.endsFailed
  })
  if (transition.startsWith('instance.')) settleInstanceDisks(runtime, record as unknown as InstanceRecord, outcome.gone ? null : outcome.status, endedAt)
  if (outcome.gone) {
    table.remove(id)
    return
  }
  const change = { ...NO_PENDING, status: outcome.status, ...(outcome.detach === true ? { instanceId: null } : {}) }
  // Only the columns that change are written: an UPDATE of every column also rewrites every index
  // and fires every count trigger of the row.
  table.update(id, change)
  const ended = { ...record, ...change }
  const next = record.endsFailed ? undefined : followUp(transition)
  if (next !== undefined) beginTransitionAt(runtime, next, ended, endedAt, now)
}

/**
 * Starts `transition` for `record` as of `at` (which may be before `now`, for work the clock
 * jumped over), and ends it at once if it would already have ended by `now`.
 */
export function beginTransitionAt (runtime: Runtime, transition: TransitionName, record: Lifecycled, at: number, now: number, extra: Record<string, unknown> = {}): void {
  endPending(runtime, record, at, TRANSITIONS[transition].status)
  const { pending, immediate } = pendingFor(runtime, transition, at, record.status)
  const patch = { ...extra, ...pending, status: TRANSITIONS[transition].status }
  tableFor(runtime, transition).update(idOf(transition, record), patch)
  endIfDue(runtime, transition, { ...record, ...patch }, immediate, at, now)
}

/** Ends a transition just started at `at` when its policy is immediate or its due time has passed by `now`. */
function endIfDue (runtime: Runtime, transition: TransitionName, started: Lifecycled, immediate: boolean, at: number, now: number): void {
  if (immediate) complete(runtime, transition, started, now, at)
  else if (started.dueAt !== null && started.dueAt <= now) complete(runtime, transition, started, now, started.dueAt)
}

/**
 * Inserts a new `record` already in the transitional status of `transition` (its create): one
 * INSERT instead of an INSERT and an UPDATE, and the same row as `insert` + `beginTransition`.
 */
export function insertInTransition (ctx: ActionContext, transition: TransitionName, record: Lifecycled): void {
  const { pending, immediate } = pendingFor(ctx, transition, ctx.now, record.status)
  const started = { ...record, ...pending, status: TRANSITIONS[transition].status }
  tableFor(ctx, transition).insert(started)
  endIfDue(ctx, transition, started, immediate, ctx.now, ctx.now)
}

/**
 * Puts `record` into the transitional status of `transition` under the policy in force, or
 * finishes it at once when the policy is `immediate`. `extra` is written with the status.
 */
export function beginTransition (ctx: ActionContext, transition: TransitionName, record: Lifecycled, extra: Record<string, unknown> = {}): void {
  beginTransitionAt(ctx, transition, record, ctx.now, ctx.now, extra)
}

/** Records that `records` were shown by a Describe, for `describes:<n>` policies. */
export function noteDescribed (ctx: ActionContext, transitionPrefix: 'disk.' | 'snapshot.' | 'instance.', ids: string[]): void {
  tableFor(ctx, `${transitionPrefix}create` as TransitionName).markDescribed(ctx.accountId, ids)
}

/**
 * Ends every due transition of the account, runs the auto-snapshot slots that fell due (against
 * the settled disk statuses) and removes snapshots past their retention time.
 */
export function settleAccount (runtime: Runtime, accountId: string, now: number): void {
  for (const table of [runtime.store.instances, runtime.store.disks, runtime.store.snapshots] as unknown as Table<Lifecycled>[]) {
    for (const record of table.due(accountId, now)) complete(runtime, record.transition as TransitionName, record, now, endOf(record, now))
  }
  runSchedules(runtime, accountId, now)
  for (const snapshot of runtime.store.snapshots.expired(accountId, now)) runtime.store.snapshots.remove(snapshot.snapshotId)
}

/** Completes one resource's pending transition now, whatever its policy (the admin "manual" step). */
export function completeNow (runtime: Runtime, record: Lifecycled): boolean {
  if (record.transition === null) return false
  const now = runtime.clock.now()
  complete(runtime, record.transition as TransitionName, record, now, endOf(record, now))
  return true
}

/** Settles every account at once: what a clock move does, so its effects show without a request. */
export function settleEverything (runtime: Runtime): void {
  runtime.store.transaction(() => {
    const now = runtime.clock.now()
    for (const accountId of runtime.store.accounts.all()) settleAccount(runtime, accountId, now)
  })
}
