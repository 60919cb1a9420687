/**
 * DeleteVpc (zec-instances.md: Terraform calls it in 2024-04-01): removes a VPC with no subnet
 * left in it (OPERATION_DENIED_VPC_EXIST_SUBNET_ASSIGN otherwise, as ZEC refuses it). An
 * unknown VPC is INVALID_VPC_NOT_FOUND, which Terraform takes as "already gone".
 */
import { Type } from '@sinclair/typebox'
import { Id } from '../../../schemas/common.js'
import { errors } from '../../errors.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'
import { loadVpc } from '../network-checks.js'

export default defineAction({
  name: 'DeleteVpc',
  versions: BOTH_VERSIONS,
  input: Type.Object({ vpcId: Id }),
  output: Type.Object({}),
  handler (ctx, input) {
    const vpc = loadVpc(ctx, input.vpcId)
    const subnets = ctx.store.subnets.inVpc(ctx.accountId, vpc.vpcId)
    if (subnets.length > 0) {
      throw errors.vpcHasSubnets(`The VPC \`${vpc.vpcId}\` still has ${subnets.length} subnet(s) (${subnets.map(s => s.subnetId).join(', ')}); delete them first.`)
    }
    ctx.store.vpcs.remove(vpc.vpcId)
    return {}
  }
})
