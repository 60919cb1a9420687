/**
 * DeleteSnapshots: up to 100 snapshots go DELETING and then disappear, freeing their quota.
 * The call is all or nothing: an unknown id or a snapshot that cannot be deleted now fails it
 * whole, so `snapshotIds` (the ids that failed) is empty on success (zec-api.md §3.5).
 */
import { Type } from '@sinclair/typebox'
import { IdList } from '../../../schemas/common.js'
import { beginTransition } from '../../engine/transitions.js'
import { errors } from '../../errors.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'

/** Snapshots in these statuses are busy; a DELETING one is already on its way out. */
const BUSY = ['CREATING', 'ROLLING_BACK']

export default defineAction({
  name: 'DeleteSnapshots',
  versions: BOTH_VERSIONS,
  input: Type.Object({ snapshotIds: IdList(100) }),
  output: Type.Object({ snapshotIds: Type.Array(Type.String()) }),
  handler (ctx, input) {
    const ids = [...new Set(input.snapshotIds)]
    const found = new Map(ctx.store.snapshots.getMany(ctx.accountId, ids).map(s => [s.snapshotId, s]))
    const missing = ids.filter(id => !found.has(id))
    if (missing.length > 0) throw errors.snapshotNotFound(`The snapshot(s) \`${missing.join('`, `')}\` do not exist.`)
    const busy = [...found.values()].filter(s => BUSY.includes(s.status))
    if (busy.length > 0) {
      throw errors.snapshotStatusDenied(`The snapshot(s) ${busy.map(s => `\`${s.snapshotId}\` (${s.status})`).join(', ')} cannot be deleted in their current status.`)
    }
    for (const snapshot of found.values()) {
      if (snapshot.status !== 'DELETING') beginTransition(ctx, 'snapshot.delete', snapshot)
    }
    return { snapshotIds: [] }
  }
})
