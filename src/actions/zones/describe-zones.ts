/** DescribeZones: the zones ZEC offers; no paging, no totalCount (zec-api.md §4). */
import { Type } from '@sinclair/typebox'
import { OptionalIdList } from '../../../schemas/common.js'
import { ZoneInfo } from '../../../schemas/zone.js'
import { toZoneInfo } from '../../views.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'

export default defineAction({
  name: 'DescribeZones',
  versions: BOTH_VERSIONS,
  input: Type.Object({ zoneIds: Type.Optional(OptionalIdList(100)) }),
  output: Type.Object({ zoneSet: Type.Array(ZoneInfo) }),
  handler: (ctx, input) => ({ zoneSet: ctx.store.zones.list(input.zoneIds).map(toZoneInfo) })
})
