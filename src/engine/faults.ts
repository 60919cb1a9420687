/**
 * The fault door's decision (architecture.md: fault rules are decided at the door of the ZEC
 * route, before the action runs). One query finds the rules that may match the call's action;
 * with none, that is all a call pays. Otherwise the rules are consulted (domain/faults.ts) and
 * the counters of those that matched recorded in their own small transaction, the only write a
 * faulted call makes.
 */
import { decide, latencyOf, stringValues, type FaultRule } from '../domain/faults.js'
import { callerOf } from '../protocol/auth.js'
import type { Runtime } from './context.js'

/** What the door sees of a call: the action it names, its Authorization header, its body. */
export interface DoorCall {
  action: string | undefined
  authorization: string | undefined
  body: unknown
}

export interface FiredFault {
  rule: FaultRule
  /** For a latency effect: how long to wait before the call runs normally. */
  waitMs: number
}

/** The ids a body names: its raw bytes (the ZEC route keeps them) or an already parsed object. */
function resourceIdsOf (body: unknown): Set<string> {
  if (!Buffer.isBuffer(body)) return stringValues(body)
  if (body.length === 0) return new Set()
  try {
    return stringValues(JSON.parse(body.toString('utf8')))
  } catch {
    return new Set()
  }
}

/** The rule that faults this call, with its counters already recorded; null when none fires. */
export function faultFor (runtime: Runtime, call: DoorCall): FiredFault | null {
  const { faults } = runtime.store
  const rules = faults.forAction(call.action)
  if (rules.length === 0) return null
  let caller: ReturnType<typeof callerOf> | undefined
  let resourceIds: Set<string> | undefined
  const { consulted, fired } = decide(rules, {
    action: call.action,
    caller: () => (caller ??= callerOf(runtime, call.authorization)),
    resourceIds: () => (resourceIds ??= resourceIdsOf(call.body))
  }, runtime.clock.now(), runtime.config.seed)
  // Nothing runs between the read above and this write (both synchronous), so the counters
  // recorded are the ones the dice were rolled with.
  if (consulted.length > 0) runtime.store.transaction(() => { for (const rule of consulted) faults.record(rule.id, rule === fired) })
  if (fired === null) return null
  const waitMs = 'latencyMs' in fired.effect ? latencyOf(fired.effect.latencyMs, runtime.config.seed, fired.id, fired.matched) : 0
  return { rule: fired, waitMs }
}
