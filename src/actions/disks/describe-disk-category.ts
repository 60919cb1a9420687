/**
 * DescribeDiskCategory (zec-api.md §3.5): the disk categories each zone sells. Every zone of the
 * catalogue sells both NVMe categories; the filters narrow the answer and never fail.
 */
import { Type } from '@sinclair/typebox'
import { Id } from '../../../schemas/common.js'
import { DISK_CATEGORIES } from '../../../schemas/disk.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'

export default defineAction({
  name: 'DescribeDiskCategory',
  versions: BOTH_VERSIONS,
  input: Type.Object({
    zoneId: Type.Optional(Id),
    diskCategory: Type.Optional(Type.String({ maxLength: 64 }))
  }),
  output: Type.Object({
    categoryZoneSet: Type.Array(Type.Object({ zoneId: Type.String(), categorySet: Type.Array(Type.String()) }))
  }),
  handler (ctx, input) {
    const categories = DISK_CATEGORIES.filter(c => input.diskCategory === undefined || c === input.diskCategory)
    const zones = ctx.store.zones.list(input.zoneId === undefined ? undefined : [input.zoneId])
    return {
      categoryZoneSet: categories.length === 0 ? [] : zones.map(z => ({ zoneId: z.zoneId, categorySet: [...categories] }))
    }
  }
})
