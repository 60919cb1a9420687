/** DescribeSubnets (Go SDK DescribeSubnetsRequest): the account's subnets with every filter, ANDed, and paging. */
import { Type } from '@sinclair/typebox'
import { Id, NameFilter, OptionalIdList, Page } from '../../../schemas/common.js'
import { SubnetInfo } from '../../../schemas/network.js'
import { toSubnetInfo } from '../../network-views.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'
import { usedIps } from '../network-checks.js'
import { pageOf, PagingInput } from '../paging.js'

export default defineAction({
  name: 'DescribeSubnets',
  versions: BOTH_VERSIONS,
  input: Type.Object({
    subnetIds: Type.Optional(OptionalIdList(100)),
    name: Type.Optional(NameFilter),
    cidrBlock: Type.Optional(Type.String({ maxLength: 64 })),
    regionId: Type.Optional(Id),
    vpcIds: Type.Optional(OptionalIdList(100)),
    dhcpOptionsSetId: Type.Optional(Id),
    ...PagingInput
  }),
  output: Page(SubnetInfo),
  handler (ctx, input) {
    const { pageNum, pageSize } = pageOf(input)
    // No DHCP option sets are emulated, so a subnet bound to one matches nothing.
    if (input.dhcpOptionsSetId !== undefined) return { totalCount: 0, dataSet: [] }
    const { total, items } = ctx.store.subnets.list(ctx.accountId, input, pageNum, pageSize)
    return {
      totalCount: total,
      dataSet: items.map(subnet => toSubnetInfo(subnet, ctx.store.vpcs.get(ctx.accountId, subnet.vpcId)?.vpcName ?? '', usedIps(ctx, subnet.subnetId).size))
    }
  }
})
