/**
 * CreateSnapshot, to the letter of the API page (shared/spec/CreateSnapshot.seed.md): a Manual
 * snapshot of an IN_USE or AVAILABLE disk whose snapshotAbility is true, within quota, with an
 * optional retention time at least 24 hours ahead. It starts CREATING and becomes AVAILABLE
 * under the `snapshot.create` lifecycle policy.
 */
import { Type } from '@sinclair/typebox'
import { Id, ZecTime } from '../../../schemas/common.js'
import { SnapshotName } from '../../../schemas/snapshot.js'
import { checkRetentionTime, quotaProblem, SNAPSHOTTABLE_DISK_STATUSES } from '../../domain/snapshots.js'
import { snapshotQuotaOf } from '../../engine/quotas.js'
import { insertInTransition } from '../../engine/transitions.js'
import { errors } from '../../errors.js'
import { NO_PENDING } from '../../store/records.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'

export default defineAction({
  name: 'CreateSnapshot',
  versions: BOTH_VERSIONS,
  input: Type.Object({
    diskId: Id,
    snapshotName: SnapshotName,
    retentionTime: Type.Optional(ZecTime)
  }),
  output: Type.Object({ snapshotId: Type.String() }),
  handler (ctx, input) {
    let retentionTime: number | null = null
    if (input.retentionTime !== undefined) {
      const checked = checkRetentionTime(input.retentionTime, ctx.now)
      if (typeof checked === 'string') throw errors.snapshotRetentionTime(checked)
      retentionTime = checked
    }

    const disk = ctx.store.disks.get(ctx.accountId, input.diskId)
    if (disk === undefined) throw errors.diskNotFound(`The disk \`${input.diskId}\` does not exist.`)
    if (!SNAPSHOTTABLE_DISK_STATUSES.includes(disk.status)) {
      throw errors.diskStatusUnsupported(`The disk \`${disk.diskId}\` is ${disk.status}; a snapshot can be created only of a disk that is IN_USE or AVAILABLE.`)
    }
    if (!disk.snapshotAbility) {
      throw errors.diskStatusUnsupported(`The disk \`${disk.diskId}\` does not support snapshots (its snapshotAbility is false).`)
    }

    const quota = snapshotQuotaOf(ctx, ctx.accountId)
    const overQuota = quotaProblem(quota, disk.diskId, ctx.store.snapshots.countForDisk(ctx.accountId, disk.diskId), ctx.store.snapshots.countForAccount(ctx.accountId))
    if (overQuota !== null) throw errors.snapshotQuotaExceeded(overQuota)

    const snapshot = {
      snapshotId: ctx.store.ids.next(),
      accountId: ctx.accountId,
      snapshotName: input.snapshotName,
      diskId: disk.diskId,
      diskType: disk.diskType,
      diskSize: disk.diskSize,
      zoneId: disk.zoneId,
      resourceGroupId: disk.resourceGroupId,
      snapshotType: 'Manual',
      status: 'CREATING',
      retentionTime,
      createTime: ctx.now,
      ...NO_PENDING
    }
    insertInTransition(ctx, 'snapshot.create', snapshot)
    return { snapshotId: snapshot.snapshotId }
  }
})
