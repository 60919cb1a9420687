import t from 'tap'
import { build, DISK, fails, ok, UNKNOWN_ID } from '../../helper.js'
import { createPolicy, describePolicy, policyOfDisk } from '../../policy-helper.js'

t.test('binding shows on both sides: the disk names the policy, the policy lists the disk', async t => {
  const { app } = await build(t)
  const policy = await createPolicy(t, app)
  await ok(t, app, 'ApplyAutoSnapshotPolicy', { autoSnapshotPolicyId: policy, diskIds: [DISK.webData, DISK.spare] })
  t.equal(await policyOfDisk(t, app, DISK.webData), policy)
  t.equal(await policyOfDisk(t, app, DISK.spare), policy)
  t.equal(await policyOfDisk(t, app, DISK.webSystem), '', 'an unbound disk shows an empty string')
  const shown = await describePolicy(t, app, policy)
  t.same([...shown.diskIdSet].sort(), [DISK.webData, DISK.spare].sort())
  t.equal(shown.diskNum, 2)
})

t.test('the same policy again is a no-op success, in both versions', async t => {
  const { app } = await build(t)
  const policy = await createPolicy(t, app)
  for (const version of ['2025-09-01', '2024-04-01']) {
    await ok(t, app, 'ApplyAutoSnapshotPolicy', { autoSnapshotPolicyId: policy, diskIds: [DISK.webData, DISK.webData] }, { version })
  }
  const shown = await describePolicy(t, app, policy)
  t.same(shown.diskIdSet, [DISK.webData])
  t.equal(shown.diskNum, 1)
})

t.test('a disk bound to another policy fails the whole call and nothing is bound', async t => {
  const { app } = await build(t)
  const first = await createPolicy(t, app, { autoSnapshotPolicyName: 'first' })
  const second = await createPolicy(t, app, { autoSnapshotPolicyName: 'second' })
  await ok(t, app, 'ApplyAutoSnapshotPolicy', { autoSnapshotPolicyId: first, diskIds: [DISK.webData] })
  const body = await fails(t, app, 'ApplyAutoSnapshotPolicy', { autoSnapshotPolicyId: second, diskIds: [DISK.spare, DISK.webData] }, 400, 'INVALID_DISK_AUTO_SNAPSHOT_POLICY_EXIST')
  t.match(body.message, DISK.webData)
  t.match(body.message, first)
  t.equal(await policyOfDisk(t, app, DISK.spare), '', 'the other disk of the call was not bound')
  t.equal(await policyOfDisk(t, app, DISK.webData), first, 'the disk keeps its policy')
  t.equal((await describePolicy(t, app, second)).diskNum, 0)
})

t.test('refusals: unknown policy, unknown disk, a disk in another zone; each fails the whole call', async t => {
  const { app } = await build(t)
  const policy = await createPolicy(t, app)
  const unknownPolicy = await fails(t, app, 'ApplyAutoSnapshotPolicy', { autoSnapshotPolicyId: UNKNOWN_ID, diskIds: [DISK.webData] }, 404, 'INVALID_AUTO_SNAPSHOT_POLICY_NOT_FOUND')
  t.match(unknownPolicy.message, UNKNOWN_ID)
  const unknownDisk = await fails(t, app, 'ApplyAutoSnapshotPolicy', { autoSnapshotPolicyId: policy, diskIds: [DISK.webData, UNKNOWN_ID] }, 404, 'INVALID_DISK_NOT_FOUND')
  t.match(unknownDisk.message, UNKNOWN_ID)
  const zone = await fails(t, app, 'ApplyAutoSnapshotPolicy', { autoSnapshotPolicyId: policy, diskIds: [DISK.webData, DISK.sgData] }, 404, 'INVALID_AUTO_SNAPSHOT_ZONE_MISMATCH')
  t.match(zone.message, DISK.sgData)
  await fails(t, app, 'ApplyAutoSnapshotPolicy', { autoSnapshotPolicyId: policy, diskIds: [] }, 400, 'INVALID_PARAMETER_LESS_LENGTH')
  await fails(t, app, 'ApplyAutoSnapshotPolicy', { autoSnapshotPolicyId: policy }, 400, 'MISSING_PARAMETER')
  t.equal(await policyOfDisk(t, app, DISK.webData), '', 'nothing was bound by the failed calls')
  t.equal((await describePolicy(t, app, policy)).diskNum, 0)
})

t.test('any disk status may be bound; the schedule decides at each slot', async t => {
  const { app } = await build(t)
  const policy = await createPolicy(t, app)
  await ok(t, app, 'ApplyAutoSnapshotPolicy', { autoSnapshotPolicyId: policy, diskIds: [DISK.creating, DISK.recycled, DISK.failed] })
  t.equal((await describePolicy(t, app, policy)).diskNum, 3)
})

t.test('a destroyed disk drops out of diskIdSet; its snapshots are kept', async t => {
  const { app } = await build(t)
  const policy = await createPolicy(t, app)
  await ok(t, app, 'ApplyAutoSnapshotPolicy', { autoSnapshotPolicyId: policy, diskIds: [DISK.webData, DISK.spare] })
  // What the second ReleaseDisk ends in: the disk row is deleted by the lifecycle.
  app.runtime.store.disks.remove(DISK.webData)
  const shown = await describePolicy(t, app, policy)
  t.same(shown.diskIdSet, [DISK.spare])
  t.equal(shown.diskNum, 1)
  t.equal((await ok(t, app, 'DescribeSnapshots', { diskIds: [DISK.webData] })).totalCount, 2, 'the two fixture snapshots of the destroyed disk remain')
  await ok(t, app, 'CancelAutoSnapshotPolicy', { autoSnapshotPolicyId: policy, diskIds: [DISK.webData] })
})
