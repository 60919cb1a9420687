/** DescribeDisks: every documented filter, ANDed, with paging (zec-api.md §3.5 DescribeDisks). */
import { Type } from '@sinclair/typebox'
import { Enum, Id, NameFilter, OptionalIdList, Page, TagFilterInput } from '../../../schemas/common.js'
import { DISK_STATUSES, DISK_TYPES, DiskInfo2024, DiskInfo2025 } from '../../../schemas/disk.js'
import { noteDescribed } from '../../engine/transitions.js'
import { DISK_VIEW_FIELDS, namesFor, toDiskInfo } from '../../views.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'
import { pageOf, PagingInput } from '../paging.js'

export default defineAction({
  name: 'DescribeDisks',
  versions: BOTH_VERSIONS,
  input: Type.Object({
    diskIds: Type.Optional(OptionalIdList(100)),
    diskName: Type.Optional(NameFilter),
    diskStatus: Type.Optional(Enum(DISK_STATUSES)),
    diskType: Type.Optional(Enum(DISK_TYPES)),
    diskCategory: Type.Optional(Type.String({ maxLength: 64 })),
    instanceId: Type.Optional(Id),
    zoneId: Type.Optional(Id),
    regionId: Type.Optional(Id),
    snapshotAbility: Type.Optional(Type.Boolean()),
    resourceGroupId: Type.Optional(Id),
    ...TagFilterInput,
    ...PagingInput
  }),
  output: Page(DiskInfo2025),
  outputByVersion: { '2024-04-01': Page(DiskInfo2024) },
  handler (ctx, input) {
    const { pageNum, pageSize } = pageOf(input)
    const zoneIds = input.regionId === undefined ? undefined : ctx.store.zones.list().filter(z => z.regionId === input.regionId).map(z => z.zoneId)
    const { total, items } = ctx.store.disks.listOf(DISK_VIEW_FIELDS, ctx.accountId, { ...input, zoneIds }, pageNum, pageSize)
    noteDescribed(ctx, 'disk.', items.map(d => d.diskId))
    const names = namesFor(ctx.store, ctx.accountId, { instanceIds: items.map(d => d.instanceId), zoneIds: ctx.version === '2024-04-01' ? [] : items.map(d => d.zoneId) })
    return { totalCount: total, dataSet: items.map(d => toDiskInfo(d, ctx.version, names) as DiskInfo2025) }
  }
})
