/**
 * The lifecycle engine's rules, one table for every resource. A transitional status (CREATING,
 * ATTACHING, DELETING, ...) is stored with when it began and what ends it; the store settles due
 * transitions lazily inside the request's transaction (architecture.md: state is computed, not
 * timed). This module is pure: it knows the transitions, their policies and how each one ends.
 */
import { parseDuration } from './time.js'

export const TRANSITIONS = {
  'disk.create': { status: 'CREATING', describe: 'disk creation (CREATING → AVAILABLE, or IN_USE when created attached)' },
  'disk.attach': { status: 'ATTACHING', describe: 'AttachDisks (ATTACHING → IN_USE)' },
  'disk.detach': { status: 'DETACHING', describe: 'DetachDisks (DETACHING → AVAILABLE)' },
  'disk.change': { status: 'CHANGING', describe: 'ResizeDisk (CHANGING → the status before)' },
  'disk.rollback': { status: 'ROLLING_BACK', describe: 'ApplySnapshot on the disk (ROLLING_BACK → the status before)' },
  'disk.recycle': { status: 'RECYCLING', describe: 'first ReleaseDisk (RECYCLING → RECYCLED)', then: 'disk.expire' },
  'disk.expire': { status: 'RECYCLED', describe: 'the recycle bin keeping a released disk (RECYCLED → gone)' },
  'disk.delete': { status: 'DELETING', describe: 'second ReleaseDisk (DELETING → gone)' },
  'snapshot.create': { status: 'CREATING', describe: 'CreateSnapshot (CREATING → AVAILABLE)' },
  'snapshot.rollback': { status: 'ROLLING_BACK', describe: 'ApplySnapshot on the snapshot (ROLLING_BACK → AVAILABLE)' },
  'snapshot.delete': { status: 'DELETING', describe: 'DeleteSnapshots (DELETING → gone)' },
  'instance.create': { status: 'PENDING', describe: 'CreateZecInstances, first step (PENDING → DEPLOYING)', then: 'instance.deploy' },
  'instance.deploy': { status: 'DEPLOYING', describe: 'CreateZecInstances, second step (DEPLOYING → RUNNING, CREATE_FAILED on failure)' },
  'instance.boot': { status: 'BOOTING', describe: 'StartInstances (BOOTING → RUNNING)' },
  'instance.stop': { status: 'STOPPING', describe: 'StopInstances (STOPPING → STOPPED)' },
  'instance.reboot': { status: 'REBOOT', describe: 'RebootInstances (REBOOT → RUNNING)' },
  'instance.reset': { status: 'REBUILDING', describe: 'ResetInstance (REBUILDING → RUNNING, REINSTALL_FAILED on failure)' },
  'instance.recycle': { status: 'RECYCLING', describe: 'first ReleaseInstances (RECYCLING → RECYCLE)', then: 'instance.expire' },
  'instance.expire': { status: 'RECYCLE', describe: 'the recycle bin keeping a released instance (RECYCLE → gone)' },
  'instance.release': { status: 'RELEASING', describe: 'second ReleaseInstances (RELEASING → gone)' }
} as const

export type TransitionName = keyof typeof TRANSITIONS

/** The transition that starts when `name` ends normally (a released disk's stay in the recycle bin). */
export function followUp (name: TransitionName): TransitionName | undefined {
  const entry = TRANSITIONS[name]
  return 'then' in entry ? entry.then : undefined
}
export const TRANSITION_NAMES = Object.keys(TRANSITIONS) as TransitionName[]

export type Policy =
  | { kind: 'immediate' }
  | { kind: 'after', ms: number }
  | { kind: 'describes', count: number }
  | { kind: 'manual' }

/** Realistic defaults: a few seconds, like the real service, short enough for a poll loop. */
export const DEFAULT_POLICIES: Record<TransitionName, Policy> = {
  'disk.create': { kind: 'after', ms: 5000 },
  'disk.attach': { kind: 'after', ms: 2000 },
  'disk.detach': { kind: 'after', ms: 2000 },
  'disk.change': { kind: 'after', ms: 3000 },
  'disk.rollback': { kind: 'after', ms: 5000 },
  'disk.recycle': { kind: 'after', ms: 2000 },
  // ZEC keeps a released disk in the recycle bin for about a day before destroying it.
  'disk.expire': { kind: 'after', ms: 24 * 3_600_000 },
  'disk.delete': { kind: 'after', ms: 2000 },
  'snapshot.create': { kind: 'after', ms: 3000 },
  'snapshot.rollback': { kind: 'after', ms: 5000 },
  'snapshot.delete': { kind: 'after', ms: 2000 },
  'instance.create': { kind: 'after', ms: 2000 },
  'instance.deploy': { kind: 'after', ms: 5000 },
  'instance.boot': { kind: 'after', ms: 3000 },
  'instance.stop': { kind: 'after', ms: 3000 },
  'instance.reboot': { kind: 'after', ms: 3000 },
  'instance.reset': { kind: 'after', ms: 5000 },
  'instance.recycle': { kind: 'after', ms: 2000 },
  // As for disks: a released instance stays in the recycle bin for about a day.
  'instance.expire': { kind: 'after', ms: 24 * 3_600_000 },
  'instance.release': { kind: 'after', ms: 2000 }
}

