/** DescribeSecurityGroups (Go SDK DescribeSecurityGroupsRequest): the account's groups, with the VPCs and NICs bound to each. */
import { Type } from '@sinclair/typebox'
import { NameFilter, OptionalIdList, Page } from '../../../schemas/common.js'
import { SecurityGroupInfo } from '../../../schemas/network.js'
import { toSecurityGroupInfo } from '../../network-views.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'
import { pageOf, PagingInput } from '../paging.js'

export default defineAction({
  name: 'DescribeSecurityGroups',
  versions: BOTH_VERSIONS,
  input: Type.Object({
    securityGroupIds: Type.Optional(OptionalIdList(100)),
    securityGroupName: Type.Optional(NameFilter),
    ...PagingInput
  }),
  output: Page(SecurityGroupInfo),
  handler (ctx, input) {
    const { pageNum, pageSize } = pageOf(input)
    const { total, items } = ctx.store.securityGroups.list(ctx.accountId, input, pageNum, pageSize)
    return {
      totalCount: total,
      dataSet: items.map(group => toSecurityGroupInfo(
        group,
        ctx.store.vpcs.usingSecurityGroup(ctx.accountId, group.securityGroupId).map(v => v.vpcId),
        ctx.store.instances.usingSecurityGroup(ctx.accountId, group.securityGroupId).flatMap(i => i.nicId === null ? [] : [i.nicId])
      ))
    }
  }
})
