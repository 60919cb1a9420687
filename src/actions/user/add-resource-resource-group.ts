/**
 * AddResourceResourceGroup (service user, 2024-05-29, POST /api/v2/user; zec-instances.md): moves
 * up to 100 resources (disks, instances, VPCs, policies, snapshots) into an existing resource
 * group; each shows it in its own Describe. All or nothing.
 */
import { Type } from '@sinclair/typebox'
import { Id, IdList } from '../../../schemas/common.js'
import { defineAction } from '../define-action.js'
import { resourceGroupFor } from '../disk-checks.js'
import { findGrouped } from '../resources.js'

export default defineAction({
  name: 'AddResourceResourceGroup',
  service: 'user',
  versions: ['2024-05-29'],
  input: Type.Object({ resources: IdList(100), resourceGroupId: Id }),
  output: Type.Object({}),
  handler (ctx, input) {
    const resourceGroupId = resourceGroupFor(ctx, input.resourceGroupId)
    const resources = [...new Set(input.resources)].map(id => findGrouped(ctx, id))
    for (const resource of resources) resource.setResourceGroup(resourceGroupId)
    return {}
  }
})
