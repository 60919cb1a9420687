/**
 * AttachDisks (zec-api.md §3.5): up to 10 AVAILABLE, portable data disks onto one instance in
 * their zone. Each goes ATTACHING and then IN_USE under the `disk.attach` policy. All or nothing.
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
  output: Type.Object({}),
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
    return {}
  }
})
