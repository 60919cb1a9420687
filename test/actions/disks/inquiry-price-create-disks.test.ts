import t from 'tap'
import { build, fails, ok } from '../../helper.js'

t.test('an hourly pay-as-you-go price from the table: size × amount × category × region', async t => {
  const { app } = await build(t)
  const price = async (input: object) => (await ok(t, app, 'InquiryPriceCreateDisks', input)).dataDiskPrice
  const one = await price({ zoneId: 'na-west-1a', diskSize: 100 })
  t.match(one, { chargeUnit: 'HOUR', unitPrice: 0.014, discountUnitPrice: 0.014, discount: 100, originalPrice: null, discountPrice: null, category: 'STANDARD', stepPrices: [] })
  t.equal((await price({ zoneId: 'na-west-1a', diskSize: 100, diskAmount: 3 })).unitPrice, 0.042)
  t.equal((await price({ zoneId: 'na-west-1a', diskSize: 100, diskCategory: 'Basic NVMe SSD' })).unitPrice, 0.007)
  t.equal((await price({ zoneId: 'asia-east-1a', diskSize: 100 })).unitPrice, 0.0168, 'Hong Kong costs 20 % more')
  const old = await ok(t, app, 'InquiryPriceCreateDisks', { zoneId: 'na-west-1a', diskSize: 100 }, { version: '2024-04-01' })
  t.equal(old.dataDiskPrice.unitPrice, 0.014)
})

t.test('refusals', async t => {
  const { app } = await build(t)
  await fails(t, app, 'InquiryPriceCreateDisks', { zoneId: 'mars-1a', diskSize: 100 }, 404, 'INVALID_ZONE_NOT_FOUND')
  await fails(t, app, 'InquiryPriceCreateDisks', { zoneId: 'na-west-1a' }, 400, 'MISSING_PARAMETER')
  await fails(t, app, 'InquiryPriceCreateDisks', { zoneId: 'na-west-1a', diskSize: 10 }, 400, 'INVALID_PARAMETER_LESS_MINIMUM')
  await fails(t, app, 'InquiryPriceCreateDisks', { zoneId: 'na-west-1a', diskSize: 100, diskAmount: 51 }, 400, 'INVALID_PARAMETER_EXCEED_MAXIMUM')
  await fails(t, app, 'InquiryPriceCreateDisks', { zoneId: 'na-west-1a', diskSize: 100, diskCategory: 'SSD' }, 400, 'INVALID_PARAMETER_VALUE')
})

t.test('--price-table merges a file over the default table', async t => {
  const dir = t.testdir({ 'prices.json': JSON.stringify({ perGiBHour: { 'Standard NVMe SSD': 0.001 }, regionFactor: { 'na-west-1': 2 }, discount: 80 }) })
  const { app } = await build(t, { priceTable: `${dir}/prices.json` })
  const { dataDiskPrice } = await ok(t, app, 'InquiryPriceCreateDisks', { zoneId: 'na-west-1a', diskSize: 100 })
  t.match(dataDiskPrice, { unitPrice: 0.2, discount: 80 })
  const basic = await ok(t, app, 'InquiryPriceCreateDisks', { zoneId: 'na-west-1a', diskSize: 100, diskCategory: 'Basic NVMe SSD' })
  t.equal(basic.dataDiskPrice.unitPrice, 0.014, 'categories the file leaves out keep their default rate')
})
