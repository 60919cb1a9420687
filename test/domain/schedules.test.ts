import t from 'tap'
import { autoRetentionTime, autoSnapshotName, DAY_MS, earliestLiveSlot, HOUR_MS, isoWeekday, nextSlotAfter, slotsBetween } from '../../src/domain/schedules.js'
import { T0 } from '../helper.js'

// T0 = 2026-01-15T10:00:00Z, a Thursday.
const at = (text: string) => Date.parse(text)
const iso = (ms: number[]) => ms.map(m => new Date(m).toISOString())

t.test('ISO weekdays: 1 = Monday … 7 = Sunday, in UTC', async t => {
  t.equal(isoWeekday(T0), 4, 'Thursday')
  t.equal(isoWeekday(at('2026-01-12T00:00:00Z')), 1, 'Monday')
  t.equal(isoWeekday(at('2026-01-18T23:59:59Z')), 7, 'Sunday, last second')
})

t.test('the next slot is strictly after the instant', async t => {
  const daily0 = { repeatWeekDays: [1, 2, 3, 4, 5, 6, 7], hours: [0] }
  t.equal(new Date(nextSlotAfter(daily0, T0)).toISOString(), '2026-01-16T00:00:00.000Z')
  t.equal(new Date(nextSlotAfter(daily0, at('2026-01-16T00:00:00Z'))).toISOString(), '2026-01-17T00:00:00.000Z', 'a slot exactly at the instant is not next')
  const mondays = { repeatWeekDays: [1], hours: [3, 22] }
  t.equal(new Date(nextSlotAfter(mondays, T0)).toISOString(), '2026-01-19T03:00:00.000Z')
  t.equal(new Date(nextSlotAfter(mondays, at('2026-01-19T03:00:00Z'))).toISOString(), '2026-01-19T22:00:00.000Z')
  t.equal(new Date(nextSlotAfter(mondays, at('2026-01-19T22:00:00Z'))).toISOString(), '2026-01-26T03:00:00.000Z', 'a week later')
})

t.test('slots between two instants, inclusive, ascending', async t => {
  const schedule = { repeatWeekDays: [6, 7], hours: [12, 6] }
  t.same(iso(slotsBetween(schedule, T0, T0 + 7 * DAY_MS, 100)), [
    '2026-01-17T06:00:00.000Z', '2026-01-17T12:00:00.000Z', '2026-01-18T06:00:00.000Z', '2026-01-18T12:00:00.000Z'
  ])
  t.same(iso(slotsBetween(schedule, at('2026-01-17T06:00:00Z'), at('2026-01-18T06:00:00Z'), 100)), [
    '2026-01-17T06:00:00.000Z', '2026-01-17T12:00:00.000Z', '2026-01-18T06:00:00.000Z'
  ], 'both ends included')
  t.same(iso(slotsBetween(schedule, T0, T0 + 7 * DAY_MS, 2)), ['2026-01-18T06:00:00.000Z', '2026-01-18T12:00:00.000Z'], 'the limit keeps the latest')
  t.same(slotsBetween(schedule, T0, T0 + DAY_MS, 100), [], 'none on a Thursday and Friday')
})

t.test('a jump of years stays cheap: the work is bounded by the limit', async t => {
  const hourly = { repeatWeekDays: [1, 2, 3, 4, 5, 6, 7], hours: Array.from({ length: 24 }, (_, h) => h) }
  const started = performance.now()
  const slots = slotsBetween(hourly, T0, T0 + 100 * 365 * DAY_MS, 64)
  t.equal(slots.length, 64)
  t.equal(slots[63], T0 + 100 * 365 * DAY_MS, 'the last slot is the end itself (it is on the hour)')
  t.equal(slots[1] - slots[0], HOUR_MS)
  t.ok(performance.now() - started < 50, 'well under 50 ms')
})

t.test('names tell which policy and which run made the snapshot, within the snapshot-name rule', async t => {
  const name = autoSnapshotName('7000000000000000001', at('2026-01-16T00:00:00Z'))
  t.equal(name, 'auto-7000000000000000001-20260116T0000Z')
  t.match(name, /^[A-Za-z0-9][A-Za-z0-9.-]*[A-Za-z0-9]$/)
  t.ok(name.length >= 2 && name.length <= 63)
})

t.test('retention: -1 keeps forever; a slot is live until its expiry instant', async t => {
  t.equal(autoRetentionTime(-1, T0), null)
  t.equal(autoRetentionTime(7, T0), T0 + 7 * DAY_MS)
  t.equal(earliestLiveSlot(-1, T0), -Infinity)
  const now = T0 + 7 * DAY_MS
  t.equal(earliestLiveSlot(7, now), T0 + 1, 'the slot at T0 expires exactly at now, so it is not live')
})
