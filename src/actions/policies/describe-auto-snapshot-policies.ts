/**
 * DescribeAutoSnapshotPolicies: every documented filter, ANDed, with paging (zec-api.md §3.5).
 * `diskIdSet` and `diskNum` are read from the disks' own bindings, so they always agree with
 * DescribeDisks' `autoSnapshotPolicyId`.
 */
import { Type } from '@sinclair/typebox'
import { Id, NameFilter, OptionalIdList, Page, TagFilterInput } from '../../../schemas/common.js'
import { AutoSnapshotPolicy2024, AutoSnapshotPolicy2025 } from '../../../schemas/policy.js'
import { namesFor, toPolicyInfo } from '../../views.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'
import { pageOf, PagingInput } from '../paging.js'

export default defineAction({
  name: 'DescribeAutoSnapshotPolicies',
  versions: BOTH_VERSIONS,
  input: Type.Object({
    autoSnapshotPolicyIds: Type.Optional(OptionalIdList(100)),
    zoneIds: Type.Optional(OptionalIdList(100)),
    autoSnapshotPolicyName: Type.Optional(NameFilter),
    resourceGroupId: Type.Optional(Id),
    ...TagFilterInput,
    ...PagingInput
  }),
  output: Page(AutoSnapshotPolicy2025),
  outputByVersion: { '2024-04-01': Page(AutoSnapshotPolicy2024) },
  handler (ctx, input) {
    const { pageNum, pageSize } = pageOf(input)
    const { total, items } = ctx.store.policies.list(ctx.accountId, input, pageNum, pageSize)
    const bound = ctx.store.disks.boundDiskIds(ctx.accountId, items.map(p => p.autoSnapshotPolicyId))
    const names = namesFor(ctx.store, ctx.accountId)
    return {
      totalCount: total,
      dataSet: items.map(p => toPolicyInfo(p, bound.get(p.autoSnapshotPolicyId) ?? [], ctx.version, names) as AutoSnapshotPolicy2025)
    }
  }
})
