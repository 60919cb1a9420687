/** ModifyDisksResourceGroup (zec-api.md §3.5): moves up to 100 disks into an existing resource group. All or nothing. */
import { Type } from '@sinclair/typebox'
import { Id, IdList } from '../../../schemas/common.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'
import { loadDisks, resourceGroupFor } from '../disk-checks.js'

export default defineAction({
  name: 'ModifyDisksResourceGroup',
  versions: BOTH_VERSIONS,
  input: Type.Object({ diskIds: IdList(100), resourceGroupId: Id }),
  output: Type.Object({}),
  handler (ctx, input) {
    const disks = loadDisks(ctx, input.diskIds)
    const resourceGroupId = resourceGroupFor(ctx, input.resourceGroupId)
    for (const disk of disks) ctx.store.disks.update(disk.diskId, { resourceGroupId })
    return {}
  }
})
