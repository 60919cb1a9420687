/**
 * State you keep, rewind or throw away: named checkpoints, export and import of the whole state
 * as one SQLite file. A checkpoint is such a file in the checkpoint folder: beside the database
 * (`<db>.checkpoints/`) in file mode, so checkpoints outlive a restart, or in a private temporary
 * folder in memory mode, removed when the emulator closes. Every way back in goes through
 * replaceStateFrom: one transaction, wholly the old state or wholly the new one.
 */
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { errors } from '../errors.js'
import { exportState, looksLikeSqlite, prepareStateFile, replaceStateFrom, StateFileError, writeStateCopy, type PreparedState } from '../store/state-file.js'
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
  close (): void
}

export function createStateKeeper (runtime: Runtime): StateKeeper {
  const fileMode = runtime.config.db !== ':memory:'
  let folder: string | undefined
  const checkpointFolder = () => {
    if (folder === undefined) {
      folder = fileMode ? `${runtime.config.db}.checkpoints` : mkdtempSync(join(tmpdir(), 'zec-emulator-checkpoints-'))
      mkdirSync(folder, { recursive: true })
    }
    return folder
  }
  const pathOf = (name: string) => join(checkpointFolder(), name + EXTENSION)
  const scratch = () => join(checkpointFolder(), `.incoming-${randomUUID()}${EXTENSION}`)
  const infoOf = (name: string): CheckpointInfo => {
    const stat = statSync(pathOf(name))
    return { name, savedAt: stat.mtime.toISOString(), sizeBytes: stat.size }
  }
  const existing = (name: string) => {
    if (!CHECKPOINT_NAME.test(name) || !readdirSync(checkpointFolder()).includes(name + EXTENSION)) {
      throw errors.checkpointNotFound(`No checkpoint named \`${name}\` exists.`)
    }
    return pathOf(name)
  }

  /** Prepares a private copy of a state file (migrating it), then puts it in place. */
  const importCopy = (copy: string): PreparedState => {
    try {
      const prepared = prepareStateFile(copy)
      replaceStateFrom(runtime.store.db, copy)
      return prepared
    } catch (error) {
      if (error instanceof StateFileError) throw errors.invalidStateFile(`The state file is refused: ${error.message}. Nothing was changed.`)
      throw error
    } finally {
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(copy + suffix, { force: true })
    }
  }

  const importBytes = (bytes: Buffer): PreparedState => {
    if (!looksLikeSqlite(bytes)) throw errors.invalidStateFile('The state file is refused: it is not a SQLite database (a file from GET /_emulator/state/export is). Nothing was changed.')
    const copy = scratch()
    writeFileSync(copy, bytes)
    return importCopy(copy)
  }

  return {
    list: () => readdirSync(checkpointFolder())
      .filter(file => file.endsWith(EXTENSION) && !file.startsWith('.'))
      .map(file => infoOf(file.slice(0, -EXTENSION.length)))
      .sort((a, b) => a.name.localeCompare(b.name)),
    save (name) {
      if (!CHECKPOINT_NAME.test(name)) throw errors.invalidParameterValue(`The parameter \`name\` \`${name}\` must be 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit.`)
      // Written aside, then renamed over the old one: a checkpoint is never half written.
      const aside = scratch()
      writeStateCopy(runtime.store.db, aside)
      renameSync(aside, pathOf(name))
      return infoOf(name)
    },
    restore (name) {
      const copy = scratch()
      writeFileSync(copy, readFileSync(existing(name)))
      importCopy(copy)
    },
    remove (name) { rmSync(existing(name)) },
    exportBytes: () => exportState(runtime.store.db),
    importBytes,
    importFile (path) {
      let bytes: Buffer
      try {
        bytes = readFileSync(path)
      } catch (error) {
        throw errors.invalidStateFile(`The state file \`${path}\` cannot be read: ${(error as Error).message}.`)
      }
      return importBytes(bytes)
    },
    close () {
      if (!fileMode && folder !== undefined) rmSync(folder, { recursive: true, force: true })
    }
  }
}
