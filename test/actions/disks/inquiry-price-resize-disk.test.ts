import t from 'tap'
import { build, DISK, fails, ok, UNKNOWN_ID } from '../../helper.js'

t.test('the price and performance at the new size', async t => {
  const { app } = await build(t)
  const res = await ok(t, app, 'InquiryPriceResizeDisk', { diskId: DISK.spare, diskSize: 500 })
  t.equal(res.diskPrice.unitPrice, 0.084, '500 GiB Standard in asia-east-1')
  t.same([res.specPrice, res.gpuPrice], [null, null])
  t.same(res.diskPerf, { maxIops: 26_800, maxBandwidth: 350, iopsBurst: 50_000, bandwidthBurst: 350 })
  const same = await ok(t, app, 'InquiryPriceResizeDisk', { diskId: DISK.spare, diskSize: 200 })
  t.ok(same.diskPrice.unitPrice < res.diskPrice.unitPrice, 'the current size is allowed and cheaper')
  const basic = await ok(t, app, 'InquiryPriceResizeDisk', { diskId: DISK.noSnapshot, diskSize: 50 })
  t.same(basic.diskPerf, { maxIops: 2000, maxBandwidth: 92, iopsBurst: 2000, bandwidthBurst: 92 })
})

t.test('refusals, and 2025-09-01 only', async t => {
  const { app } = await build(t)
  await fails(t, app, 'InquiryPriceResizeDisk', { diskId: UNKNOWN_ID, diskSize: 500 }, 404, 'INVALID_DISK_NOT_FOUND')
  const smaller = await fails(t, app, 'InquiryPriceResizeDisk', { diskId: DISK.spare, diskSize: 100 }, 400, 'INVALID_PARAMETER_VALUE')
  t.match(smaller.message, /`diskSize`/)
  await fails(t, app, 'InquiryPriceResizeDisk', { diskId: DISK.spare, diskSize: 500 }, 403, 'AUTHFAILURE_UNAUTHORIZED_OPERATION', { version: '2024-04-01' })
})
