/**
 * InquiryPriceResizeDisk (2025-09-01 only, zec-api.md §3.5): the pay-as-you-go price and the
 * performance of an existing disk at a new size, not smaller than today's. `specPrice` and
 * `gpuPrice` concern system disks of VM and GPU instance types the emulator does not price: null.
 */
import { Type } from '@sinclair/typebox'
import { Id, Nullable } from '../../../schemas/common.js'
import { DiskSize } from '../../../schemas/disk-input.js'
import { DiskPerfItem, PriceItem } from '../../../schemas/price.js'
import { DEFAULT_PRICE_TABLE, diskPerformance, hourlyDiskPrice } from '../../domain/pricing.js'
import { errors } from '../../errors.js'
import { defineAction } from '../define-action.js'
import { loadDisk } from '../disk-checks.js'

export default defineAction({
  name: 'InquiryPriceResizeDisk',
  versions: ['2025-09-01'],
  input: Type.Object({ diskId: Id, diskSize: DiskSize }),
  output: Type.Object({ diskPrice: PriceItem, specPrice: Nullable(PriceItem), gpuPrice: Nullable(PriceItem), diskPerf: DiskPerfItem }),
  handler (ctx, input) {
    const disk = loadDisk(ctx, input.diskId)
    if (input.diskSize < disk.diskSize) {
      throw errors.invalidParameterValue(`The parameter \`diskSize\` (${input.diskSize} GiB) must not be smaller than the disk's current size (${disk.diskSize} GiB).`)
    }
    const regionId = ctx.store.zones.get(disk.zoneId)?.regionId ?? ''
    const price = hourlyDiskPrice(DEFAULT_PRICE_TABLE, disk.diskCategory, regionId, input.diskSize, 1)
    if (price === null) throw errors.invalidParameterValue(`The disk \`${disk.diskId}\`'s category \`${disk.diskCategory}\` has no price.`)
    return { diskPrice: price, specPrice: null, gpuPrice: null, diskPerf: diskPerformance(disk.diskCategory, input.diskSize) }
  }
})
