/**
 * ModifyNetworkInterfaceAttribute (2025-09-01 only; zec-instances.md: Terraform's
 * `security_group_id`): renames an instance's NIC or binds it to another security group.
 */
import { Type } from '@sinclair/typebox'
import { Id } from '../../../schemas/common.js'
import { SecurityGroupName } from '../../../schemas/network.js'
import { errors } from '../../errors.js'
import { defineAction } from '../define-action.js'
import { requireNotRecycled } from '../instance-checks.js'
import { loadSecurityGroup } from '../network-checks.js'

export default defineAction({
  name: 'ModifyNetworkInterfaceAttribute',
  versions: ['2025-09-01'],
  input: Type.Object({ nicId: Id, name: Type.Optional(SecurityGroupName), securityGroupId: Type.Optional(Id) }),
  output: Type.Object({}),
  handler (ctx, input) {
    const instance = ctx.store.instances.byNic(ctx.accountId, input.nicId)
    if (instance === undefined) throw errors.nicNotFound(`The network interface \`${input.nicId}\` does not exist.`)
    requireNotRecycled(instance)
    if (input.securityGroupId !== undefined) loadSecurityGroup(ctx, input.securityGroupId)
    ctx.store.instances.update(instance.instanceId, {
      ...(input.name === undefined ? {} : { nicName: input.name }),
      ...(input.securityGroupId === undefined ? {} : { securityGroupId: input.securityGroupId })
    })
    return {}
  }
})
