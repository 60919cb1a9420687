/**
 * Starts and settles lifecycle transitions through the store. Settling is lazy: every request
 * first settles its account's due transitions and expired snapshots, inside its own
 * transaction, so no timer runs and nothing is lost across restarts.
 */
import { outcomeOf } from '../domain/outcomes.js'
import { TRANSITIONS, scheduleFor, type TransitionName } from '../domain/lifecycle.js'
import { NO_PENDING, type DiskRecord, type Pending, type SnapshotRecord } from '../store/records.js'
import type { Table } from '../store/table.js'
import type { ActionContext, Runtime } from './context.js'
import { runSchedules } from './schedules.js'

type Lifecycled = Pending & { status: string, instanceId?: string | null }

function tableFor (runtime: Runtime, transition: TransitionName): Table<Lifecycled> {
  return (transition.startsWith('disk.') ? runtime.store.disks : runtime.store.snapshots) as unknown as Table<Lifecycled>
}

// A snapshot record also carries a diskId, so the id is picked by the transition's resource.
const idOf = (transition: TransitionName, record: Lifecycled) => transition.startsWith('disk.')
  ? (record as unknown as DiskRecord).diskId
  : (record as unknown as SnapshotRecord).snapshotId

/** Applies how `transition` ends to `record`, now. */
function complete (runtime: Runtime, transition: TransitionName, record: Lifecycled): void {
  const table = tableFor(runtime, transition)
  const outcome = outcomeOf(transition, record, record.endsFailed)
  if (outcome.gone) {
    table.remove(idOf(transition, record))
    return
  }
  table.update(idOf(transition, record), { ...NO_PENDING, status: outcome.status, ...(outcome.detach === true ? { instanceId: null } : {}) })
}

/**
 * Puts `record` into the transitional status of `transition` under the policy in force, or
 * finishes it at once when the policy is `immediate`. `extra` is written with the status.
 */
export function beginTransition (ctx: ActionContext, transition: TransitionName, record: Lifecycled, extra: Record<string, unknown> = {}): void {
  const schedule = scheduleFor(ctx.lifecycle.policy(transition), ctx.now)
  const pending: Pending = {
    transition,
    transitionStarted: ctx.now,
    dueAt: schedule.dueAt,
    dueDescribes: schedule.dueDescribes,
    describesSeen: 0,
    endsFailed: ctx.lifecycle.takeFailure(transition),
    returnStatus: record.status
  }
  const patch = { ...extra, ...pending, status: TRANSITIONS[transition].status }
  tableFor(ctx, transition).update(idOf(transition, record), patch)
  if (schedule.immediate) complete(ctx, transition, { ...record, ...patch })
}

/** Records that `records` were shown by a Describe, for `describes:<n>` policies. */
export function noteDescribed (runtime: Runtime, transitionPrefix: 'disk.' | 'snapshot.', ids: string[]): void {
  tableFor(runtime, `${transitionPrefix}create` as TransitionName).markDescribed(ids)
}

/**
 * Ends every due transition of the account, runs the auto-snapshot slots that fell due (against
 * the settled disk statuses) and removes snapshots past their retention time.
 */
export function settleAccount (runtime: Runtime, accountId: string, now: number): void {
  for (const table of [runtime.store.disks, runtime.store.snapshots] as unknown as Table<Lifecycled>[]) {
    for (const record of table.due(accountId, now)) complete(runtime, record.transition as TransitionName, record)
  }
  runSchedules(runtime, accountId, now)
  for (const snapshot of runtime.store.snapshots.expired(accountId, now)) runtime.store.snapshots.remove(snapshot.snapshotId)
}

/** Completes one resource's pending transition now, whatever its policy (the admin "manual" step). */
export function completeNow (runtime: Runtime, record: Lifecycled): boolean {
  if (record.transition === null) return false
  complete(runtime, record.transition as TransitionName, record)
  return true
}

/** Settles every account at once: what a clock move does, so its effects show without a request. */
export function settleEverything (runtime: Runtime): void {
  runtime.store.transaction(() => {
    const now = runtime.clock.now()
    for (const accountId of runtime.store.accounts.all()) settleAccount(runtime, accountId, now)
  })
}
