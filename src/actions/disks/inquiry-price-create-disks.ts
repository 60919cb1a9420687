/** InquiryPriceCreateDisks (zec-api.md §3.5): the pay-as-you-go price of `diskAmount` new disks, from the price table (domain/pricing.ts). */
import { Type } from '@sinclair/typebox'
import { Id } from '../../../schemas/common.js'
import { DEFAULT_DISK_CATEGORY } from '../../../schemas/disk.js'
import { DiskCategory, DiskSize } from '../../../schemas/disk-input.js'
import { PriceItem } from '../../../schemas/price.js'
import { MAX_DISK_AMOUNT } from '../../domain/disks.js'
import { hourlyDiskPrice } from '../../domain/pricing.js'
import { errors } from '../../errors.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'
import { requireZone } from '../disk-checks.js'

export default defineAction({
  name: 'InquiryPriceCreateDisks',
  versions: BOTH_VERSIONS,
  input: Type.Object({
    zoneId: Id,
    diskSize: DiskSize,
    diskAmount: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_DISK_AMOUNT })),
    diskCategory: Type.Optional(DiskCategory)
  }),
  output: Type.Object({ dataDiskPrice: PriceItem }),
  handler (ctx, input) {
    requireZone(ctx, input.zoneId)
    const regionId = ctx.store.zones.get(input.zoneId)?.regionId ?? ''
    const category = input.diskCategory ?? DEFAULT_DISK_CATEGORY
    const price = hourlyDiskPrice(ctx.prices, category, regionId, input.diskSize, input.diskAmount ?? 1)
    if (price === null) throw errors.invalidParameterValue(`The parameter \`diskCategory\` \`${category}\` has no price.`)
    return { dataDiskPrice: price }
  }
})
