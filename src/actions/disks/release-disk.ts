/**
 * ReleaseDisk (zec-api.md §3.5): the first call moves an AVAILABLE data disk to the recycle bin
 * (RECYCLING → RECYCLED, policy `disk.recycle`); a second call on a RECYCLED disk destroys it
 * (DELETING → gone, policy `disk.delete`). A disk whose creation FAILED is destroyed at once.
 * Attached disks must be detached first. The disk's snapshots are kept, as clouds keep them; its
 * auto-snapshot policy binding ends when it is destroyed.
 */
import { Type } from '@sinclair/typebox'
import { Id } from '../../../schemas/common.js'
import { releaseStep } from '../../domain/disks.js'
import { beginTransition } from '../../engine/transitions.js'
import { errors } from '../../errors.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'
import { loadDisk, requirePortable } from '../disk-checks.js'

export default defineAction({
  name: 'ReleaseDisk',
  versions: BOTH_VERSIONS,
  input: Type.Object({ diskId: Id }),
  output: Type.Object({}),
  handler (ctx, input) {
    const disk = loadDisk(ctx, input.diskId)
    requirePortable([disk])
    switch (releaseStep(disk.status)) {
      case 'recycle':
        beginTransition(ctx, 'disk.recycle', disk)
        break
      case 'destroy':
        beginTransition(ctx, 'disk.delete', disk, { autoSnapshotPolicyId: null })
        break
      case 'being-recycled':
        throw errors.diskBeingRecycled(`The disk \`${disk.diskId}\` is already being moved to the recycle bin; release it again once it is RECYCLED to destroy it.`)
      case null:
        throw errors.diskStatusUnsupported(`The disk \`${disk.diskId}\` is ${disk.status}; only an AVAILABLE disk can be released (detach it first), and only a RECYCLED disk can be destroyed.`)
    }
    return {}
  }
})
