/** DescribeInstancesStatus (zec-api.md §4): each instance's status, with paging; CSI uses it to wait for RUNNING. */
import { Type } from '@sinclair/typebox'
import { Id, OptionalIdList, Page } from '../../../schemas/common.js'
import { InstanceStatusItem } from '../../../schemas/instance.js'
import { noteDescribed } from '../../engine/transitions.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'
import { pageOf, PagingInput } from '../paging.js'

export default defineAction({
  name: 'DescribeInstancesStatus',
  versions: BOTH_VERSIONS,
  input: Type.Object({
    instanceIds: Type.Optional(OptionalIdList(100)),
    resourceGroupId: Type.Optional(Id),
    ...PagingInput
  }),
  output: Page(InstanceStatusItem),
  handler (ctx, input) {
    const { pageNum, pageSize } = pageOf(input)
    // Only this action's own filters: an undeclared field (a `tags` string, say) is not a filter here.
    const { total, items } = ctx.store.instances.list(ctx.accountId, { instanceIds: input.instanceIds, resourceGroupId: input.resourceGroupId }, pageNum, pageSize)
    noteDescribed(ctx, 'instance.', items.map(i => i.instanceId))
    return { totalCount: total, dataSet: items.map(i => ({ instanceId: i.instanceId, instanceStatus: i.status })) }
  }
})
