/**
 * ModifySnapshotsAttribute (zec-api.md §3.5): renames up to 100 snapshots and/or changes how long
 * they are kept. `retentionTime` follows CreateSnapshot's rule (at least 24 hours ahead);
 * `isPermanent: true` keeps them forever. All or nothing: an unknown id, or a snapshot already
 * being deleted, fails the whole call. It works on Auto snapshots too, so a policy's backup
 * can be kept beyond the policy's retention.
 */
import { Type } from '@sinclair/typebox'
import { IdList, ZecTime } from '../../../schemas/common.js'
import { SnapshotName } from '../../../schemas/snapshot.js'
import { checkRetentionTime } from '../../domain/snapshots.js'
import { errors } from '../../errors.js'
import type { SnapshotRecord } from '../../store/records.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'

export default defineAction({
  name: 'ModifySnapshotsAttribute',
  versions: BOTH_VERSIONS,
  input: Type.Object({
    snapshotIds: IdList(100),
    snapshotName: Type.Optional(SnapshotName),
    retentionTime: Type.Optional(ZecTime),
    isPermanent: Type.Optional(Type.Boolean())
  }),
  output: Type.Object({}),
  handler (ctx, input) {
    if (input.isPermanent === true && input.retentionTime !== undefined) {
      throw errors.invalidParameterValue('The parameters `retentionTime` and `isPermanent` conflict: send `isPermanent: true` to keep the snapshots forever, or a `retentionTime`, not both.')
    }
    const patch: Partial<SnapshotRecord> = {}
    if (input.snapshotName !== undefined) patch.snapshotName = input.snapshotName
    if (input.isPermanent === true) patch.retentionTime = null
    if (input.retentionTime !== undefined) {
      const checked = checkRetentionTime(input.retentionTime, ctx.now)
      if (typeof checked === 'string') throw errors.snapshotRetentionTime(checked)
      patch.retentionTime = checked
    }

    const ids = [...new Set(input.snapshotIds)]
    const found = ctx.store.snapshots.getMany(ctx.accountId, ids)
    const missing = ids.filter(id => !found.some(s => s.snapshotId === id))
    if (missing.length > 0) throw errors.snapshotNotFound(`The snapshot(s) \`${missing.join('`, `')}\` do not exist.`)
    const deleting = found.filter(s => s.status === 'DELETING')
    if (deleting.length > 0) {
      throw errors.snapshotStatusDenied(`The snapshot(s) \`${deleting.map(s => s.snapshotId).join('`, `')}\` are DELETING and can no longer be modified.`)
    }
    for (const id of ids) ctx.store.snapshots.update(id, patch)
    return {}
  }
})
