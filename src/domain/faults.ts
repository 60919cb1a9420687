/**
 * Fault rules, the pure part: which rules a call matches, whether a matching rule fires, and how
 * long a latency range waits. No SQL, no HTTP. The dice are a hash of the `--seed`, the rule id
 * and how many calls the rule has matched before, so the same seed and the same calls give the
 * same sequence of hits in every run (never Math.random).
 */

export type FaultEffect =
  | { error: { status: number, code: string, message?: string } }
  | { throttle: true }
  | { latencyMs: number | { min: number, max: number } }
  | { drop: true }

export const EFFECT_NAMES = ['error', 'throttle', 'latencyMs', 'drop'] as const

export interface FaultRule {
  id: string
  createdAt: number
  action: string | null
  account: string | null
  accessKeyId: string | null
  resourceId: string | null
  probability: number
  /** How many more times the rule fires; null = no limit. */
  timesLeft: number | null
  expiresAt: number | null
  effect: FaultEffect
  /** Calls that matched the rule (fired or not): the dice's counter. */
  matched: number
  /** Calls the rule faulted. */
  hits: number
}

/** What the door knows about a call; `caller` and `resourceIds` are worked out only when a rule asks. */
export interface FaultCall {
  action: string | undefined
  caller: () => { account: string, accessKeyId: string | null }
  resourceIds: () => ReadonlySet<string>
}

/** A rule can still fire: not expired on the virtual clock, and times left. */
export const isLive = (rule: FaultRule, now: number) =>
  (rule.expiresAt === null || now < rule.expiresAt) && (rule.timesLeft === null || rule.timesLeft > 0)

/** Every given match field equals the call's (an absent field matches anything). */
export function matches (rule: FaultRule, call: FaultCall): boolean {
  if (rule.action !== null && rule.action !== call.action) return false
  if (rule.account !== null && rule.account !== call.caller().account) return false
  if (rule.accessKeyId !== null && rule.accessKeyId !== call.caller().accessKeyId) return false
  if (rule.resourceId !== null && !call.resourceIds().has(rule.resourceId)) return false
  return true
}

/** cyrb53: a fast, well-mixed 53-bit string hash (public domain), scaled into [0, 1). */
function hash01 (text: string): number {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)) / 9007199254740992
}

/** The roll of the rule's `n`-th match under `seed`, in [0, 1). */
export const roll = (seed: number, ruleId: string, n: number, purpose = 'fire') => hash01(`${seed}:${ruleId}:${n}:${purpose}`)

/** Whether the rule fires on its `matched`-th match (probability 1 always, 0 never). */
export const fires = (rule: FaultRule, seed: number) => roll(seed, rule.id, rule.matched) < rule.probability

/** The wait of a latency effect on the rule's `matched`-th match: n, or a seeded whole number in [min, max]. */
export function latencyOf (latency: number | { min: number, max: number }, seed: number, ruleId: string, matched: number): number {
  if (typeof latency === 'number') return latency
  return latency.min + Math.floor(roll(seed, ruleId, matched, 'latency') * (latency.max - latency.min + 1))
}

/** Every string value anywhere in a parsed JSON body (keys excluded), walked without recursion. */
export function stringValues (body: unknown): Set<string> {
  const found = new Set<string>()
  const stack: unknown[] = [body]
  while (stack.length > 0) {
    const item = stack.pop()
    if (typeof item === 'string') found.add(item)
    else if (item !== null && typeof item === 'object') for (const child of Object.values(item)) stack.push(child)
  }
  return found
}

/**
 * Rules are consulted in creation order; every live rule that matches counts a match and rolls;
 * the first that fires decides and later rules are not consulted. Returns the consulted rules
 * (their counters move) and the one that fired, if any.
 */
export function decide (rules: readonly FaultRule[], call: FaultCall, now: number, seed: number): { consulted: FaultRule[], fired: FaultRule | null } {
  const consulted: FaultRule[] = []
  for (const rule of rules) {
    if (!isLive(rule, now) || !matches(rule, call)) continue
    consulted.push(rule)
    if (fires(rule, seed)) return { consulted, fired: rule }
  }
  return { consulted, fired: null }
}
