import t from 'tap'
import { build, DISK, fails, ok, SNAPSHOT, UNKNOWN_ID } from '../../helper.js'

type App = Parameters<typeof ok>[1]
type T = Parameters<typeof ok>[0]
const diskStatus = async (t: T, app: App, diskId: string) => (await ok(t, app, 'DescribeDisks', { diskIds: [diskId] })).dataSet[0].diskStatus
const snapshotStatus = async (t: T, app: App, snapshotId: string) => (await ok(t, app, 'DescribeSnapshots', { snapshotIds: [snapshotId] })).dataSet[0].status

t.test('an IN_USE disk rolls back: both go ROLLING_BACK, then back to where they were', async t => {
  const { app, clock } = await build(t)
  await ok(t, app, 'ApplySnapshot', { snapshotId: SNAPSHOT.webDataManual, diskId: DISK.webData })
  t.equal(await diskStatus(t, app, DISK.webData), 'ROLLING_BACK')
  t.equal(await snapshotStatus(t, app, SNAPSHOT.webDataManual), 'ROLLING_BACK')
  clock.advance(4999)
  t.equal(await diskStatus(t, app, DISK.webData), 'ROLLING_BACK', 'still rolling back 1 ms before the default 5 s')
  clock.advance(1)
  t.equal(await diskStatus(t, app, DISK.webData), 'IN_USE', 'back to IN_USE')
  t.equal(await snapshotStatus(t, app, SNAPSHOT.webDataManual), 'AVAILABLE')
})

t.test('an AVAILABLE disk comes back AVAILABLE; both versions answer', async t => {
  const { app } = await build(t, { lifecycle: { 'snapshot.create': { kind: 'immediate' }, 'disk.rollback': { kind: 'immediate' }, 'snapshot.rollback': { kind: 'immediate' } } })
  const { snapshotId } = await ok(t, app, 'CreateSnapshot', { diskId: DISK.spare, snapshotName: 'spare-1' })
  for (const version of ['2025-09-01', '2024-04-01']) {
    await ok(t, app, 'ApplySnapshot', { snapshotId, diskId: DISK.spare }, { version })
    t.equal(await diskStatus(t, app, DISK.spare), 'AVAILABLE')
    t.equal(await snapshotStatus(t, app, snapshotId), 'AVAILABLE')
  }
})

t.test('refused while the disk is busy: a second rollback, and other operations, wait', async t => {
  const { app } = await build(t, { lifecycle: { 'snapshot.create': { kind: 'immediate' }, 'disk.rollback': { kind: 'manual' }, 'snapshot.rollback': { kind: 'immediate' } } })
  const { snapshotId } = await ok(t, app, 'CreateSnapshot', { diskId: DISK.webData, snapshotName: 'second' })
  await ok(t, app, 'ApplySnapshot', { snapshotId: SNAPSHOT.webDataManual, diskId: DISK.webData })
  t.equal(await diskStatus(t, app, DISK.webData), 'ROLLING_BACK')
  const body = await fails(t, app, 'ApplySnapshot', { snapshotId, diskId: DISK.webData }, 400, 'OPERATION_DENIED_DISK_STATUS')
  t.match(body.message, /ROLLING_BACK/)
  await fails(t, app, 'CreateSnapshot', { diskId: DISK.webData, snapshotName: 'during' }, 400, 'UNSUPPORTED_OPERATION_DISK_STATUS')
  t.equal(await snapshotStatus(t, app, snapshotId), 'AVAILABLE', 'the refused snapshot was not touched')
})

t.test('refused while the snapshot is busy or not finished', async t => {
  const { app } = await build(t, { lifecycle: { 'snapshot.create': { kind: 'immediate' }, 'disk.rollback': { kind: 'immediate' }, 'snapshot.rollback': { kind: 'manual' } } })
  const creating = await fails(t, app, 'ApplySnapshot', { snapshotId: SNAPSHOT.spareCreating, diskId: DISK.spare }, 400, 'OPERATION_DENIED_DISK_SNAPSHOT_STATUS')
  t.match(creating.message, /CREATING/)
  await ok(t, app, 'ApplySnapshot', { snapshotId: SNAPSHOT.webDataManual, diskId: DISK.webData })
  t.equal(await snapshotStatus(t, app, SNAPSHOT.webDataManual), 'ROLLING_BACK')
  await fails(t, app, 'ApplySnapshot', { snapshotId: SNAPSHOT.webDataManual, diskId: DISK.webData }, 400, 'OPERATION_DENIED_DISK_SNAPSHOT_STATUS')
  await fails(t, app, 'DeleteSnapshots', { snapshotIds: [SNAPSHOT.webDataManual] }, 400, 'OPERATION_DENIED_DISK_SNAPSHOT_STATUS')
})

t.test('a disk that is not IN_USE or AVAILABLE cannot be rolled back', async t => {
  const { app } = await build(t)
  for (const status of ['RECYCLED', 'CHANGING', 'ATTACHING', 'FAILED']) {
    app.runtime.store.disks.update(DISK.webData, { status })
    const body = await fails(t, app, 'ApplySnapshot', { snapshotId: SNAPSHOT.webDataManual, diskId: DISK.webData }, 400, 'OPERATION_DENIED_DISK_STATUS')
    t.match(body.message, status)
  }
  t.equal(await snapshotStatus(t, app, SNAPSHOT.webDataManual), 'AVAILABLE')
})

t.test('not found, and a snapshot of another disk', async t => {
  const { app } = await build(t)
  t.match((await fails(t, app, 'ApplySnapshot', { snapshotId: UNKNOWN_ID, diskId: DISK.webData }, 404, 'INVALID_DISK_SNAPSHOT_NOT_FOUND')).message, UNKNOWN_ID)
  t.match((await fails(t, app, 'ApplySnapshot', { snapshotId: SNAPSHOT.webDataManual, diskId: UNKNOWN_ID }, 404, 'INVALID_DISK_NOT_FOUND')).message, UNKNOWN_ID)
  const other = await fails(t, app, 'ApplySnapshot', { snapshotId: SNAPSHOT.webDataManual, diskId: DISK.spare }, 400, 'INVALID_PARAMETER_VALUE')
  t.match(other.message, /own snapshots/)
  await fails(t, app, 'ApplySnapshot', { snapshotId: SNAPSHOT.webDataManual }, 400, 'MISSING_PARAMETER')
  t.equal(await diskStatus(t, app, DISK.spare), 'AVAILABLE', 'nothing changed')
})

t.test('a snapshot whose disk was destroyed cannot be applied (the disk is not found)', async t => {
  const { app } = await build(t)
  app.runtime.store.disks.remove(DISK.webData)
  await fails(t, app, 'ApplySnapshot', { snapshotId: SNAPSHOT.webDataManual, diskId: DISK.webData }, 404, 'INVALID_DISK_NOT_FOUND')
  t.equal(await snapshotStatus(t, app, SNAPSHOT.webDataManual), 'AVAILABLE', 'the snapshot itself is kept')
})
