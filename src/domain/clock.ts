/**
 * The virtual clock. Every timestamp the API returns, every lifecycle transition, every retention
 * expiry and every auto-snapshot schedule reads `now()` from here, so tests can freeze, set and
 * advance time instead of sleeping. Signature timestamps deliberately use the real wall clock.
 *
 * The clock keeps no state of its own: an offset from real time and a frozen instant live in a
 * `ClockStorage` (the database in the app, so a restart, a rollback or a checkpoint holds them).
 * A running clock stops at the end of 9999-12-31T23:59:59Z, the last instant ZEC's time format can
 * write, and never reads before 1970-01-01T00:00:00Z.
 */
export interface ClockState {
  now: number
  frozen: boolean
  offsetMs: number
}

export interface ClockStorage {
  read (): { offsetMs: number, frozenAt: number | null }
  write (state: { offsetMs: number, frozenAt: number | null }): void
}

export interface Clock {
  now (): number
  state (): ClockState
  freeze (): void
  set (instant: number): void
  advance (ms: number): void
  resume (): void
}

export const EARLIEST_INSTANT = 0
export const LATEST_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59)

const clamp = (at: number) => Math.min(Math.max(at, EARLIEST_INSTANT), LATEST_INSTANT)

/** Storage in a closure: for unit tests and tools that need a clock without a database. */
export function memoryClockStorage (): ClockStorage {
  let state = { offsetMs: 0, frozenAt: null as number | null }
  return { read: () => state, write: (next) => { state = { ...next } } }
}

export function createClock (realNow: () => number = Date.now, storage: ClockStorage = memoryClockStorage()): Clock {
  const now = () => {
    const { offsetMs, frozenAt } = storage.read()
    return clamp(frozenAt ?? realNow() + offsetMs)
  }
  return {
    now,
    state: () => {
      const { offsetMs, frozenAt } = storage.read()
      const at = now()
      return { now: at, frozen: frozenAt !== null, offsetMs: frozenAt === null ? offsetMs : frozenAt - realNow() }
    },
    freeze () { storage.write({ offsetMs: storage.read().offsetMs, frozenAt: now() }) },
    set (instant) {
      const { offsetMs, frozenAt } = storage.read()
      storage.write(frozenAt !== null ? { offsetMs, frozenAt: clamp(instant) } : { offsetMs: clamp(instant) - realNow(), frozenAt: null })
    },
    advance (ms) {
      const { offsetMs, frozenAt } = storage.read()
      storage.write(frozenAt !== null ? { offsetMs, frozenAt: clamp(frozenAt + ms) } : { offsetMs: clamp(now() + ms) - realNow(), frozenAt: null })
    },
    // Real time flows again from the current virtual instant; the clock never jumps back.
    resume () {
      const { frozenAt } = storage.read()
      if (frozenAt !== null) storage.write({ offsetMs: frozenAt - realNow(), frozenAt: null })
    }
  }
}
