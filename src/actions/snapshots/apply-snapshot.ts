/**
 * ApplySnapshot (zec-api.md §3.5, §3.6): rolls a disk back to one of its own snapshots. The
 * snapshot must be AVAILABLE and the disk IN_USE or AVAILABLE; the disk goes ROLLING_BACK and
 * returns to the status it had, the snapshot goes ROLLING_BACK and returns to AVAILABLE, each
 * under its own lifecycle policy. While either is rolling back, other operations on it are
 * refused by their own status rules.
 */
import { Type } from '@sinclair/typebox'
import { Id } from '../../../schemas/common.js'
import { SNAPSHOTTABLE_DISK_STATUSES } from '../../domain/snapshots.js'
import { beginTransition } from '../../engine/transitions.js'
import { errors } from '../../errors.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'

export default defineAction({
  name: 'ApplySnapshot',
  versions: BOTH_VERSIONS,
  input: Type.Object({ snapshotId: Id, diskId: Id }),
  output: Type.Object({}),
  handler (ctx, input) {
    const snapshot = ctx.store.snapshots.get(ctx.accountId, input.snapshotId)
    if (snapshot === undefined) throw errors.snapshotNotFound(`The snapshot \`${input.snapshotId}\` does not exist.`)
    const disk = ctx.store.disks.get(ctx.accountId, input.diskId)
    if (disk === undefined) throw errors.diskNotFound(`The disk \`${input.diskId}\` does not exist.`)
    if (snapshot.diskId !== disk.diskId) {
      throw errors.invalidParameterValue(`The snapshot \`${snapshot.snapshotId}\` was taken of disk \`${snapshot.diskId}\`, not of \`diskId\` \`${disk.diskId}\`; a disk can be rolled back only to its own snapshots.`)
    }
    if (snapshot.status !== 'AVAILABLE') {
      throw errors.snapshotStatusDenied(`The snapshot \`${snapshot.snapshotId}\` is ${snapshot.status}; only an AVAILABLE snapshot can be applied.`)
    }
    if (!SNAPSHOTTABLE_DISK_STATUSES.includes(disk.status)) {
      throw errors.diskStatusDenied(`The disk \`${disk.diskId}\` is ${disk.status}; it can be rolled back only when IN_USE or AVAILABLE.`)
    }
    beginTransition(ctx, 'disk.rollback', disk)
    beginTransition(ctx, 'snapshot.rollback', snapshot)
    return {}
  }
})
