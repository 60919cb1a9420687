/**
 * ModifyDisksAttributes (zec-api.md §3.5): renames up to 100 disks; the name is the only
 * modifiable attribute. Disks in (or entering) the recycle bin are refused, as ZEC refuses
 * operations on recycle-bin resources. All or nothing.
 */
import { Type } from '@sinclair/typebox'
import { IdList } from '../../../schemas/common.js'
import { DiskName } from '../../../schemas/disk-input.js'
import { RECYCLE_STATUSES } from '../../domain/disks.js'
import { errors } from '../../errors.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'
import { loadDisks } from '../disk-checks.js'

export default defineAction({
  name: 'ModifyDisksAttributes',
  versions: BOTH_VERSIONS,
  input: Type.Object({ diskIds: IdList(100), diskName: DiskName }),
  output: Type.Object({}),
  handler (ctx, input) {
    const disks = loadDisks(ctx, input.diskIds)
    for (const disk of disks) {
      if (RECYCLE_STATUSES.includes(disk.status) || disk.status === 'DELETING') {
        throw errors.recycledResource(`The disk \`${disk.diskId}\` is ${disk.status}; a disk in the recycle bin cannot be modified (RenewDisk restores it).`)
      }
    }
    for (const disk of disks) ctx.store.disks.update(disk.diskId, { diskName: input.diskName })
    return {}
  }
})
