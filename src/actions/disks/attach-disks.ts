/**
 * AttachDisks (zec-api.md §3.5): up to 10 AVAILABLE, portable data disks onto one instance in
 * their zone. Each goes ATTACHING and then IN_USE under the `disk.attach` policy. All or nothing,
 * so 2025-09-01's `failedDiskIds` (declared by the Python 2.0.77 and Java 0.6.85 models, as for
 * DetachDisks) is empty on success; 2024-04-01 answers with the request id only.
 */
import { Type } from '@sinclair/typebox'
import { Id, IdList } from '../../../schemas/common.js'
import { beginTransition } from '../../engine/transitions.js'
import { errors } from '../../errors.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'
import { loadDisks, loadInstance, requireDiskStatus, requirePortable, requireRoomOn } from '../disk-checks.js'

export default defineAction({
  name: 'AttachDisks',
  versions: BOTH_VERSIONS,
  input: Type.Object({ diskIds: IdList(10), instanceId: Id }),
  output: Type.Object({ failedDiskIds: Type.Array(Type.String()) }),
  outputByVersion: { '2024-04-01': Type.Object({}) },
  handler (ctx, input) {
    const disks = loadDisks(ctx, input.diskIds)
    const instance = loadInstance(ctx, input.instanceId)
    requirePortable(disks)
    for (const disk of disks) {
      if (disk.instanceId !== null) {
        throw errors.diskAttached(`The disk \`${disk.diskId}\` is already attached to the instance \`${disk.instanceId}\`.`)
      }
    }
    requireDiskStatus(disks, ['AVAILABLE'], 'attached')
    for (const disk of disks) requireRoomOn(ctx, instance, disk.zoneId, disks.length, `The disk \`${disk.diskId}\``)
    for (const disk of disks) beginTransition(ctx, 'disk.attach', disk, { instanceId: instance.instanceId })
    return ctx.version === '2024-04-01' ? {} as { failedDiskIds: string[] } : { failedDiskIds: [] }
  }
})
