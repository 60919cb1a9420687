import t from 'tap'
import { build, DISK, fails, ok, SNAPSHOT, UNKNOWN_ID } from '../../helper.js'

t.test('every documented filter, ANDed', async t => {
  const { app } = await build(t)
  const ids = async (input: object) => (await ok(t, app, 'DescribeSnapshots', input)).dataSet.map((s: any) => s.snapshotId).sort()
  t.same(await ids({}), Object.values(SNAPSHOT).sort())
  t.same(await ids({ snapshotIds: [SNAPSHOT.webDataAuto, UNKNOWN_ID] }), [SNAPSHOT.webDataAuto])
  t.same(await ids({ zoneId: 'asia-southeast-1a' }), [SNAPSHOT.sgSystemAuto])
  t.same(await ids({ status: 'CREATING' }), [SNAPSHOT.spareCreating])
  t.same(await ids({ diskIds: [DISK.webData] }), [SNAPSHOT.webDataManual, SNAPSHOT.webDataAuto])
  t.same(await ids({ diskType: 'SYSTEM' }), [SNAPSHOT.sgSystemAuto, SNAPSHOT.webSystemWeekly])
  t.same(await ids({ snapshotType: 'Auto' }), [SNAPSHOT.webDataAuto, SNAPSHOT.sgSystemAuto])
  t.same(await ids({ snapshotType: 'Manual', diskIds: [DISK.webData] }), [SNAPSHOT.webDataManual])
  t.same(await ids({ snapshotName: '^web-01-data-auto$' }), [SNAPSHOT.webDataAuto])
  t.same(await ids({ snapshotName: 'auto' }), [SNAPSHOT.webDataAuto, SNAPSHOT.sgSystemAuto])
  t.same(await ids({ resourceGroupId: '2d9e7f10-6a3b-4e8c-b5d4-7c1f0e9a8b32' }), [SNAPSHOT.sgSystemAuto])
  t.same(await ids({ snapshotIds: [UNKNOWN_ID] }), [], 'unknown ids: empty, not an error')
})

t.test('never omits status, snapshotType, resourceGroup; retentionTime null when forever', async t => {
  const { app } = await build(t)
  const { dataSet } = await ok(t, app, 'DescribeSnapshots', { snapshotIds: [SNAPSHOT.webDataManual, SNAPSHOT.webDataAuto] })
  const byId = Object.fromEntries(dataSet.map((s: any) => [s.snapshotId, s]))
  t.match(byId[SNAPSHOT.webDataManual], { status: 'AVAILABLE', snapshotType: 'Manual', retentionTime: null, diskAbility: true, resourceGroup: { resourceGroupName: 'Default Resource Group' } })
  t.match(byId[SNAPSHOT.webDataAuto], { snapshotType: 'Auto', retentionTime: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/ })
})

t.test('paging edges', async t => {
  const { app } = await build(t)
  const page = await ok(t, app, 'DescribeSnapshots', { pageSize: 2, pageNum: 3 })
  t.equal(page.totalCount, 5)
  t.equal(page.dataSet.length, 1)
  t.same((await ok(t, app, 'DescribeSnapshots', { pageSize: 2, pageNum: 4 })).dataSet, [])
  await fails(t, app, 'DescribeSnapshots', { pageSize: 1001 }, 400, 'INVALID_PARAMETER_EXCEED_MAXIMUM')
  await fails(t, app, 'DescribeSnapshots', { pageNum: -1 }, 400, 'INVALID_PARAMETER_LESS_MINIMUM')
  await fails(t, app, 'DescribeSnapshots', { status: 'NORMAL' }, 400, 'INVALID_PARAMETER_VALUE')
  await fails(t, app, 'DescribeSnapshots', { snapshotType: 'manual' }, 400, 'INVALID_PARAMETER_VALUE')
})

t.test('answers both API versions with the same model', async t => {
  const { app } = await build(t)
  for (const version of ['2025-09-01', '2024-04-01']) {
    t.equal((await ok(t, app, 'DescribeSnapshots', { snapshotIds: [SNAPSHOT.webDataManual] }, { version })).totalCount, 1)
  }
})
