/**
 * Resource ids as ZEC issues them: 19-digit decimal strings (the CSI driver rejects any other
 * length). A persisted counter keeps them unique across accounts and restarts and deterministic
 * for tests; fixture ids live in a lower range, so they never collide with generated ones.
 */
import type { Db } from './db.js'

const FIRST_ID = 7000000000000000001n

export function createIds (db: Db) {
  const read = db.prepare("SELECT value FROM meta WHERE key = 'next_id'")
  const write = db.prepare("INSERT INTO meta (key, value) VALUES ('next_id', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
  return {
    next (): string {
      const current = BigInt((read.get() as { value: string } | undefined)?.value ?? FIRST_ID)
      write.run((current + 1n).toString())
      return current.toString()
    }
  }
}
export type Ids = ReturnType<typeof createIds>
