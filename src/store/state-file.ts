/**
 * The whole state as one SQLite database file: what an export returns, what a checkpoint keeps
 * and what an import or a restore puts back. A file made by an older schema version is migrated
 * before it is used; a newer one, or anything that is not an emulator database, is refused.
 *
 * Three ways back in. An in-memory emulator switches to a new connection opened on the file's
 * bytes (openStateImage). A file database puts a prepared private copy of the file in its own
 * place (prepareStateFile, emptyWal, then a rename: engine/state.ts), so a crash leaves wholly the
 * old state or wholly the new one; when the file cannot be replaced it copies every row of the
 * copy into itself in ONE transaction instead (replaceStateFrom), with the same guarantee.
 *
 * A file from elsewhere (an import) that becomes the live database is checked first: `PRAGMA
 * quick_check` reads every page and checks every record, then the foreign keys. A checkpoint this
 * emulator wrote itself is trusted and not read twice.
 */
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs'
import Database from 'better-sqlite3'
import { allTables, bulkTransaction, ForeignKeyViolation, truncate, withoutTriggers } from './bulk.js'
import type { Db } from './db.js'
import { migrate, prepareConnection } from './db.js'
import { MIGRATIONS } from './migrations.js'

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1')
/** The header's file format version numbers (bytes 18 and 19) that mean WAL mode. */
const WAL_MODE = Buffer.from([2, 2])
/** Tables every emulator database has had since its first migration. */
const REQUIRED_TABLES = ['meta', 'accounts', 'credentials', 'disks', 'snapshots']

export class StateFileError extends Error {}

export interface PreparedState { schemaVersion: number, migratedFrom: number }

export const looksLikeSqlite = (bytes: Buffer) => bytes.length >= 100 && bytes.subarray(0, 16).equals(SQLITE_MAGIC)

/**
 * Checks that `db` is an emulator database and migrates it to the current schema. `pages`: also
 * read every page (`quick_check`) and check the foreign keys, for a file from elsewhere that is
 * then used as it is.
 */
function checkAndMigrate (db: Db, pages: boolean): PreparedState {
  let version: number
  let tables: Set<string>
  try {
    const check = pages ? db.pragma('quick_check', { simple: true }) : 'ok'
    if (check !== 'ok') throw new StateFileError(`the database is damaged (${String(check)})`)
    version = db.pragma('user_version', { simple: true }) as number
    tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(t => t.name))
  } catch (error) {
    if (error instanceof StateFileError) throw error
    throw new StateFileError(`not a readable SQLite database (${(error as Error).message})`)
  }
  const missing = REQUIRED_TABLES.filter(name => !tables.has(name))
  if (version < 1 || missing.length > 0) throw new StateFileError(`not a zec-emulator state file (missing ${missing.length > 0 ? missing.join(', ') : 'a schema version'})`)
  if (version > MIGRATIONS.length) throw new StateFileError(`made by a newer zec-emulator (schema version ${version}; this one knows up to ${MIGRATIONS.length})`)
  try {
    migrate(db)
  } catch (error) {
    throw new StateFileError(`could not be migrated from schema version ${version}: ${(error as Error).message}`)
  }
  if (pages) {
    const broken = db.pragma('foreign_key_check') as { table: string, parent: string }[]
    if (broken.length > 0) throw new StateFileError(`${broken.length} row(s) of ${broken[0].table} name a missing ${broken[0].parent} row`)
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
    const prepared = checkAndMigrate(db, !trusted)
    return { db: prepareConnection(db), prepared }
  } catch (error) {
    db.close()
    throw error
  }
}

/**
 * Checks a state file on disk (a private copy), migrates it in place and leaves it ready to take
 * the database's place: its header saying WAL mode, like the database's own (an export from
 * memory mode says rollback journal, and turning WAL on when the file is opened as the database
 * would cost a write and two flushes), its WAL moved into it and removed when it is closed, and
 * flushed to the disk, so that a rename over the database never names a file whose bytes a power
 * loss could still take.
 */
export function prepareStateFile (path: string, trusted = false): PreparedState {
  const header = openSync(path, 'r+')
  try {
    writeSync(header, WAL_MODE, 0, WAL_MODE.length, 18)
  } finally {
    closeSync(header)
  }
  let db: Db
  try {
    db = new Database(path, { fileMustExist: true })
  } catch (error) {
    throw new StateFileError(`not a SQLite database (${(error as Error).message})`)
  }
  let prepared: PreparedState
  try {
    prepared = checkAndMigrate(db, !trusted)
  } finally {
    db.close()
  }
  const fd = openSync(path, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  return prepared
}

/**
 * Moves every page of the WAL into the database file and empties the WAL, so that the file alone
 * is the whole state: the moment before it is replaced. False when another connection keeps the
 * WAL from being emptied.
 */
export function emptyWal (db: Db): boolean {
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number, log: number, checkpointed: number }[]
  return result.busy === 0 && result.log === result.checkpointed
}

const columnsOf = (db: Db, schema: string, table: string) =>
  (db.pragma(`${schema}.table_info("${table}")`) as { name: string }[]).map(c => `"${c.name}"`).join(', ')

/**
 * Replaces every row of the live database with the rows of the prepared file at `path`, in one
 * transaction (bulk.ts: foreign keys off and checked before the commit, the count triggers
 * dropped and made again, each table truncated): the file's own counts, consistent with its
 * rows, are copied instead of being rebuilt row by row. `trusted` (a checkpoint this emulator
 * wrote): a table with the same columns in the same order is copied as its b-tree records, its
 * indexes' too (SQLite's transfer optimisation); otherwise row by row, which decodes every row
 * and builds the indexes from them. A file whose rows cannot be read or do not fit is refused
 * (StateFileError) and nothing is changed.
 */
export function replaceStateFrom (db: Db, path: string, trusted = false): void {
  db.prepare('ATTACH DATABASE ? AS incoming').run(path)
  try {
    const theirs = new Set((db.prepare("SELECT name FROM incoming.sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(t => t.name))
    const tables = allTables(db).map(name => ({ name, columns: columnsOf(db, 'main', name) }))
    const missing = tables.filter(({ name }) => !theirs.has(name)).map(t => t.name)
    if (missing.length > 0) throw new StateFileError(`not a zec-emulator state file (missing ${missing.join(', ')})`)
    bulkTransaction(db, () => withoutTriggers(db, () => {
      truncate(db, tables.map(t => t.name))
      for (const { name, columns } of tables) {
        const asRecords = trusted && columnsOf(db, 'incoming', name) === columns
        try {
          db.exec(asRecords
            ? `INSERT INTO main."${name}" SELECT * FROM incoming."${name}"`
            : `INSERT INTO main."${name}" (${columns}) SELECT ${columns} FROM incoming."${name}"`)
        } catch (error) {
          throw new StateFileError(`its table ${name} cannot be copied (${(error as Error).message})`)
        }
      }
    }))
  } catch (error) {
    if (error instanceof ForeignKeyViolation) throw new StateFileError(error.message)
    throw error
  } finally {
    db.prepare('DETACH DATABASE incoming').run()
  }
}

/** The live database as the bytes of one SQLite file. */
export const exportState = (db: Db): Buffer => db.serialize()
