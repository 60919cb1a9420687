import t from 'tap'
import { build, DISK, fails, ok, T0, UNKNOWN_ID } from '../../helper.js'
import { createPolicy, describePolicy } from '../../policy-helper.js'
import { DAY_MS, HOUR_MS } from '../../../src/domain/schedules.js'
import { formatZecTime } from '../../../src/domain/time.js'

const autoTimes = async (t: Parameters<typeof ok>[0], app: Parameters<typeof ok>[1], diskId: string) =>
  ((await ok(t, app, 'DescribeSnapshots', { diskIds: [diskId], snapshotType: 'Auto', pageSize: 100 })).dataSet as { createTime: string, retentionTime: string | null }[])
    .map(s => [s.createTime, s.retentionTime]).reverse()

t.test('changes only the fields sent, with the same rules as create', async t => {
  const { app } = await build(t)
  const policy = await createPolicy(t, app, { retentionDays: 7 })
  await ok(t, app, 'ModifyAutoSnapshotPolicy', { autoSnapshotPolicyId: policy, autoSnapshotPolicyName: 'renamed', hours: [6, 6, 1] })
  t.match(await describePolicy(t, app, policy), { autoSnapshotPolicyName: 'renamed', hours: [1, 6], repeatWeekDays: [1, 2, 3, 4, 5, 6, 7], retentionDays: 7 })
  await ok(t, app, 'ModifyAutoSnapshotPolicy', { autoSnapshotPolicyId: policy, repeatWeekDays: [3], retentionDays: -1 }, { version: '2024-04-01' })
  t.match(await describePolicy(t, app, policy), { autoSnapshotPolicyName: 'renamed', hours: [1, 6], repeatWeekDays: [3], retentionDays: -1 })
  await ok(t, app, 'ModifyAutoSnapshotPolicy', { autoSnapshotPolicyId: policy })
  t.match(await describePolicy(t, app, policy), { autoSnapshotPolicyName: 'renamed' }, 'nothing sent, nothing changed')
})

t.test('refusals name the field; nothing is changed', async t => {
  const { app } = await build(t)
  const policy = await createPolicy(t, app)
  await fails(t, app, 'ModifyAutoSnapshotPolicy', { autoSnapshotPolicyId: UNKNOWN_ID, hours: [1] }, 404, 'INVALID_AUTO_SNAPSHOT_POLICY_NOT_FOUND')
  t.match((await fails(t, app, 'ModifyAutoSnapshotPolicy', { autoSnapshotPolicyId: policy, retentionDays: 0 }, 400, 'INVALID_PARAMETER_VALUE')).message, /retentionDays/)
  t.match((await fails(t, app, 'ModifyAutoSnapshotPolicy', { autoSnapshotPolicyId: policy, hours: [] }, 400, 'INVALID_PARAMETER_LESS_LENGTH')).message, /hours/)
  t.match((await fails(t, app, 'ModifyAutoSnapshotPolicy', { autoSnapshotPolicyId: policy, repeatWeekDays: [9] }, 400, 'INVALID_PARAMETER_EXCEED_MAXIMUM')).message, /repeatWeekDays/)
  t.match((await fails(t, app, 'ModifyAutoSnapshotPolicy', { autoSnapshotPolicyId: policy, autoSnapshotPolicyName: 'a b' }, 400, 'INVALID_PARAMETER_PATTERN_ERROR')).message, /autoSnapshotPolicyName/)
  t.match(await describePolicy(t, app, policy), { autoSnapshotPolicyName: 'daily-backup', hours: [0], retentionDays: -1 })
})

t.test('a new schedule runs from now on; slots before the change keep the old schedule', async t => {
  const { app, clock } = await build(t)
  const policy = await createPolicy(t, app, { zoneId: 'asia-southeast-1a', hours: [0] })
  await ok(t, app, 'ApplyAutoSnapshotPolicy', { autoSnapshotPolicyId: policy, diskIds: [DISK.sgData] })
  clock.set(Date.parse('2026-01-17T12:00:00Z'))
  await ok(t, app, 'ModifyAutoSnapshotPolicy', { autoSnapshotPolicyId: policy, hours: [12, 18] })
  clock.set(Date.parse('2026-01-18T13:00:00Z'))
  t.same((await autoTimes(t, app, DISK.sgData)).map(([created]) => created), [
    '2026-01-16T00:00:00Z', '2026-01-17T00:00:00Z', // the old schedule, run before the change
    '2026-01-17T18:00:00Z', '2026-01-18T12:00:00Z' // the new one; 2026-01-17T12:00 was already "now" at the change
  ])
})

t.test('a new retentionDays applies to Auto snapshots taken afterwards', async t => {
  const { app, clock } = await build(t)
  const policy = await createPolicy(t, app, { zoneId: 'asia-southeast-1a', retentionDays: 30 })
  await ok(t, app, 'ApplyAutoSnapshotPolicy', { autoSnapshotPolicyId: policy, diskIds: [DISK.sgData] })
  clock.set(T0 + 14 * HOUR_MS)
  await ok(t, app, 'ModifyAutoSnapshotPolicy', { autoSnapshotPolicyId: policy, retentionDays: 2 })
  clock.set(T0 + DAY_MS + 14 * HOUR_MS)
  const first = Date.parse('2026-01-16T00:00:00Z')
  t.same(await autoTimes(t, app, DISK.sgData), [
    [formatZecTime(first), formatZecTime(first + 30 * DAY_MS)],
    [formatZecTime(first + DAY_MS), formatZecTime(first + DAY_MS + 2 * DAY_MS)]
  ])
})
