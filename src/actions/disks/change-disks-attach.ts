/**
 * ChangeDisksAttach (2024-04-01 only, zec-api.md §3.5): moves IN_USE data disks, all on one
 * instance, to another instance in their zone. The move is one step: the disks go ATTACHING on
 * the new instance and then IN_USE, under the `disk.attach` policy. Per its docs table, an unknown
 * disk is a 400 here.
 */
import { Type } from '@sinclair/typebox'
import { Id, IdList } from '../../../schemas/common.js'
import { ATTACHABLE_INSTANCE_STATUSES } from '../../domain/disks.js'
import { beginTransition } from '../../engine/transitions.js'
import { errors } from '../../errors.js'
import { defineAction } from '../define-action.js'
import { loadDisks, loadInstance, requireDiskStatus, requireInstanceStatus, requireOneInstance, requirePortable, requireRoomOn } from '../disk-checks.js'

export default defineAction({
  name: 'ChangeDisksAttach',
  versions: ['2024-04-01'],
  input: Type.Object({ diskIds: IdList(10), instanceId: Id }),
  output: Type.Object({}),
  handler (ctx, input) {
    const disks = loadDisks(ctx, input.diskIds, errors.diskNotFoundForChange)
    const target = loadInstance(ctx, input.instanceId)
    requirePortable(disks)
    requireDiskStatus(disks, ['IN_USE'], 'moved to another instance')
    const source = requireOneInstance(disks, 'moves')
    if (source === target.instanceId) {
      throw errors.diskAttachRepeated(`The disk(s) are already attached to the instance \`${target.instanceId}\`.`)
    }
    requireInstanceStatus(loadInstance(ctx, source), ATTACHABLE_INSTANCE_STATUSES, 'detached')
    for (const disk of disks) requireRoomOn(ctx, target, disk.zoneId, disks.length, `The disk \`${disk.diskId}\``)
    for (const disk of disks) beginTransition(ctx, 'disk.attach', disk, { instanceId: target.instanceId })
    return {}
  }
})
