import t from 'tap'
import { build, DISK, fails, ok, UNKNOWN_ID } from '../../helper.js'
import { createPolicy, policyOfDisk } from '../../policy-helper.js'
import { DAY_MS } from '../../../src/domain/schedules.js'

const autoCount = async (t: Parameters<typeof ok>[0], app: Parameters<typeof ok>[1], diskId: string) =>
  (await ok(t, app, 'DescribeSnapshots', { diskIds: [diskId], snapshotType: 'Auto' })).totalCount as number

t.test('deleting a policy unbinds its disks, keeps its Auto snapshots, and stops its schedule', async t => {
  const { app, clock } = await build(t)
  const policy = await createPolicy(t, app, { zoneId: 'asia-southeast-1a', retentionDays: 3 })
  await ok(t, app, 'ApplyAutoSnapshotPolicy', { autoSnapshotPolicyId: policy, diskIds: [DISK.sgData] })
  clock.advance(DAY_MS)
  t.equal(await autoCount(t, app, DISK.sgData), 1, 'one run so far')

  await ok(t, app, 'DeleteAutoSnapshotPolicies', { autoSnapshotPolicyIds: [policy] })
  t.equal((await ok(t, app, 'DescribeAutoSnapshotPolicies', { autoSnapshotPolicyIds: [policy] })).totalCount, 0)
  t.equal(await policyOfDisk(t, app, DISK.sgData), '', 'the disk no longer names the policy')
  t.equal(await autoCount(t, app, DISK.sgData), 1, 'its snapshot is kept')
  clock.advance(DAY_MS)
  t.equal(await autoCount(t, app, DISK.sgData), 1, 'no new run after deletion')
  clock.advance(2 * DAY_MS)
  t.equal(await autoCount(t, app, DISK.sgData), 0, 'the kept snapshot still expires at its own retentionTime')
})

t.test('all or nothing: an unknown id fails the call and deletes none', async t => {
  const { app } = await build(t)
  const policy = await createPolicy(t, app)
  const body = await fails(t, app, 'DeleteAutoSnapshotPolicies', { autoSnapshotPolicyIds: [policy, UNKNOWN_ID] }, 404, 'INVALID_AUTO_SNAPSHOT_POLICY_NOT_FOUND')
  t.match(body.message, UNKNOWN_ID)
  t.equal((await ok(t, app, 'DescribeAutoSnapshotPolicies', {})).totalCount, 1)
  await fails(t, app, 'DeleteAutoSnapshotPolicies', { autoSnapshotPolicyIds: [] }, 400, 'INVALID_PARAMETER_LESS_LENGTH')
  await ok(t, app, 'DeleteAutoSnapshotPolicies', { autoSnapshotPolicyIds: [policy, policy] }, { version: '2024-04-01' })
  t.equal((await ok(t, app, 'DescribeAutoSnapshotPolicies', {})).totalCount, 0)
})
