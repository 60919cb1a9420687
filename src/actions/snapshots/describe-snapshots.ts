/** DescribeSnapshots: every documented filter, ANDed, with paging (zec-api.md §3.5 DescribeSnapshots). */
import { Type } from '@sinclair/typebox'
import { Enum, Id, NameFilter, OptionalIdList, Page } from '../../../schemas/common.js'
import { DISK_TYPES } from '../../../schemas/disk.js'
import { SNAPSHOT_STATUSES, SNAPSHOT_TYPES, SnapshotInfo } from '../../../schemas/snapshot.js'
import { noteDescribed } from '../../engine/transitions.js'
import { namesFor, SNAPSHOT_VIEW_FIELDS, toSnapshotInfo } from '../../views.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'
import { pageOf, PagingInput } from '../paging.js'

export default defineAction({
  name: 'DescribeSnapshots',
  versions: BOTH_VERSIONS,
  input: Type.Object({
    snapshotIds: Type.Optional(OptionalIdList(100)),
    zoneId: Type.Optional(Id),
    status: Type.Optional(Enum(SNAPSHOT_STATUSES)),
    diskIds: Type.Optional(OptionalIdList(100)),
    diskType: Type.Optional(Enum(DISK_TYPES)),
    snapshotType: Type.Optional(Enum(SNAPSHOT_TYPES)),
    snapshotName: Type.Optional(NameFilter),
    resourceGroupId: Type.Optional(Id),
    ...PagingInput
  }),
  output: Page(SnapshotInfo),
  handler (ctx, input) {
    const { pageNum, pageSize } = pageOf(input)
    const { total, items } = ctx.store.snapshots.listOf(SNAPSHOT_VIEW_FIELDS, ctx.accountId, input, pageNum, pageSize)
    noteDescribed(ctx, 'snapshot.', items.map(s => s.snapshotId))
    const names = namesFor(ctx.store, ctx.accountId)
    return { totalCount: total, dataSet: items.map(s => toSnapshotInfo(s, names)) }
  }
})
