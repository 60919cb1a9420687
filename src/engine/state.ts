/**
 * State you keep, rewind or throw away: named checkpoints, export and import of the whole state
 * as one SQLite file (store/state-file.ts).
 *
 * In memory mode a checkpoint is the database's bytes held in memory, and going back (restore,
 * import) switches the runtime to a new connection opened on those bytes: one synchronous step,
 * nothing half done. In file mode a checkpoint is a file beside the database
 * (`<db>.checkpoints/<name>.sqlite`, written aside and renamed, so it outlives a restart and is
 * never half written), and going back renames a checked copy of the file over the database and
 * opens it (swapIn); where the database cannot be renamed over, the rows are copied in instead.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { errors } from '../errors.js'
import { createStore, openStore } from '../store/index.js'
import { emptyWal, exportState, looksLikeSqlite, openStateImage, prepareStateFile, replaceStateFrom, StateFileError, type PreparedState } from '../store/state-file.js'
import type { Runtime } from './context.js'

export const CHECKPOINT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/
const EXTENSION = '.sqlite'

export interface CheckpointInfo { name: string, savedAt: string, sizeBytes: number }

export interface StateKeeper {
  list (): CheckpointInfo[]
  save (name: string): CheckpointInfo
  restore (name: string): void
  remove (name: string): void
  exportBytes (): Buffer
  /** Replaces the state with an exported file's bytes; garbage is refused and changes nothing. */
  importBytes (bytes: Buffer): PreparedState
  /** The same from a file on disk (`--state`, the init folder). */
  importFile (path: string): PreparedState
}

interface Shelf {
  names (): string[]
  info (name: string): CheckpointInfo
  put (name: string, bytes: Buffer): void
  get (name: string): Buffer
  drop (name: string): void
}

function memoryShelf (): Shelf {
  const saved = new Map<string, { bytes: Buffer, savedAt: string }>()
  return {
    names: () => [...saved.keys()],
    info: (name) => ({ name, savedAt: saved.get(name)?.savedAt ?? '', sizeBytes: saved.get(name)?.bytes.length ?? 0 }),
    put: (name, bytes) => { saved.set(name, { bytes, savedAt: new Date().toISOString() }) },
    get: (name) => saved.get(name)?.bytes as Buffer,
    drop: (name) => { saved.delete(name) }
  }
}

function folderShelf (folder: string): Shelf {
  const pathOf = (name: string) => join(folder, name + EXTENSION)
  const ensure = () => { mkdirSync(folder, { recursive: true }) }
  return {
    names: () => {
      ensure()
      return readdirSync(folder).filter(file => file.endsWith(EXTENSION) && !file.startsWith('.')).map(file => file.slice(0, -EXTENSION.length))
    },
    info: (name) => {
      const stat = statSync(pathOf(name))
      return { name, savedAt: stat.mtime.toISOString(), sizeBytes: stat.size }
    },
    put: (name, bytes) => {
      ensure()
      const aside = join(folder, `.saving-${randomUUID()}${EXTENSION}`)
      writeFileSync(aside, bytes)
      renameSync(aside, pathOf(name))
    },
    get: (name) => readFileSync(pathOf(name)),
    drop: (name) => { rmSync(pathOf(name)) }
  }
}

const refused = (error: unknown) => error instanceof StateFileError
  ? errors.invalidStateFile(`The state file is refused: ${error.message}. Nothing was changed.`)
  : error

export function createStateKeeper (runtime: Runtime): StateKeeper {
  const fileMode = runtime.config.db !== ':memory:'
  const shelf = fileMode ? folderShelf(`${runtime.config.db}.checkpoints`) : memoryShelf()
  const existing = (name: string) => {
    if (!CHECKPOINT_NAME.test(name) || !shelf.names().includes(name)) throw errors.checkpointNotFound(`No checkpoint named \`${name}\` exists.`)
    return name
  }

  /**
   * Puts the prepared copy in the database's place, which costs a fraction of copying its rows
   * through the WAL (bench/state-results.md): the WAL emptied into the database file, so that the
   * file alone is the old state; the connection closed; the copy renamed over the file, which is
   * atomic, so a crash before it leaves the old state and after it the new one; a connection
   * opened on it. False, with the old database open again and unchanged, when the WAL cannot be
   * emptied (another connection) or the file cannot be renamed over (a bind-mounted file, say).
   * One emulator per database file: another process that had the file open would go on reading
   * the old one.
   */
  const swapIn = (copy: string): boolean => {
    const path = runtime.config.db
    // A WAL the copy's own connection left behind would hold pages the renamed file lacks.
    if (existsSync(`${copy}-wal`) || !emptyWal(runtime.store.db)) return false
    runtime.store.close()
    let swapped = true
    try {
      renameSync(copy, path)
    } catch {
      swapped = false
    }
    runtime.store = openStore(path)
    return swapped
  }

  /** `trusted`: a checkpoint this emulator wrote, so the integrity check is skipped. */
  const importBytes = (bytes: Buffer, trusted = false): PreparedState => {
    if (!looksLikeSqlite(bytes)) throw errors.invalidStateFile('The state file is refused: it is not a SQLite database (a file from GET /_emulator/state/export is). Nothing was changed.')
    try {
      if (!fileMode) {
        const { db, prepared } = openStateImage(bytes, trusted)
        const old = runtime.store
        runtime.store = createStore(db)
        old.close()
        return prepared
      }
      const copy = join(`${runtime.config.db}.checkpoints`, `.incoming-${randomUUID()}${EXTENSION}`)
      mkdirSync(`${runtime.config.db}.checkpoints`, { recursive: true })
      writeFileSync(copy, bytes)
      try {
        const prepared = prepareStateFile(copy, trusted)
        if (!swapIn(copy)) replaceStateFrom(runtime.store.db, copy, trusted)
        return prepared
      } finally {
        for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(copy + suffix, { force: true })
      }
    } catch (error) {
      throw refused(error)
    }
  }

  return {
    list: () => shelf.names().sort().map(shelf.info),
    save (name) {
      if (!CHECKPOINT_NAME.test(name)) throw errors.invalidParameterValue(`The parameter \`name\` \`${name}\` must be 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit.`)
      shelf.put(name, exportState(runtime.store.db))
      return shelf.info(name)
    },
    restore (name) { importBytes(shelf.get(existing(name)), true) },
    remove (name) { shelf.drop(existing(name)) },
    exportBytes: () => exportState(runtime.store.db),
    importBytes: (bytes) => importBytes(bytes),
    importFile (path) {
      let bytes: Buffer
      try {
        bytes = readFileSync(path)
      } catch (error) {
        throw errors.invalidStateFile(`The state file \`${path}\` cannot be read: ${(error as Error).message}.`)
      }
      return importBytes(bytes)
    }
  }
}
