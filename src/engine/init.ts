/**
 * What a new database starts from, after the fixtures: a `--state` file, then the init folder
 * (`--init-dir`, LocalStack's init hooks): its fixtures files (`.json`, added like the fixtures)
 * and state files (`.sqlite`/`.db`, each replacing the whole state) in name order. Other files and
 * hidden ones are passed over. A file that cannot be loaded stops the start: DataFileError names it.
 */
import { readdirSync } from 'node:fs'
import { extname, join } from 'node:path'
import { DataFileError, readFixtures } from '../fixtures.js'
import type { Runtime } from './context.js'
import { seedMore } from './seed.js'
import type { StateKeeper } from './state.js'

const STATE_FILES = new Set(['.sqlite', '.db'])

/** The files of the init folder that are loaded, in the order they are loaded. */
export function initFiles (dir: string): string[] {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch (error) {
    throw new DataFileError(`init folder ${dir}: ${(error as Error).message}`)
  }
  return names
    .filter(name => !name.startsWith('.') && (extname(name) === '.json' || STATE_FILES.has(extname(name))))
    .sort()
    .map(name => join(dir, name))
}

function loadOne (runtime: Runtime, keeper: StateKeeper, path: string): void {
  try {
    if (STATE_FILES.has(extname(path))) keeper.importFile(path)
    else runtime.store.transaction(() => { seedMore(runtime, readFixtures(path)) })
  } catch (error) {
    const message = (error as Error).message
    throw new DataFileError(message.includes(path) ? message : `${path}: ${message}`)
  }
}

export function loadStartState (runtime: Runtime, keeper: StateKeeper): void {
  const { state, initDir } = runtime.config
  if (state !== '') loadOne(runtime, keeper, state)
  if (initDir !== '') for (const path of initFiles(initDir)) loadOne(runtime, keeper, path)
}
