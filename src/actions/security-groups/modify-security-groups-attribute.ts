/** ModifySecurityGroupsAttribute (Go SDK ModifySecurityGroupsAttributeRequest): renames up to 100 security groups. All or nothing. */
import { Type } from '@sinclair/typebox'
import { IdList } from '../../../schemas/common.js'
import { SecurityGroupName } from '../../../schemas/network.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'
import { loadSecurityGroup } from '../network-checks.js'

export default defineAction({
  name: 'ModifySecurityGroupsAttribute',
  versions: BOTH_VERSIONS,
  input: Type.Object({ securityGroupIds: IdList(100), securityGroupName: SecurityGroupName }),
  output: Type.Object({}),
  handler (ctx, input) {
    const groups = [...new Set(input.securityGroupIds)].map(id => loadSecurityGroup(ctx, id))
    for (const group of groups) ctx.store.securityGroups.update(group.securityGroupId, { securityGroupName: input.securityGroupName })
    return {}
  }
})
