import t from 'tap'
import { DEFAULT_PRICE_TABLE, diskPerformance, hourlyDiskPrice } from '../../src/domain/pricing.js'

t.test('price scales with size and amount, applies region factor and discount', async t => {
  t.equal(hourlyDiskPrice(DEFAULT_PRICE_TABLE, 'Standard NVMe SSD', 'na-west-1', 100, 1)?.unitPrice, 0.014)
  t.equal(hourlyDiskPrice(DEFAULT_PRICE_TABLE, 'Standard NVMe SSD', 'unknown-region', 200, 2)?.unitPrice, 0.056)
  const discounted = hourlyDiskPrice({ ...DEFAULT_PRICE_TABLE, discount: 80 }, 'Standard NVMe SSD', 'na-west-1', 100, 1)
  t.match(discounted, { unitPrice: 0.014, discountUnitPrice: 0.0112, discount: 80 })
  t.equal(hourlyDiskPrice(DEFAULT_PRICE_TABLE, 'Ultra Disk', 'na-west-1', 100, 1), null)
})

t.test('performance grows with size up to the cap', async t => {
  t.same(diskPerformance('Standard NVMe SSD', 20), { maxIops: 2800, maxBandwidth: 130, iopsBurst: 50_000, bandwidthBurst: 350 })
  t.equal(diskPerformance('Standard NVMe SSD', 32768).maxIops, 50_000)
  t.equal(diskPerformance('Basic NVMe SSD', 32768).maxBandwidth, 250)
})
