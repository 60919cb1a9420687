import t from 'tap'
import { build, fails, ok } from '../../helper.js'

t.test('prices the type and its disks on the price table, by region and count', async t => {
  const { app } = await build(t)
  const one = await ok(t, app, 'InquiryPriceCreateInstance', { zoneId: 'na-west-1a', instanceType: 'z2a.cpu.1', systemDisk: { diskSize: 20 } })
  t.match(one, { specPrice: { unitPrice: 0.012, chargeUnit: 'HOUR' }, systemDiskPrice: { unitPrice: 0.0028 }, dataDiskPrice: null, ipv4Price: null })
  const two = await ok(t, app, 'InquiryPriceCreateInstance', { zoneId: 'asia-east-1a', instanceType: 'z2a.cpu.1', instanceCount: 2, dataDisk: { diskSize: 100 } }, { version: '2024-04-01' })
  t.equal(two.specPrice.unitPrice, 0.0288, 'region factor 1.2, two instances')
  t.ok(two.dataDiskPrice.unitPrice > 0)
  await fails(t, app, 'InquiryPriceCreateInstance', { zoneId: 'asia-east-1a', instanceType: 'nope' }, 404, 'INVALID_INSTANCE_TYPE_NOT_FOUND')
  await fails(t, app, 'InquiryPriceCreateInstance', { zoneId: 'nowhere', instanceType: 'z2a.cpu.1' }, 404, 'INVALID_ZONE_NOT_FOUND')
  await fails(t, app, 'InquiryPriceCreateInstance', { instanceType: 'z2a.cpu.1' }, 400, 'MISSING_PARAMETER')
})
