import t from 'tap'
import { build, DISK, fails, ok } from '../helper.js'
import { createPolicy, describePolicy } from '../policy-helper.js'
import { DAY_MS, HOUR_MS } from '../../src/domain/schedules.js'
import { formatZecTime } from '../../src/domain/time.js'

type App = Parameters<typeof ok>[1]
type T = Parameters<typeof ok>[0]
interface Shown { snapshotId: string, snapshotName: string, diskId: string, createTime: string, retentionTime: string | null, status: string, snapshotType: string, zoneId: string }

/** The disk's Auto snapshots, oldest first. */
async function autos (t: T, app: App, diskId: string): Promise<Shown[]> {
  const found = await ok(t, app, 'DescribeSnapshots', { diskIds: [diskId], snapshotType: 'Auto', pageSize: 1000 })
  return (found.dataSet as Shown[]).reverse()
}
const times = (snapshots: Shown[]) => snapshots.map(s => s.createTime)
const midnights = (first: string, count: number) => Array.from({ length: count }, (_, i) => formatZecTime(Date.parse(first) + i * DAY_MS))

t.test('a daily policy on two disks, clock advanced 10 days, retention 7: exactly 7 Auto snapshots each, with their own createTimes', async t => {
  const { app, clock } = await build(t)
  const policy = await createPolicy(t, app, { retentionDays: 7 })
  await ok(t, app, 'ApplyAutoSnapshotPolicy', { autoSnapshotPolicyId: policy, diskIds: [DISK.webData, DISK.spare] })
  clock.advance(10 * DAY_MS) // 2026-01-25T10:00Z: runs at 00:00 on the 16th … 25th; the 16th–18th have expired
  for (const diskId of [DISK.webData, DISK.spare]) {
    const snapshots = await autos(t, app, diskId)
    t.same(times(snapshots), midnights('2026-01-19T00:00:00Z', 7), `disk ${diskId}: the 19th to the 25th`)
    for (const s of snapshots) {
      t.match(s, { snapshotType: 'Auto', status: 'AVAILABLE', zoneId: 'asia-east-1a', diskId })
      t.equal(s.snapshotName, `auto-${policy}-${s.createTime.slice(0, 10).replaceAll('-', '')}T0000Z`, 'the name tells the policy and the run')
      t.equal(s.retentionTime, formatZecTime(Date.parse(s.createTime) + 7 * DAY_MS))
    }
  }
})

t.test('catch-up is deterministic: one 10-day jump equals ten 1-day steps', async t => {
  const run = async (steps: number) => {
    const { app, clock } = await build(t)
    const policy = await createPolicy(t, app, { retentionDays: 3, repeatWeekDays: [1, 3, 5, 6], hours: [0, 13] })
    await ok(t, app, 'ApplyAutoSnapshotPolicy', { autoSnapshotPolicyId: policy, diskIds: [DISK.webData, DISK.webSystem] })
    for (let i = 0; i < steps; i++) {
      clock.advance((10 * DAY_MS) / steps)
      await ok(t, app, 'DescribeZones', {})
    }
    const all = [...await autos(t, app, DISK.webData), ...await autos(t, app, DISK.webSystem)]
    return all.map(s => [s.diskId, s.snapshotName.replace(policy, 'P'), s.createTime, s.retentionTime, s.status])
  }
  const jump = await run(1)
  t.same(await run(10), jump)
  t.same(await run(240), jump, 'hourly requests too')
  t.ok(jump.length > 0)
})

t.test('a disk that stops being snapshot-able halfway is skipped from then on', async t => {
  const { app, clock } = await build(t, { lifecycle: { 'snapshot.create': { kind: 'immediate' }, 'disk.rollback': { kind: 'manual' } } })
  const policy = await createPolicy(t, app)
  await ok(t, app, 'ApplyAutoSnapshotPolicy', { autoSnapshotPolicyId: policy, diskIds: [DISK.webData, DISK.spare] })
  clock.advance(5 * DAY_MS)
  const spareSoFar = await autos(t, app, DISK.spare)
  t.equal(spareSoFar.length, 5)
  // The rollback never ends (manual policy): the disk stays ROLLING_BACK.
  await ok(t, app, 'ApplySnapshot', { snapshotId: spareSoFar[0].snapshotId, diskId: DISK.spare })
  clock.advance(5 * DAY_MS)
  t.same(times(await autos(t, app, DISK.spare)), midnights('2026-01-16T00:00:00Z', 5), 'no runs while ROLLING_BACK')
  t.same(times(await autos(t, app, DISK.webData)), midnights('2026-01-16T00:00:00Z', 10), 'the other disk ran every day')
  t.equal((await describePolicy(t, app, policy)).diskNum, 2, 'the skipped disk is still bound')
})

