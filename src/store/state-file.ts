/**
 * The whole state as one SQLite database file: what an export returns, what a checkpoint keeps
 * and what an import or a restore puts back. Putting a file back copies every table into the
 * live database in ONE transaction, so a crash leaves wholly the old state or wholly the new one,
 * and the repositories keep their prepared statements. A file made by an older schema version is
 * migrated (on a copy) before it is copied in; a newer one is refused.
 */
import Database from 'better-sqlite3'
import type { Db } from './db.js'
import { migrate } from './db.js'
import { MIGRATIONS } from './migrations.js'

/** Derived tables: triggers rebuild them as the rows go in, so they are never copied. */
const DERIVED = new Set(['row_counts', 'dimension_counts'])
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1')
/** Tables every emulator database has had since its first migration. */
const REQUIRED_TABLES = ['meta', 'accounts', 'credentials', 'disks', 'snapshots']

export class StateFileError extends Error {}

export const looksLikeSqlite = (bytes: Buffer) => bytes.length >= 100 && bytes.subarray(0, 16).equals(SQLITE_MAGIC)

export interface PreparedState { schemaVersion: number, migratedFrom: number }

/**
 * Checks that `path` is an emulator state file and brings it to the current schema in place
 * (it must be a private copy). Throws StateFileError saying what is wrong.
 */
export function prepareStateFile (path: string): PreparedState {
  let db: Db
  try {
    db = new Database(path, { fileMustExist: true })
  } catch (error) {
    throw new StateFileError(`not a SQLite database (${(error as Error).message})`)
  }
  try {
    let version: number
    try {
      const check = db.pragma('quick_check', { simple: true })
      if (check !== 'ok') throw new StateFileError(`the database is damaged (${String(check)})`)
      version = db.pragma('user_version', { simple: true }) as number
    } catch (error) {
      if (error instanceof StateFileError) throw error
      throw new StateFileError(`not a readable SQLite database (${(error as Error).message})`)
    }
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(t => t.name))
    const missing = REQUIRED_TABLES.filter(name => !tables.has(name))
    if (version < 1 || missing.length > 0) throw new StateFileError(`not a zec-emulator state file (missing ${missing.length > 0 ? missing.join(', ') : 'a schema version'})`)
    if (version > MIGRATIONS.length) throw new StateFileError(`made by a newer zec-emulator (schema version ${version}; this one knows up to ${MIGRATIONS.length})`)
    try {
      migrate(db)
    } catch (error) {
      throw new StateFileError(`could not be migrated from schema version ${version}: ${(error as Error).message}`)
    }
    return { schemaVersion: MIGRATIONS.length, migratedFrom: version }
  } finally {
    db.close()
  }
}

function copyableTables (db: Db): { name: string, columns: string }[] {
  const names = (db.prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[])
    .map(t => t.name).filter(name => !DERIVED.has(name))
  return names.map(name => ({
    name,
    columns: (db.pragma(`main.table_info(${name})`) as { name: string }[]).map(c => `"${c.name}"`).join(', ')
  }))
}

/** Replaces every row of the live database with the rows of the prepared file at `path`. */
export function replaceStateFrom (db: Db, path: string): void {
  db.prepare('ATTACH DATABASE ? AS incoming').run(path)
  try {
    const tables = copyableTables(db)
    db.transaction(() => {
      db.pragma('defer_foreign_keys = ON')
      for (const { name } of tables) db.prepare(`DELETE FROM main."${name}"`).run()
      for (const name of DERIVED) db.prepare(`DELETE FROM main."${name}"`).run()
      for (const { name, columns } of tables) db.prepare(`INSERT INTO main."${name}" (${columns}) SELECT ${columns} FROM incoming."${name}"`).run()
    }).immediate()
  } finally {
    db.prepare('DETACH DATABASE incoming').run()
  }
}

/** The live database as the bytes of one SQLite file. */
export const exportState = (db: Db): Buffer => db.serialize()

/** Writes a consistent copy of the live database to `path` (which must not exist yet). */
export function writeStateCopy (db: Db, path: string): void {
  db.prepare('VACUUM main INTO ?').run(path)
}
