/**
 * CreateVpc (zec-instances.md; Go SDK CreateVpcRequest): a VPC over a private IPv4 range, bound
 * to the account's default security group. VPCs are global; their subnets are regional.
 */
import { Type } from '@sinclair/typebox'
import { Id, Tags } from '../../../schemas/common.js'
import { CidrText, NetworkName } from '../../../schemas/network.js'
import { formatCidr } from '../../domain/cidr.js'
import { duplicateTagKey } from '../../domain/disks.js'
import { errors } from '../../errors.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'
import { resourceGroupFor } from '../disk-checks.js'
import { defaultSecurityGroup, vpcCidr } from '../network-checks.js'

export default defineAction({
  name: 'CreateVpc',
  versions: BOTH_VERSIONS,
  input: Type.Object({
    name: NetworkName,
    cidrBlock: CidrText,
    mtu: Type.Optional(Type.Union([Type.Literal(1300), Type.Literal(1500), Type.Literal(9000)])),
    enablePriIpv6: Type.Optional(Type.Boolean()),
    resourceGroupId: Type.Optional(Id),
    tags: Type.Optional(Tags)
  }),
  output: Type.Object({ vpcId: Type.String() }),
  handler (ctx, input) {
    const cidr = vpcCidr(input.cidrBlock)
    const tags = input.tags?.tags ?? []
    const duplicate = duplicateTagKey(tags)
    if (duplicate !== null) throw errors.invalidParameterValue(`The parameter \`tags.tags\` has the key \`${duplicate}\` more than once; tag keys must be unique.`)
    const resourceGroupId = resourceGroupFor(ctx, input.resourceGroupId)
    const vpcId = ctx.store.ids.next()
    ctx.store.vpcs.insert({
      vpcId,
      accountId: ctx.accountId,
      vpcName: input.name,
      cidrBlock: formatCidr(cidr),
      ipv6CidrBlock: input.enablePriIpv6 === true ? ipv6For(vpcId) : null,
      mtu: input.mtu ?? 1500,
      isDefault: false,
      securityGroupId: defaultSecurityGroup(ctx).securityGroupId,
      resourceGroupId,
      tags,
      createTime: ctx.now
    })
    return { vpcId }
  }
})

/** A private IPv6 /48 (fd00::/8) stable for a VPC id. */
export function ipv6For (vpcId: string): string {
  const hex = BigInt(vpcId).toString(16).padStart(10, '0').slice(-10)
  return `fd${hex.slice(0, 2)}:${hex.slice(2, 6)}:${hex.slice(6, 10)}::/48`
}
