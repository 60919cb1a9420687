/**
 * The virtual clock. Every timestamp the API returns, every lifecycle transition, every retention
 * expiry and every auto-snapshot schedule reads `now()` from here, so tests can freeze, set and
 * advance time instead of sleeping. Signature timestamps deliberately use the real wall clock.
 */
export interface ClockState {
  now: number
  frozen: boolean
  offsetMs: number
}

export interface Clock {
  now (): number
  state (): ClockState
  freeze (): void
  set (instant: number): void
  advance (ms: number): void
  resume (): void
}

export function createClock (realNow: () => number = Date.now): Clock {
  let offsetMs = 0
  let frozenAt: number | null = null

  const now = () => frozenAt ?? realNow() + offsetMs
  return {
    now,
    state: () => ({ now: now(), frozen: frozenAt !== null, offsetMs: frozenAt === null ? offsetMs : frozenAt - realNow() }),
    freeze () { frozenAt = now() },
    set (instant) {
      if (frozenAt !== null) frozenAt = instant
      else offsetMs = instant - realNow()
    },
    advance (ms) {
      if (frozenAt !== null) frozenAt += ms
      else offsetMs += ms
    },
    // Real time flows again from the current virtual instant; the clock never jumps back.
    resume () {
      if (frozenAt !== null) offsetMs = frozenAt - realNow()
      frozenAt = null
    }
  }
}
