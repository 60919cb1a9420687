/** DescribeVpcs (Go SDK DescribeVpcsRequest): the account's VPCs with every filter, ANDed, and paging. */
import { Type } from '@sinclair/typebox'
import { Id, NameFilter, OptionalIdList, Page, TagFilterInput } from '../../../schemas/common.js'
import { VpcInfo } from '../../../schemas/network.js'
import { toVpcInfo } from '../../network-views.js'
import { namesFor } from '../../views.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'
import { pageOf, PagingInput } from '../paging.js'

export default defineAction({
  name: 'DescribeVpcs',
  versions: BOTH_VERSIONS,
  input: Type.Object({
    vpcIds: Type.Optional(OptionalIdList(100)),
    name: Type.Optional(NameFilter),
    cidrBlock: Type.Optional(Type.String({ maxLength: 64 })),
    resourceGroupId: Type.Optional(Id),
    ...TagFilterInput,
    ...PagingInput
  }),
  output: Page(VpcInfo),
  handler (ctx, input) {
    const { pageNum, pageSize } = pageOf(input)
    const { total, items } = ctx.store.vpcs.list(ctx.accountId, input, pageNum, pageSize)
    const names = namesFor(ctx.store, ctx.accountId)
    return {
      totalCount: total,
      dataSet: items.map(vpc => {
        const subnetIds = ctx.store.subnets.inVpc(ctx.accountId, vpc.vpcId).map(s => s.subnetId)
        const used = ctx.store.instances.inSubnets(ctx.accountId, subnetIds).reduce((n, i) => n + i.privateIpAddresses.length, 0)
        return toVpcInfo(vpc, used, names)
      })
    }
  }
})
