import t from 'tap'
import { build, DISK, fails, ok, UNKNOWN_ID } from '../../helper.js'
import { createPolicy, describePolicy, policyOfDisk } from '../../policy-helper.js'

t.test('unbinds on both sides; disks not bound to it (or unknown) are ignored', async t => {
  const { app } = await build(t)
  const policy = await createPolicy(t, app, { autoSnapshotPolicyName: 'mine' })
  const other = await createPolicy(t, app, { autoSnapshotPolicyName: 'other' })
  await ok(t, app, 'ApplyAutoSnapshotPolicy', { autoSnapshotPolicyId: policy, diskIds: [DISK.webData, DISK.spare] })
  await ok(t, app, 'ApplyAutoSnapshotPolicy', { autoSnapshotPolicyId: other, diskIds: [DISK.webSystem] })

  await ok(t, app, 'CancelAutoSnapshotPolicy', { autoSnapshotPolicyId: policy, diskIds: [DISK.webData, DISK.webSystem, UNKNOWN_ID] })
  t.equal(await policyOfDisk(t, app, DISK.webData), '')
  t.equal(await policyOfDisk(t, app, DISK.webSystem), other, 'a disk of another policy is left alone')
  const shown = await describePolicy(t, app, policy)
  t.same(shown.diskIdSet, [DISK.spare])
  t.equal(shown.diskNum, 1)

  await ok(t, app, 'CancelAutoSnapshotPolicy', { autoSnapshotPolicyId: policy, diskIds: [DISK.webData] }, { version: '2024-04-01' })
  t.equal((await describePolicy(t, app, policy)).diskNum, 1, 'cancelling twice is harmless')
  await ok(t, app, 'ApplyAutoSnapshotPolicy', { autoSnapshotPolicyId: other, diskIds: [DISK.webData] })
  t.equal(await policyOfDisk(t, app, DISK.webData), other, 'once cancelled, the disk may join another policy')
})

t.test('an unknown policy is a 404', async t => {
  const { app } = await build(t)
  const body = await fails(t, app, 'CancelAutoSnapshotPolicy', { autoSnapshotPolicyId: UNKNOWN_ID, diskIds: [DISK.webData] }, 404, 'INVALID_AUTO_SNAPSHOT_POLICY_NOT_FOUND')
  t.match(body.message, UNKNOWN_ID)
})
