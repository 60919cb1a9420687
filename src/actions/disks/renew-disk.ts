/**
 * RenewDisk (zec-api.md §3.5): restores a RECYCLED data disk from the recycle bin. It is
 * AVAILABLE again at once (no transitional status is documented for it). System disks cannot be
 * renewed on their own.
 */
import { Type } from '@sinclair/typebox'
import { Id } from '../../../schemas/common.js'
import { errors } from '../../errors.js'
import { endPending } from '../../engine/transitions.js'
import { NO_PENDING } from '../../store/records.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'
import { loadDisk, requireDiskStatus } from '../disk-checks.js'

export default defineAction({
  name: 'RenewDisk',
  versions: BOTH_VERSIONS,
  input: Type.Object({ diskId: Id }),
  output: Type.Object({}),
  handler (ctx, input) {
    const disk = loadDisk(ctx, input.diskId)
    if (disk.diskType === 'SYSTEM') throw errors.diskSystemType(`The disk \`${disk.diskId}\` is a system disk; it is renewed with its instance.`)
    requireDiskStatus([disk], ['RECYCLED'], 'renewed')
    // Out of the recycle bin: its pending expiry (disk.expire) ends here, as its history says.
    endPending(ctx, disk, ctx.now, 'AVAILABLE')
    ctx.store.disks.update(disk.diskId, { ...NO_PENDING, status: 'AVAILABLE' })
    return {}
  }
})
