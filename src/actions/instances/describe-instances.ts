/**
 * DescribeInstances (zec-api.md §4, zec-instances.md): created and fixture instances with every
 * documented filter, ANDed, and paging; each shows the disks on it as `systemDisk` and
 * `dataDisks` and its Primary NIC in `nics`. Instances carry no IPv6 addresses, so that filter
 * matches nothing.
 */
import { Type } from '@sinclair/typebox'
import { Enum, Id, NameFilter, OptionalIdList, Page, TagFilterInput } from '../../../schemas/common.js'
import { INSTANCE_STATUSES, InstanceInfo } from '../../../schemas/instance.js'
import { noteDescribed } from '../../engine/transitions.js'
import { namesFor, toInstanceInfo } from '../../views.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'
import { pageOf, PagingInput } from '../paging.js'

export default defineAction({
  name: 'DescribeInstances',
  versions: BOTH_VERSIONS,
  input: Type.Object({
    instanceIds: Type.Optional(OptionalIdList(100)),
    zoneId: Type.Optional(Id),
    imageId: Type.Optional(Id),
    ipv4Address: Type.Optional(Type.String({ maxLength: 64 })),
    ipv6Address: Type.Optional(Type.String({ maxLength: 64 })),
    status: Type.Optional(Enum(INSTANCE_STATUSES)),
    name: Type.Optional(NameFilter),
    resourceGroupId: Type.Optional(Id),
    ...TagFilterInput,
    ...PagingInput
  }),
  output: Page(InstanceInfo),
  handler (ctx, input) {
    const { pageNum, pageSize } = pageOf(input)
    if (input.ipv6Address !== undefined) return { totalCount: 0, dataSet: [] }
    const { total, items } = ctx.store.instances.list(ctx.accountId, input, pageNum, pageSize)
    noteDescribed(ctx, 'instance.', items.map(i => i.instanceId))
    const names = namesFor(ctx.store, ctx.accountId)
    const disks = ctx.store.disks.attachedToEach(ctx.accountId, items.map(i => i.instanceId))
    return {
      totalCount: total,
      dataSet: items.map(instance => toInstanceInfo(
        instance,
        disks.get(instance.instanceId) ?? [],
        ctx.store.zones.get(instance.zoneId)?.timeZone ?? '',
        instance.subnetId === null ? undefined : ctx.store.subnets.get(ctx.accountId, instance.subnetId),
        names
      ))
    }
  }
})
