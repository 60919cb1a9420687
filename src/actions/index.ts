/**
 * THE registry: every ZEC action the emulator answers, in the order of the API reference.
 * Adding an action = one file under src/actions/<resource>/ and one line here; the registry
 * test fails when a file is not listed.
 */
import type { ActionDefinition } from './define-action.js'
import describeDisks from './disks/describe-disks.js'
import createSnapshot from './snapshots/create-snapshot.js'
import deleteSnapshots from './snapshots/delete-snapshots.js'
import describeSnapshots from './snapshots/describe-snapshots.js'
import describeZones from './zones/describe-zones.js'

export const ACTIONS: readonly ActionDefinition[] = [
  describeZones,
  describeDisks,
  describeSnapshots,
  createSnapshot,
  deleteSnapshots
] as unknown as ActionDefinition[]

export const ACTIONS_BY_NAME: ReadonlyMap<string, ActionDefinition> = new Map(ACTIONS.map(a => [a.name, a]))
