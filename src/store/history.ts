/**
 * A resource's lifecycle history (migration 7): one row per finished transition of a disk,
 * snapshot or instance. Written by one prepared INSERT when a transition ends, inside the
 * request's transaction; the triggers of migration 7 keep it bounded, so nothing on the request
 * path reads it. Times are milliseconds on the virtual clock.
 */
import type { Db } from './db.js'

/** The end status of a transition that destroyed its resource. */
export const GONE = 'gone'
/** How long a destroyed resource's history is kept, on the virtual clock, after the transition that destroyed it. */
export const FORGET_AFTER_MS = 3_600_000

export interface HistoryEntry {
  accountId: string
  resourceId: string
  transition: string
  /** The transitional status it went through (CREATING, DELETING, ...). */
  status: string
  startedAt: number
  endedAt: number
  /** The status it ended in, or GONE. */
  endStatus: string
  failed: boolean
}

export function createHistory (db: Db) {
  const insert = db.prepare(`INSERT INTO resource_history (account_id, resource_id, transition, status, started_at, ended_at, end_status, failed, forget_at)
    VALUES (@accountId, @resourceId, @transition, @status, @startedAt, @endedAt, @endStatus, @failed, @forgetAt)`)
  const select = db.prepare(`SELECT account_id AS accountId, resource_id AS resourceId, transition, status, started_at AS startedAt, ended_at AS endedAt,
    end_status AS endStatus, failed FROM resource_history WHERE account_id = ? AND resource_id = ? ORDER BY entry_id DESC`)
  return {
    /** Keeps one finished transition; one that destroyed its resource starts the resource's hour of grace. */
    record (entry: HistoryEntry): void {
      insert.run({ ...entry, failed: entry.failed ? 1 : 0, forgetAt: entry.endStatus === GONE ? entry.endedAt + FORGET_AFTER_MS : null })
    },
    /** The resource's finished transitions, the newest (last ended) first. */
    of (accountId: string, resourceId: string): HistoryEntry[] {
      return (select.all(accountId, resourceId) as (Omit<HistoryEntry, 'failed'> & { failed: number })[]).map(row => ({ ...row, failed: row.failed === 1 }))
    }
  }
}
export type History = ReturnType<typeof createHistory>
