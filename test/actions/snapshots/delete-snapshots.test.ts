import t from 'tap'
import { build, fails, ok, SNAPSHOT, UNKNOWN_ID, DISK } from '../../helper.js'

t.test('goes DELETING, then disappears', async t => {
  const { app, clock } = await build(t, { lifecycle: { 'snapshot.delete': { kind: 'after', ms: 2000 } } })
  const res = await ok(t, app, 'DeleteSnapshots', { snapshotIds: [SNAPSHOT.webDataManual] })
  t.same(res.snapshotIds, [], 'no failed ids')
  const during = await ok(t, app, 'DescribeSnapshots', { snapshotIds: [SNAPSHOT.webDataManual] })
  t.equal(during.dataSet[0].status, 'DELETING')
  await ok(t, app, 'DeleteSnapshots', { snapshotIds: [SNAPSHOT.webDataManual] })
  clock.advance(2000)
  t.equal((await ok(t, app, 'DescribeSnapshots', { snapshotIds: [SNAPSHOT.webDataManual] })).totalCount, 0)
})

t.test('unknown id: 404 and nothing deleted', async t => {
  const { app } = await build(t)
  const body = await fails(t, app, 'DeleteSnapshots', { snapshotIds: [SNAPSHOT.webDataManual, UNKNOWN_ID] }, 404, 'INVALID_DISK_SNAPSHOT_NOT_FOUND')
  t.match(body.message, UNKNOWN_ID)
  t.equal((await ok(t, app, 'DescribeSnapshots', { snapshotIds: [SNAPSHOT.webDataManual] })).totalCount, 1)
})

t.test('a snapshot still CREATING is refused', async t => {
  const { app } = await build(t)
  await fails(t, app, 'DeleteSnapshots', { snapshotIds: [SNAPSHOT.spareCreating] }, 400, 'OPERATION_DENIED_DISK_SNAPSHOT_STATUS')
  await fails(t, app, 'DeleteSnapshots', { snapshotIds: [SNAPSHOT.webDataAuto, SNAPSHOT.spareCreating] }, 400, 'OPERATION_DENIED_DISK_SNAPSHOT_STATUS')
  t.equal((await ok(t, app, 'DescribeSnapshots', { snapshotIds: [SNAPSHOT.webDataAuto] })).dataSet[0].status, 'AVAILABLE', 'the other one was not touched')
})

t.test('up to 100 ids; duplicates are fine', async t => {
  const { app } = await build(t)
  await fails(t, app, 'DeleteSnapshots', { snapshotIds: [] }, 400, 'INVALID_PARAMETER_LESS_LENGTH')
  await fails(t, app, 'DeleteSnapshots', {}, 400, 'MISSING_PARAMETER')
  await fails(t, app, 'DeleteSnapshots', { snapshotIds: Array.from({ length: 101 }, () => SNAPSHOT.webDataAuto) }, 400, 'INVALID_PARAMETER_EXCEED_LENGTH')
  await ok(t, app, 'DeleteSnapshots', { snapshotIds: [SNAPSHOT.webDataAuto, SNAPSHOT.webDataAuto] })
  t.equal((await ok(t, app, 'DescribeSnapshots', { diskIds: [DISK.webData] })).totalCount, 1)
})
