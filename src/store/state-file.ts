/**
 * The whole state as one SQLite database file: what an export returns, what a checkpoint keeps
 * and what an import or a restore puts back. A file made by an older schema version is migrated
 * before it is used; a newer one, or anything that is not an emulator database, is refused.
 *
 * Two ways back in: an in-memory emulator simply switches to a new connection opened on the
 * file's bytes (the caller swaps its store); a file database copies every row of the file into
 * itself in ONE transaction, so a crash leaves wholly the old state or wholly the new one and
 * another process sharing the file sees one or the other.
 */
import Database from 'better-sqlite3'
import type { Db } from './db.js'
import { migrate, prepareConnection } from './db.js'
import { MIGRATIONS } from './migrations.js'

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1')
/** Tables every emulator database has had since its first migration. */
const REQUIRED_TABLES = ['meta', 'accounts', 'credentials', 'disks', 'snapshots']

export class StateFileError extends Error {}

export interface PreparedState { schemaVersion: number, migratedFrom: number }

export const looksLikeSqlite = (bytes: Buffer) => bytes.length >= 100 && bytes.subarray(0, 16).equals(SQLITE_MAGIC)

/**
 * Checks that `db` is an emulator database and migrates it to the current schema. `trusted`
 * (a checkpoint this emulator wrote itself) skips the page-by-page integrity check.
 */
function checkAndMigrate (db: Db, trusted = false): PreparedState {
  let version: number
  try {
    const check = trusted ? 'ok' : db.pragma('quick_check', { simple: true })
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
}

/**
 * Opens a state file's bytes as a new in-memory connection, checked and migrated, ready for a
 * store. The header's journal-mode bytes are set to the rollback journal first: an export of a
 * WAL database says WAL there, which an in-memory database cannot be.
 */
export function openStateImage (bytes: Buffer, trusted = false): { db: Db, prepared: PreparedState } {
  if (!looksLikeSqlite(bytes)) throw new StateFileError('it is not a SQLite database')
  const image = Buffer.from(bytes)
  image[18] = 1
  image[19] = 1
  let db: Db
  try {
    db = new Database(image)
  } catch (error) {
    throw new StateFileError(`not a SQLite database (${(error as Error).message})`)
  }
  try {
    const prepared = checkAndMigrate(db, trusted)
    return { db: prepareConnection(db), prepared }
  } catch (error) {
    db.close()
    throw error
  }
}

/** Checks a state file on disk (a private copy) and migrates it in place. */
export function prepareStateFile (path: string, trusted = false): PreparedState {
  let db: Db
  try {
    db = new Database(path, { fileMustExist: true })
  } catch (error) {
    throw new StateFileError(`not a SQLite database (${(error as Error).message})`)
  }
  try {
    return checkAndMigrate(db, trusted)
  } finally {
    db.close()
  }
}

/**
 * Replaces every row of the live database with the rows of the prepared file at `path`, in one
 * transaction. The triggers that keep the count tables are dropped for the copy and made again
 * after it (DDL is transactional in SQLite): the file's own counts, consistent with its rows, are
 * copied instead of being rebuilt row by row, and the deletes become table truncations.
 */
export function replaceStateFrom (db: Db, path: string): void {
  db.prepare('ATTACH DATABASE ? AS incoming').run(path)
  try {
    const tables = (db.prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[])
      .map(({ name }) => ({ name, columns: (db.pragma(`main.table_info("${name}")`) as { name: string }[]).map(c => `"${c.name}"`).join(', ') }))
    const triggers = db.prepare("SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger'").all() as { name: string, sql: string }[]
    db.transaction(() => {
      db.pragma('defer_foreign_keys = ON')
      for (const { name } of triggers) db.exec(`DROP TRIGGER main."${name}"`)
      for (const { name } of tables) db.exec(`DELETE FROM main."${name}"`)
      for (const { name, columns } of tables) db.exec(`INSERT INTO main."${name}" (${columns}) SELECT ${columns} FROM incoming."${name}"`)
      for (const { sql } of triggers) db.exec(sql)
    }).immediate()
  } finally {
    db.prepare('DETACH DATABASE incoming').run()
  }
}

/** The live database as the bytes of one SQLite file. */
export const exportState = (db: Db): Buffer => db.serialize()
