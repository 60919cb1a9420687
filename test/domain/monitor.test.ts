import t from 'tap'
import { monitorSeries, valueAt } from '../../src/domain/monitor.js'

const T = Date.UTC(2026, 0, 15, 10)

t.test('values are deterministic, per disk and metric, and bounded', async t => {
  t.equal(valueAt('d1', 'DISK_UTIL', T), valueAt('d1', 'DISK_UTIL', T))
  t.not(valueAt('d1', 'DISK_READ_OPS', T), valueAt('d2', 'DISK_READ_OPS', T))
  for (let i = 0; i < 500; i++) {
    const v = valueAt('d1', 'DISK_UTIL', T + i * 60_000)
    t.ok(v >= 0 && v <= 100)
  }
})

t.test('series: aligned steps, nulls outside the disk life, stats over the data', async t => {
  const s = monitorSeries('d1', 'DISK_WRITE_OPS', T - 14 * 60_000, T + 5 * 60_000, 5, T - 7 * 60_000, T)
  t.same(s.metrics.map(m => (T - m.time) / 60_000), [10, 5, 0, -5])
  t.same(s.metrics.map(m => m.value === null), [true, false, false, true])
  t.equal(s.maxValue, Math.max(s.metrics[1].value as number, s.metrics[2].value as number))
})