t.test('a disk released halfway: skipped while RECYCLED, unbound when destroyed, its snapshots kept until they expire', async t => {
  const { app, clock } = await build(t)
  const policy = await createPolicy(t, app, { retentionDays: 4 })
  await ok(t, app, 'ApplyAutoSnapshotPolicy', { autoSnapshotPolicyId: policy, diskIds: [DISK.webData, DISK.spare] })
  clock.advance(2 * DAY_MS)
  // ReleaseDisk is a request, so the runs up to now settle before it changes the disk.
  t.same(times(await autos(t, app, DISK.spare)), midnights('2026-01-16T00:00:00Z', 2), 'runs on the 16th and 17th')
  // What the first ReleaseDisk ends in; the disk and its binding stay.
  app.runtime.store.disks.update(DISK.spare, { status: 'RECYCLED' })
  clock.advance(DAY_MS)
  t.same(times(await autos(t, app, DISK.spare)), midnights('2026-01-16T00:00:00Z', 2), 'no run on the 18th while RECYCLED')
  // What the second ReleaseDisk ends in: the row is gone, and with it the binding.
  app.runtime.store.disks.remove(DISK.spare)
  const shown = await describePolicy(t, app, policy)
  t.same(shown.diskIdSet, [DISK.webData])
  t.equal(shown.diskNum, 1)
  t.equal((await autos(t, app, DISK.spare)).length, 2, 'the destroyed disk\'s Auto snapshots are kept')
  clock.set(Date.parse('2026-01-20T00:00:00Z'))
  t.same(times(await autos(t, app, DISK.spare)), ['2026-01-17T00:00:00Z'], 'and expire on their own retention')
  t.same(times(await autos(t, app, DISK.webData)), ['2026-01-14T10:00:00Z', ...midnights('2026-01-17T00:00:00Z', 4)], 'the remaining disk runs on (beside its fixture Auto snapshot)')
})

t.test('retention edge: an Auto snapshot is present one second before its expiry and gone at the expiry second', async t => {
  const { app, clock } = await build(t)
  const policy = await createPolicy(t, app, { repeatWeekDays: [5], hours: [0], retentionDays: 1 }) // Fridays only
  await ok(t, app, 'ApplyAutoSnapshotPolicy', { autoSnapshotPolicyId: policy, diskIds: [DISK.spare] })
  const expiry = Date.parse('2026-01-17T00:00:00Z')
  clock.set(expiry - 1000)
  const [only] = await autos(t, app, DISK.spare)
  t.match(only, { createTime: '2026-01-16T00:00:00Z', retentionTime: '2026-01-17T00:00:00Z' })
  clock.set(expiry)
  t.same(await autos(t, app, DISK.spare), [], 'gone at exactly the retention time')
})

t.test('a jump past a whole retention period never shows the snapshots that came and went', async t => {
  const { app, clock } = await build(t)
  const policy = await createPolicy(t, app, { repeatWeekDays: [5], hours: [0], retentionDays: 1 })
  await ok(t, app, 'ApplyAutoSnapshotPolicy', { autoSnapshotPolicyId: policy, diskIds: [DISK.spare] })
  clock.set(Date.parse('2026-01-17T00:00:00Z'))
  t.same(await autos(t, app, DISK.spare), [])
  clock.set(Date.parse('2026-01-23T00:00:00Z'))
  t.same(times(await autos(t, app, DISK.spare)), ['2026-01-23T00:00:00Z'], 'a slot exactly at now runs')
})

t.test('the creation delay counts from the slot: old runs are AVAILABLE, the run that just happened is CREATING', async t => {
  const { app, clock } = await build(t, { lifecycle: { 'snapshot.create': { kind: 'after', ms: 3000 } } })
  const policy = await createPolicy(t, app, { zoneId: 'asia-southeast-1a' })
  await ok(t, app, 'ApplyAutoSnapshotPolicy', { autoSnapshotPolicyId: policy, diskIds: [DISK.sgData] })
  clock.set(Date.parse('2026-01-18T00:00:01Z'))
  t.same((await autos(t, app, DISK.sgData)).map(s => s.status), ['AVAILABLE', 'AVAILABLE', 'CREATING'])
  clock.set(Date.parse('2026-01-18T00:00:03Z'))
  t.same((await autos(t, app, DISK.sgData)).map(s => s.status), ['AVAILABLE', 'AVAILABLE', 'AVAILABLE'])
})

t.test('disks that cannot be snapshotted are skipped; SYSTEM disks are snapshotted', async t => {
  const { app, clock } = await build(t)
  const inB = await createPolicy(t, app, { zoneId: 'asia-east-1b' })
  await ok(t, app, 'ApplyAutoSnapshotPolicy', { autoSnapshotPolicyId: inB, diskIds: [DISK.noSnapshot] })
  const inA = await createPolicy(t, app)
  await ok(t, app, 'ApplyAutoSnapshotPolicy', { autoSnapshotPolicyId: inA, diskIds: [DISK.creating, DISK.failed, DISK.recycled, DISK.webSystem] })
  clock.advance(3 * DAY_MS)
  for (const diskId of [DISK.noSnapshot, DISK.creating, DISK.failed, DISK.recycled]) t.equal((await autos(t, app, diskId)).length, 0, `${diskId} skipped`)
  t.equal((await autos(t, app, DISK.webSystem)).length, 3)
})

