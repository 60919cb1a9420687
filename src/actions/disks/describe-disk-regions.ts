/** DescribeDiskRegions (zec-api.md §3.5): the regions where disks can be bought, i.e. every region with a zone. */
import { Type } from '@sinclair/typebox'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'

export default defineAction({
  name: 'DescribeDiskRegions',
  versions: BOTH_VERSIONS,
  // 2024-04-01's model has an optional chargeType; every region sells pay-as-you-go disks, so it does not narrow the list.
  input: Type.Object({ chargeType: Type.Optional(Type.String({ maxLength: 32 })) }),
  output: Type.Object({ regionIds: Type.Array(Type.String()) }),
  handler (ctx) {
    return { regionIds: [...new Set(ctx.store.zones.list().map(z => z.regionId))] }
  }
})
