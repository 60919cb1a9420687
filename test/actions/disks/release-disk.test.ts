import t from 'tap'
import { build, DISK, fails, ok, SNAPSHOT, UNKNOWN_ID } from '../../helper.js'
import { diskOf, IMMEDIATE_DISKS, statusOf } from './support.js'

t.test('first call: RECYCLING → RECYCLED; second call: DELETING → gone; snapshots are kept', async t => {
  const { app, clock } = await build(t, { lifecycle: { 'disk.recycle': { kind: 'after', ms: 2000 }, 'disk.delete': { kind: 'after', ms: 2000 } } })
  await ok(t, app, 'DetachDisks', { diskIds: [DISK.webData], instanceCheckFlag: false })
  clock.advance(2000)
  app.runtime.store.disks.update(DISK.webData, { autoSnapshotPolicyId: '1600000000000000001' })
  await ok(t, app, 'ReleaseDisk', { diskId: DISK.webData })
  t.equal(await statusOf(t, app, DISK.webData), 'RECYCLING')
  const early = await fails(t, app, 'ReleaseDisk', { diskId: DISK.webData }, 400, 'UNSUPPORTED_OPERATION_DISK_BEING_RECYCLE')
  t.match(early.message, /RECYCLED/)
  clock.advance(2000)
  t.match(await diskOf(t, app, DISK.webData), { diskStatus: 'RECYCLED', instanceId: '', autoSnapshotPolicyId: '1600000000000000001' }, 'listed in the recycle bin, binding kept')
  await ok(t, app, 'ReleaseDisk', { diskId: DISK.webData })
  t.match(await diskOf(t, app, DISK.webData), { diskStatus: 'DELETING', autoSnapshotPolicyId: '' }, 'the binding ends on destruction')
  clock.advance(2000)
  t.equal((await ok(t, app, 'DescribeDisks', { diskIds: [DISK.webData] })).totalCount, 0, 'gone, as CSI waits for')
  const snaps = await ok(t, app, 'DescribeSnapshots', { diskIds: [DISK.webData] })
  t.same(snaps.dataSet.map((s: any) => s.snapshotId).sort(), [SNAPSHOT.webDataManual, SNAPSHOT.webDataAuto])
  await fails(t, app, 'ReleaseDisk', { diskId: DISK.webData }, 404, 'INVALID_DISK_NOT_FOUND')
})

t.test('a disk whose creation FAILED is destroyed by the first call', async t => {
  const { app } = await build(t, { lifecycle: IMMEDIATE_DISKS })
  await ok(t, app, 'ReleaseDisk', { diskId: DISK.failed })
  t.equal(await diskOf(t, app, DISK.failed), undefined)
})

t.test('manual policy: RECYCLING until the admin completes it', async t => {
  const { app } = await build(t, { lifecycle: { 'disk.recycle': { kind: 'manual' } } })
  await ok(t, app, 'ReleaseDisk', { diskId: DISK.spare })
  t.equal(await statusOf(t, app, DISK.spare), 'RECYCLING')
  const done = await app.inject({ method: 'POST', url: '/_emulator/lifecycle/complete', payload: { resource: 'disk', id: DISK.spare } })
  t.match(done.json(), { status: 'RECYCLED', gone: false, transition: 'disk.recycle' })
  t.equal(await statusOf(t, app, DISK.spare), 'RECYCLED')
})

t.test('refusals', async t => {
  const { app } = await build(t, { lifecycle: IMMEDIATE_DISKS })
  await fails(t, app, 'ReleaseDisk', { diskId: UNKNOWN_ID }, 404, 'INVALID_DISK_NOT_FOUND')
  await fails(t, app, 'ReleaseDisk', { diskId: DISK.webSystem }, 400, 'INVALID_DISK_NOT_PORTABLE')
  for (const diskId of [DISK.webData, DISK.creating, DISK.attaching, DISK.detaching, DISK.changing]) {
    const body = await fails(t, app, 'ReleaseDisk', { diskId }, 400, 'UNSUPPORTED_OPERATION_DISK_STATUS')
    t.match(body.message, /detach it first/)
  }
  await fails(t, app, 'ReleaseDisk', {}, 400, 'MISSING_PARAMETER')
  await ok(t, app, 'ReleaseDisk', { diskId: DISK.spare }, { version: '2024-04-01' })
})

t.test('the recycle bin keeps a released disk for a day, then it is gone; RenewDisk takes it back in time', async t => {
  const { app, clock } = await build(t, { lifecycle: { 'disk.recycle': { kind: 'after', ms: 2000 } } })
  await ok(t, app, 'ReleaseDisk', { diskId: DISK.spare })
  await ok(t, app, 'ReleaseDisk', { diskId: DISK.sgData })
  clock.advance(2000)
  t.equal(await statusOf(t, app, DISK.spare), 'RECYCLED')
  await ok(t, app, 'RenewDisk', { diskId: DISK.sgData })
  clock.advance(24 * 3_600_000 - 1)
  t.equal(await statusOf(t, app, DISK.spare), 'RECYCLED', 'still there 1 ms before its day is up')
  clock.advance(1)
  t.equal(await diskOf(t, app, DISK.spare), undefined, 'destroyed a day after it reached the recycle bin')
  t.equal(await statusOf(t, app, DISK.sgData), 'AVAILABLE', 'a renewed disk is not destroyed')
})

t.test('one jump of the clock past both the recycling and the day in the bin gives the same result', async t => {
  const { app, clock } = await build(t, { lifecycle: { 'disk.recycle': { kind: 'after', ms: 2000 } } })
  await ok(t, app, 'ReleaseDisk', { diskId: DISK.spare })
  clock.advance(2000 + 24 * 3_600_000)
  t.equal(await diskOf(t, app, DISK.spare), undefined)
})

t.test('disk.expire=manual keeps released disks in the recycle bin until told', async t => {
  const { app, clock } = await build(t, { lifecycle: { 'disk.recycle': { kind: 'immediate' }, 'disk.expire': { kind: 'manual' } } })
  await ok(t, app, 'ReleaseDisk', { diskId: DISK.spare })
  clock.advance(365 * 24 * 3_600_000)
  t.equal(await statusOf(t, app, DISK.spare), 'RECYCLED')
  const done = await app.inject({ method: 'POST', url: '/_emulator/lifecycle/complete', payload: { resource: 'disk', id: DISK.spare } })
  t.match(done.json(), { gone: true, transition: 'disk.expire' })
})