t.test('only slots after the binding run, and a slot at the very instant of creation does not', async t => {
  const { app, clock } = await build(t)
  clock.set(Date.parse('2026-01-16T00:00:00Z'))
  const policy = await createPolicy(t, app)
  clock.set(Date.parse('2026-01-18T12:00:00Z'))
  await ok(t, app, 'ApplyAutoSnapshotPolicy', { autoSnapshotPolicyId: policy, diskIds: [DISK.spare] })
  t.same(await autos(t, app, DISK.spare), [], 'nothing for the slots before the binding')
  clock.set(Date.parse('2026-01-19T12:00:00Z'))
  t.same(times(await autos(t, app, DISK.spare)), ['2026-01-19T00:00:00Z'])
})

t.test('quota: Auto snapshots count; the oldest Auto is rotated out, Manual ones never are', async t => {
  const { app, clock } = await build(t, { snapshotQuotaPerDisk: 3 })
  await ok(t, app, 'CreateSnapshot', { diskId: DISK.sgData, snapshotName: 'keep-me' })
  const policy = await createPolicy(t, app, { zoneId: 'asia-southeast-1a' })
  await ok(t, app, 'ApplyAutoSnapshotPolicy', { autoSnapshotPolicyId: policy, diskIds: [DISK.sgData] })
  clock.advance(5 * DAY_MS)
  t.same(times(await autos(t, app, DISK.sgData)), ['2026-01-19T00:00:00Z', '2026-01-20T00:00:00Z'], 'the two latest runs')
  t.equal((await ok(t, app, 'DescribeSnapshots', { diskIds: [DISK.sgData], snapshotType: 'Manual' })).totalCount, 1)
  await fails(t, app, 'CreateSnapshot', { diskId: DISK.sgData, snapshotName: 'manual-2' }, 400, 'INVALID_SNAPSHOT_QUOTA_EXCEED')
  t.equal((await autos(t, app, DISK.sgData)).length, 2, 'a Manual CreateSnapshot never rotates Auto snapshots out')
})

t.test('quota full of Manual snapshots: the run is skipped', async t => {
  const { app, clock } = await build(t, { snapshotQuotaPerDisk: 1 })
  await ok(t, app, 'CreateSnapshot', { diskId: DISK.sgData, snapshotName: 'only-one' })
  const policy = await createPolicy(t, app, { zoneId: 'asia-southeast-1a' })
  await ok(t, app, 'ApplyAutoSnapshotPolicy', { autoSnapshotPolicyId: policy, diskIds: [DISK.sgData] })
  clock.advance(3 * DAY_MS)
  t.same(await autos(t, app, DISK.sgData), [])
})

t.test('the account quota rotates the disk\'s own oldest Auto snapshot', async t => {
  // The demo account holds 5 fixture snapshots; a quota of 7 leaves room for two more.
  const { app, clock } = await build(t, { snapshotQuotaPerAccount: 7 })
  const policy = await createPolicy(t, app, { zoneId: 'asia-southeast-1a' })
  await ok(t, app, 'ApplyAutoSnapshotPolicy', { autoSnapshotPolicyId: policy, diskIds: [DISK.sgData] })
  // Runs on the 16th and 17th fill the account; the run on the 18th rotates out the 16th's
  // (the fixtures' own snapshots, Auto ones of other disks included, are not touched).
  clock.advance(3 * DAY_MS)
  t.same(times(await autos(t, app, DISK.sgData)), ['2026-01-17T00:00:00Z', '2026-01-18T00:00:00Z'])
})

t.test('a jump of decades with an hourly policy answers fast and keeps only what could exist', async t => {
  const { app, clock } = await build(t)
  const everyHour = Array.from({ length: 24 }, (_, h) => h)
  const forever = await createPolicy(t, app, { zoneId: 'asia-southeast-1a', hours: everyHour })
  await ok(t, app, 'ApplyAutoSnapshotPolicy', { autoSnapshotPolicyId: forever, diskIds: [DISK.sgData] })
  const daily = await createPolicy(t, app, { hours: everyHour, retentionDays: 1 })
  await ok(t, app, 'ApplyAutoSnapshotPolicy', { autoSnapshotPolicyId: daily, diskIds: [DISK.spare] })
  clock.advance(20 * 365 * DAY_MS)
  const started = performance.now()
  await ok(t, app, 'DescribeZones', {})
  t.ok(performance.now() - started < 2000, 'settled in under 2 s')
  const now = clock.now()
  const kept = await autos(t, app, DISK.sgData)
  t.equal(kept.length, 64, 'the per-disk quota (64): the oldest runs were rotated out')
  t.equal(kept[63].createTime, formatZecTime(now))
  t.equal(kept[0].createTime, formatZecTime(now - 63 * HOUR_MS))
  const lastDay = await autos(t, app, DISK.spare)
  t.equal(lastDay.length, 24, 'retention 1 day: only the last 24 hourly runs are alive')
  t.equal(lastDay[0].createTime, formatZecTime(now - 23 * HOUR_MS))
})
