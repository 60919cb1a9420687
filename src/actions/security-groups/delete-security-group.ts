/**
 * DeleteSecurityGroup (Go SDK DeleteSecurityGroupRequest): removes a security group that is not
 * the account's default and that no VPC or NIC is bound to.
 */
import { Type } from '@sinclair/typebox'
import { Id } from '../../../schemas/common.js'
import { errors } from '../../errors.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'
import { loadSecurityGroup } from '../network-checks.js'

export default defineAction({
  name: 'DeleteSecurityGroup',
  versions: BOTH_VERSIONS,
  input: Type.Object({ securityGroupId: Id }),
  output: Type.Object({}),
  handler (ctx, input) {
    const group = loadSecurityGroup(ctx, input.securityGroupId)
    if (group.isDefault) throw errors.securityGroupDefault(`The security group \`${group.securityGroupId}\` is the account's default; it cannot be deleted.`)
    const vpcs = ctx.store.vpcs.usingSecurityGroup(ctx.accountId, group.securityGroupId)
    const instances = ctx.store.instances.usingSecurityGroup(ctx.accountId, group.securityGroupId)
    if (vpcs.length > 0 || instances.length > 0) {
      const users = [...vpcs.map(v => `VPC ${v.vpcId}`), ...instances.map(i => `the NIC of instance ${i.instanceId}`)]
      throw errors.securityGroupInUse(`The security group \`${group.securityGroupId}\` is still bound to ${users.join(', ')}.`)
    }
    ctx.store.securityGroups.remove(group.securityGroupId)
    return {}
  }
})
