/**
 * CreateSubnet (zec-instances.md: Terraform calls it in 2024-04-01): an IPv4 subnet of a VPC in
 * one region, its range inside the VPC's and overlapping no other subnet of it. IPv6 stacks are
 * not emulated.
 */
import { Type } from '@sinclair/typebox'
import { Enum, Id } from '../../../schemas/common.js'
import { CidrText, NetworkName } from '../../../schemas/network.js'
import { formatCidr } from '../../domain/cidr.js'
import { errors } from '../../errors.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'
import { loadVpc, subnetCidr } from '../network-checks.js'

export default defineAction({
  name: 'CreateSubnet',
  versions: BOTH_VERSIONS,
  input: Type.Object({
    vpcId: Id,
    name: NetworkName,
    regionId: Id,
    stackType: Type.Optional(Enum(['IPv4', 'IPv4_IPv6', 'IPv6'] as const)),
    cidrBlock: Type.Optional(CidrText),
    ipv6Type: Type.Optional(Enum(['Private', 'Public'] as const)),
    dhcpOptionsSetId: Type.Optional(Id)
  }),
  output: Type.Object({ subnetId: Type.String() }),
  handler (ctx, input) {
    const stackType = input.stackType ?? 'IPv4'
    if (stackType !== 'IPv4') throw errors.invalidParameterValue(`The parameter \`stackType\` \`${stackType}\` is not emulated; create IPv4 subnets.`)
    if (input.cidrBlock === undefined) throw errors.missingParameter('The parameter `cidrBlock` is required when `stackType` includes IPv4.')
    const vpc = loadVpc(ctx, input.vpcId)
    if (!ctx.store.zones.list().some(z => z.regionId === input.regionId)) {
      throw errors.vpcRegionNotFound(`The region \`${input.regionId}\` does not exist or has no zone.`)
    }
    const cidr = subnetCidr(ctx, vpc, input.cidrBlock)
    const subnetId = ctx.store.ids.next()
    ctx.store.subnets.insert({
      subnetId,
      accountId: ctx.accountId,
      vpcId: vpc.vpcId,
      regionId: input.regionId,
      subnetName: input.name,
      cidrBlock: formatCidr(cidr),
      stackType,
      isDefault: false,
      createTime: ctx.now
    })
    return { subnetId }
  }
})
