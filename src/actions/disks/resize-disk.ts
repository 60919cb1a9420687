/**
 * ResizeDisk (zec-api.md §3.5): grows an AVAILABLE or IN_USE disk (online expansion, as CSI does)
 * to a larger size, at most 32768 GiB. It is CHANGING and then back in its previous status under
 * the `disk.change` policy; DescribeDisks shows the new size from the start.
 */
import { Type } from '@sinclair/typebox'
import { Id } from '../../../schemas/common.js'
import { DiskSize } from '../../../schemas/disk-input.js'
import { RESIZABLE_STATUSES } from '../../domain/disks.js'
import { beginTransition } from '../../engine/transitions.js'
import { errors } from '../../errors.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'
import { loadDisk, requireDiskStatus } from '../disk-checks.js'

export default defineAction({
  name: 'ResizeDisk',
  versions: BOTH_VERSIONS,
  input: Type.Object({ diskId: Id, diskSize: DiskSize }),
  output: Type.Object({}),
  handler (ctx, input) {
    const disk = loadDisk(ctx, input.diskId)
    requireDiskStatus([disk], RESIZABLE_STATUSES, 'resized')
    if (input.diskSize <= disk.diskSize) {
      throw errors.invalidParameterValue(`The parameter \`diskSize\` (${input.diskSize} GiB) must be greater than the disk's current size (${disk.diskSize} GiB); disks can only grow.`)
    }
    beginTransition(ctx, 'disk.change', disk, { diskSize: input.diskSize })
    return {}
  }
})
