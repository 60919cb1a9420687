/**
 * DeleteSubnet (zec-instances.md: Terraform calls it in 2024-04-01): removes a subnet no instance
 * lives in, RECYCLE ones included (OPERATION_DENIED_SUBNET_EXIST_INSTANCE otherwise). An unknown
 * subnet is OPERATION_FAILED_RESOURCE_NOT_FOUND, which Terraform takes as "already gone".
 */
import { Type } from '@sinclair/typebox'
import { Id } from '../../../schemas/common.js'
import { errors } from '../../errors.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'
import { loadSubnet } from '../network-checks.js'

export default defineAction({
  name: 'DeleteSubnet',
  versions: BOTH_VERSIONS,
  input: Type.Object({ subnetId: Id }),
  output: Type.Object({}),
  handler (ctx, input) {
    const subnet = loadSubnet(ctx, input.subnetId, errors.resourceNotFound)
    const instances = ctx.store.instances.inSubnet(ctx.accountId, subnet.subnetId)
    if (instances.length > 0) {
      throw errors.subnetHasInstances(`The subnet \`${subnet.subnetId}\` still holds ${instances.length} instance(s) (${instances.map(i => `${i.instanceId} ${i.status}`).join(', ')}); release them first.`)
    }
    ctx.store.subnets.remove(subnet.subnetId)
    return {}
  }
})
