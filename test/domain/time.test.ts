import t from 'tap'
import { formatZecTime, parseDuration, parseSignedDuration, parseZecTime } from '../../src/domain/time.js'

t.test('ZEC timestamps', async t => {
  t.equal(formatZecTime(Date.UTC(2026, 0, 2, 3, 4, 5, 678)), '2026-01-02T03:04:05Z')
  t.equal(parseZecTime('2026-01-02T03:04:05Z'), Date.UTC(2026, 0, 2, 3, 4, 5))
  t.equal(parseZecTime('2026-02-29T00:00:00Z'), null, 'not a leap year')
  t.equal(parseZecTime('2028-02-29T00:00:00Z'), Date.UTC(2028, 1, 29))
  t.equal(parseZecTime('2026-01-02T24:00:00Z'), null)
  t.equal(parseZecTime('2026-01-02 03:04:05'), null)
})

t.test('durations', async t => {
  t.equal(parseDuration('0'), 0)
  t.equal(parseDuration('500ms'), 500)
  t.equal(parseDuration('3s'), 3000)
  t.equal(parseDuration('1.5m'), 90_000)
  t.equal(parseDuration('PT10M'), 600_000)
  t.equal(parseDuration('P1DT2H'), 93_600_000)
  t.equal(parseDuration('P1W'), 604_800_000)
  for (const bad of ['', 'P', 'PT', '3', 'soon', '-3s', '3 s']) t.equal(parseDuration(bad), null, bad)
  t.equal(parseSignedDuration('-P1D'), -86_400_000)
  t.equal(parseSignedDuration('+PT1S'), 1000)
  t.equal(parseSignedDuration('P1D'), null)
})
