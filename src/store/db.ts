/**
 * Opens the SQLite database: in memory by default, a file in WAL mode when a path is given
 * (an acknowledged write then survives kill -9 because each request commits its transaction).
 * Runs the migrations and registers the REGEXP function used by name filters.
 */
import Database from 'better-sqlite3'
import { MIGRATIONS } from './migrations.js'
import { regexMatcher } from './regex.js'

export type Db = Database.Database

export function openDatabase (path: string): Db {
  const db = new Database(path === ':memory:' ? ':memory:' : path)
  if (path !== ':memory:') {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.pragma('busy_timeout = 5000')
  }
  return prepareConnection(db)
}

/** What every connection the store works on needs: foreign keys, the current schema, REGEXP. */
export function prepareConnection (db: Db): Db {
  db.pragma('foreign_keys = ON')
  migrate(db)
  db.function('regexp', { deterministic: true }, (pattern: unknown, value: unknown) =>
    typeof pattern === 'string' && typeof value === 'string' && regexMatcher(pattern)(value) ? 1 : 0)
  return db
}

export function migrate (db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version])
      db.pragma(`user_version = ${version + 1}`)
    })()
  }
}