export function isTransitionName (name: string): name is TransitionName {
  return Object.hasOwn(TRANSITIONS, name)
}

/** `immediate`, `after:<duration>` (or a bare duration), `describes:<n>` or `manual`; null when invalid. */
export function parsePolicy (text: string): Policy | null {
  if (text === 'immediate') return { kind: 'immediate' }
  if (text === 'manual') return { kind: 'manual' }
  if (text.startsWith('describes:')) {
    const count = Number(text.slice('describes:'.length))
    return Number.isInteger(count) && count >= 1 && count <= 1_000_000 ? { kind: 'describes', count } : null
  }
  const ms = parseDuration(text.startsWith('after:') ? text.slice('after:'.length) : text)
  if (ms === null || ms > 366 * 86_400_000) return null
  return ms === 0 ? { kind: 'immediate' } : { kind: 'after', ms }
}

export function formatPolicy (policy: Policy): string {
  switch (policy.kind) {
    case 'immediate': return 'immediate'
    case 'manual': return 'manual'
    case 'describes': return `describes:${policy.count}`
    case 'after': return `after:${policy.ms}ms`
  }
}

/**
 * Parses the `--lifecycle` option: `disk.create=after:10s,snapshot.create=immediate`.
 * Returns the overrides or a message naming what was wrong.
 */
export function parsePolicyList (text: string): Partial<Record<TransitionName, Policy>> | string {
  const overrides: Partial<Record<TransitionName, Policy>> = {}
  for (const item of text.split(',').map(part => part.trim()).filter(part => part !== '')) {
    const [name, value] = item.split('=', 2)
    if (!isTransitionName(name)) return `unknown transition \`${name}\` (known: ${TRANSITION_NAMES.join(', ')})`
    const policy = value === undefined ? null : parsePolicy(value)
    if (policy === null) return `bad policy \`${value}\` for ${name} (use immediate, after:<duration>, describes:<n> or manual)`
    overrides[name] = policy
  }
  return overrides
}

/** What a new transition stores: when it is due on the clock, or after how many describes. */
export interface Schedule {
  dueAt: number | null
  dueDescribes: number | null
  immediate: boolean
}

export function scheduleFor (policy: Policy, now: number): Schedule {
  switch (policy.kind) {
    case 'immediate': return { dueAt: null, dueDescribes: null, immediate: true }
    case 'after': return { dueAt: now + policy.ms, dueDescribes: null, immediate: false }
    case 'describes': return { dueAt: null, dueDescribes: policy.count, immediate: false }
    case 'manual': return { dueAt: null, dueDescribes: null, immediate: false }
  }
}

/** Where run-time policy changes and pending failure injections are kept (the database in the app). */
export interface LifecycleStorage {
  policy (name: TransitionName): string | undefined
  setPolicy (name: TransitionName, text: string): void
  failures (name: TransitionName): number
  setFailures (name: TransitionName, remaining: number): void
}

export function memoryLifecycleStorage (): LifecycleStorage {
  const policies = new Map<TransitionName, string>()
  const failures = new Map<TransitionName, number>()
  return {
    policy: (name) => policies.get(name),
    setPolicy: (name, text) => { policies.set(name, text) },
    failures: (name) => failures.get(name) ?? 0,
    setFailures: (name, remaining) => { failures.set(name, remaining) }
  }
}

/**
 * The policies in force plus pending failure injections. The options give the starting policies;
 * a change made at run time is kept in the storage and wins over them, and applies to transitions
 * that start afterwards.
 */
export class Lifecycle {
  private readonly defaults: Record<TransitionName, Policy>

  constructor (overrides: Partial<Record<TransitionName, Policy>> = {}, private readonly storage: LifecycleStorage = memoryLifecycleStorage()) {
    this.defaults = { ...DEFAULT_POLICIES, ...overrides }
  }

  policy (name: TransitionName): Policy {
    const stored = this.storage.policy(name)
    return (stored === undefined ? null : parsePolicy(stored)) ?? this.defaults[name]
  }

  setPolicy (name: TransitionName, policy: Policy): void { this.storage.setPolicy(name, formatPolicy(policy)) }

  /** The next `count` transitions of this kind end in FAILED instead of their normal outcome. */
  failNext (name: TransitionName, count: number): void { this.storage.setFailures(name, Math.max(0, count)) }

  pendingFailures (name: TransitionName): number { return this.storage.failures(name) }

  /** Decides, when a transition begins, whether it will end in FAILED (consumes one injection). */
  takeFailure (name: TransitionName): boolean {
    const left = this.storage.failures(name)
    if (left === 0) return false
    this.storage.setFailures(name, left - 1)
    return true
  }

  snapshot (): Record<TransitionName, string> {
    const out = {} as Record<TransitionName, string>
    for (const name of TRANSITION_NAMES) out[name] = formatPolicy(this.policy(name))
    return out
  }
}
