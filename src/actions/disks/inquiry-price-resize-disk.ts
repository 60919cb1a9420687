/**
 * InquiryPriceResizeDisk (2025-09-01 only, zec-api.md §3.5): the pay-as-you-go price and the
 * performance of an existing disk at a new size, not smaller than today's. `specPrice`,
 * `gpuPrice` and `acceleratorPrice` concern system disks of VM, GPU and accelerator instance types
 * the emulator does not price: null. `previousPrices` (Python SDK 2.0.77) prices the disk at its
 * current size.
 */
import { Type } from '@sinclair/typebox'
import { Id, Nullable } from '../../../schemas/common.js'
import { DiskSize } from '../../../schemas/disk-input.js'
import { DiskPerfItem, PriceItem, ResizeDiskPreviousPrices } from '../../../schemas/price.js'
import { diskPerformance, hourlyDiskPrice } from '../../domain/pricing.js'
import { errors } from '../../errors.js'
import { defineAction } from '../define-action.js'
import { loadDisk } from '../disk-checks.js'

export default defineAction({
  name: 'InquiryPriceResizeDisk',
  versions: ['2025-09-01'],
  input: Type.Object({ diskId: Id, diskSize: DiskSize }),
  output: Type.Object({
    diskPrice: PriceItem,
    specPrice: Nullable(PriceItem),
    gpuPrice: Nullable(PriceItem),
    acceleratorPrice: Nullable(PriceItem),
    diskPerf: DiskPerfItem,
    previousPrices: ResizeDiskPreviousPrices
  }),
  handler (ctx, input) {
    const disk = loadDisk(ctx, input.diskId)
    if (input.diskSize < disk.diskSize) {
      throw errors.invalidParameterValue(`The parameter \`diskSize\` (${input.diskSize} GiB) must not be smaller than the disk's current size (${disk.diskSize} GiB).`)
    }
    const regionId = ctx.store.zones.get(disk.zoneId)?.regionId ?? ''
    const price = hourlyDiskPrice(ctx.prices, disk.diskCategory, regionId, input.diskSize, 1)
    const previous = hourlyDiskPrice(ctx.prices, disk.diskCategory, regionId, disk.diskSize, 1)
    if (price === null || previous === null) throw errors.invalidParameterValue(`The disk \`${disk.diskId}\`'s category \`${disk.diskCategory}\` has no price.`)
    return {
      diskPrice: price,
      specPrice: null,
      gpuPrice: null,
      acceleratorPrice: null,
      diskPerf: diskPerformance(disk.diskCategory, input.diskSize),
      previousPrices: { diskPrice: previous, specPrice: null, gpuPrice: null, acceleratorPrice: null }
    }
  }
})
