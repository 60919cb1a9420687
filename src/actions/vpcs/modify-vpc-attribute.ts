/**
 * ModifyVpcAttribute (Go SDK ModifyVpcAttributeRequest): renames a VPC, widens or moves its IPv4
 * range (the new range must hold every subnet; the default VPC's cannot change), turns private
 * IPv6 on (never off) and binds another security group (2025-09-01).
 */
import { Type } from '@sinclair/typebox'
import { Id } from '../../../schemas/common.js'
import { CidrText, NetworkName } from '../../../schemas/network.js'
import { contains, formatCidr, parseCidr, type Cidr } from '../../domain/cidr.js'
import { errors } from '../../errors.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'
import { loadSecurityGroup, loadVpc, vpcCidr } from '../network-checks.js'
import { ipv6For } from './create-vpc.js'

export default defineAction({
  name: 'ModifyVpcAttribute',
  versions: BOTH_VERSIONS,
  input: Type.Object({
    vpcId: Id,
    vpcName: Type.Optional(NetworkName),
    cidrBlock: Type.Optional(CidrText),
    enableIPv6: Type.Optional(Type.Boolean()),
    securityGroupId: Type.Optional(Id)
  }),
  output: Type.Object({}),
  handler (ctx, input) {
    const vpc = loadVpc(ctx, input.vpcId)
    if (input.enableIPv6 === false && vpc.ipv6CidrBlock !== null) {
      throw errors.invalidParameterValue('The parameter `enableIPv6` can only be true: private IPv6, once enabled, cannot be turned off.')
    }
    const cidr = input.cidrBlock === undefined ? undefined : vpcCidr(input.cidrBlock)
    if (cidr !== undefined) {
      if (vpc.isDefault) throw errors.invalidParameterValue(`The VPC \`${vpc.vpcId}\` is the default VPC; its cidrBlock cannot be changed.`)
      for (const subnet of ctx.store.subnets.inVpc(ctx.accountId, vpc.vpcId)) {
        if (!contains(cidr, parseCidr(subnet.cidrBlock) as Cidr)) {
          throw errors.subnetCidrOutsideVpc(`The parameter \`cidrBlock\` \`${input.cidrBlock}\` does not hold the subnet \`${subnet.subnetId}\` (${subnet.cidrBlock}).`)
        }
      }
    }
    if (input.securityGroupId !== undefined) loadSecurityGroup(ctx, input.securityGroupId)
    ctx.store.vpcs.update(vpc.vpcId, {
      ...(input.vpcName === undefined ? {} : { vpcName: input.vpcName }),
      ...(cidr === undefined ? {} : { cidrBlock: formatCidr(cidr) }),
      ...(input.enableIPv6 === true && vpc.ipv6CidrBlock === null ? { ipv6CidrBlock: ipv6For(vpc.vpcId) } : {}),
      ...(input.securityGroupId === undefined ? {} : { securityGroupId: input.securityGroupId })
    })
    return {}
  }
})
