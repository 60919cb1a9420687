import t from 'tap'
import { build, DISK, fails, ok, T0, UNKNOWN_ID } from '../../helper.js'
import { formatZecTime } from '../../../src/domain/time.js'

const MIN = 60_000
const at = (ms: number) => formatZecTime(ms)

t.test('a deterministic series on whole steps over [startTime, endTime]', async t => {
  const { app } = await build(t)
  const input = { diskId: DISK.webData, metricType: 'DISK_UTIL', startTime: at(T0 - 60 * MIN + 30_000), endTime: at(T0 - 30 * MIN) }
  const five = await ok(t, app, 'DescribeDiskMonitorData', input)
  t.same(five.metrics.map((m: any) => m.time), [55, 50, 45, 40, 35, 30].map(m => at(T0 - m * MIN)), 'default step 5, aligned, end inclusive')
  for (const m of five.metrics) t.ok(m.value >= 0 && m.value <= 100, 'a percentage')
  const values = five.metrics.map((m: any) => m.value)
  t.same([five.maxValue, five.minValue], [Math.max(...values), Math.min(...values)])
  const { requestId: _first, ...again } = await ok(t, app, 'DescribeDiskMonitorData', input)
  const { requestId: _second, ...before } = five
  t.same(again, before, 'the same call gives the same answer')
  const one = await ok(t, app, 'DescribeDiskMonitorData', { ...input, step: 1 })
  t.equal(one.metrics.length, 30)
  t.same(one.metrics.filter((m: any) => five.metrics.some((f: any) => f.time === m.time)), five.metrics, 'step 1 and step 5 agree where they meet')
})

t.test('no data after now or before the disk existed', async t => {
  const { app } = await build(t)
  const future = await ok(t, app, 'DescribeDiskMonitorData', { diskId: DISK.webData, metricType: 'DISK_READ_OPS', startTime: at(T0 - 10 * MIN), endTime: at(T0 + 10 * MIN) })
  t.same(future.metrics.map((m: any) => m.value === null), [false, false, false, true, true])
  // creating-data was created 1 minute before T0.
  const young = await ok(t, app, 'DescribeDiskMonitorData', { diskId: DISK.creating, metricType: 'DISK_READ_BYTES', startTime: at(T0 - 10 * MIN), endTime: at(T0 - 5 * MIN) })
  t.same([young.maxValue, young.minValue, young.avgValue], [null, null, null])
})

t.test('refusals, and 2025-09-01 only', async t => {
  const { app } = await build(t)
  const base = { diskId: DISK.webData, metricType: 'DISK_UTIL', startTime: at(T0 - 60 * MIN), endTime: at(T0) }
  await fails(t, app, 'DescribeDiskMonitorData', { ...base, diskId: UNKNOWN_ID }, 404, 'INVALID_DISK_NOT_FOUND')
  await fails(t, app, 'DescribeDiskMonitorData', { ...base, metricType: 'CPU' }, 400, 'INVALID_PARAMETER_VALUE')
  await fails(t, app, 'DescribeDiskMonitorData', { ...base, step: 2 }, 400, 'INVALID_PARAMETER_VALUE')
  const bad = await fails(t, app, 'DescribeDiskMonitorData', { ...base, startTime: '2026-01-15 09:00:00' }, 400, 'INVALID_PARAMETER_DATE_FORMAT_ERROR')
  t.match(bad.message, /`startTime`/)
  await fails(t, app, 'DescribeDiskMonitorData', { ...base, endTime: at(T0 - 60 * MIN) }, 400, 'INVALID_PARAMETER_VALUE')
  await fails(t, app, 'DescribeDiskMonitorData', { ...base, startTime: at(T0 - 31 * 86_400_000) }, 400, 'INVALID_PARAMETER_VALUE')
  await fails(t, app, 'DescribeDiskMonitorData', { ...base, endTime: undefined }, 400, 'MISSING_PARAMETER')
  await fails(t, app, 'DescribeDiskMonitorData', base, 403, 'AUTHFAILURE_UNAUTHORIZED_OPERATION', { version: '2024-04-01' })
})
