import t from 'tap'
import { build, call, DISK, fails, ok, T0, UNKNOWN_ID } from '../../helper.js'
import { formatZecTime } from '../../../src/domain/time.js'

const HOUR = 3_600_000

t.test('creates a Manual snapshot that inherits zone and resource group from its disk', async t => {
  const { app } = await build(t, { lifecycle: {} })
  const created = await ok(t, app, 'CreateSnapshot', { diskId: DISK.sgData, snapshotName: 'sg-data-1' })
  t.match(created.snapshotId, /^\d{19}$/, 'a 19-digit id')
  const found = await ok(t, app, 'DescribeSnapshots', { snapshotIds: [created.snapshotId] })
  t.equal(found.totalCount, 1)
  t.match(found.dataSet[0], {
    snapshotId: created.snapshotId,
    snapshotName: 'sg-data-1',
    diskId: DISK.sgData,
    zoneId: 'asia-southeast-1a',
    snapshotType: 'Manual',
    status: 'CREATING',
    retentionTime: null,
    createTime: formatZecTime(T0),
    resourceGroup: { resourceGroupId: '2d9e7f10-6a3b-4e8c-b5d4-7c1f0e9a8b32', resourceGroupName: 'staging' }
  })
})

t.test('CREATING becomes AVAILABLE after the configured delay, computed on read', async t => {
  const { app, clock } = await build(t, { lifecycle: { 'snapshot.create': { kind: 'after', ms: 3000 } } })
  const { snapshotId } = await ok(t, app, 'CreateSnapshot', { diskId: DISK.spare, snapshotName: 'spare-1' })
  clock.advance(2999)
  t.equal((await ok(t, app, 'DescribeSnapshots', { snapshotIds: [snapshotId] })).dataSet[0].status, 'CREATING', 'still CREATING 1 ms before')
  clock.advance(1)
  t.equal((await ok(t, app, 'DescribeSnapshots', { snapshotIds: [snapshotId] })).dataSet[0].status, 'AVAILABLE', 'AVAILABLE at the delay')
})

t.test('a delay of 0 means AVAILABLE at once', async t => {
  const { app } = await build(t, { lifecycle: { 'snapshot.create': { kind: 'immediate' } } })
  const { snapshotId } = await ok(t, app, 'CreateSnapshot', { diskId: DISK.webData, snapshotName: 'now' })
  t.equal((await ok(t, app, 'DescribeSnapshots', { snapshotIds: [snapshotId] })).dataSet[0].status, 'AVAILABLE')
})

t.test('answers both API versions', async t => {
  const { app } = await build(t)
  for (const version of ['2025-09-01', '2024-04-01']) {
    const created = await ok(t, app, 'CreateSnapshot', { diskId: DISK.webData, snapshotName: `v-${version}` }, { version })
    t.match(created.snapshotId, /^\d{19}$/)
  }
})

t.test('the error codes of the API page', async t => {
  const { app } = await build(t)
  const notFound = await fails(t, app, 'CreateSnapshot', { diskId: UNKNOWN_ID, snapshotName: 'x1' }, 404, 'INVALID_DISK_NOT_FOUND')
  t.match(notFound.message, UNKNOWN_ID)
  for (const diskId of [DISK.creating, DISK.attaching, DISK.detaching, DISK.changing, DISK.recycled, DISK.failed]) {
    const body = await fails(t, app, 'CreateSnapshot', { diskId, snapshotName: 'x1' }, 400, 'UNSUPPORTED_OPERATION_DISK_STATUS')
    t.match(body.message, /IN_USE or AVAILABLE/)
  }
  const ability = await fails(t, app, 'CreateSnapshot', { diskId: DISK.noSnapshot, snapshotName: 'x1' }, 400, 'UNSUPPORTED_OPERATION_DISK_STATUS')
  t.match(ability.message, /snapshotAbility is false/)
  t.equal((await ok(t, app, 'DescribeSnapshots', { diskIds: [DISK.noSnapshot, DISK.creating] })).totalCount, 0, 'nothing was written')
})

t.test('IN_USE data and SYSTEM disks and AVAILABLE disks can be snapshotted', async t => {
  const { app } = await build(t)
  for (const diskId of [DISK.webData, DISK.webSystem, DISK.spare]) {
    await ok(t, app, 'CreateSnapshot', { diskId, snapshotName: 'ok-1' })
  }
})

t.test('retention time: format, calendar, past, and the 24-hour boundary', async t => {
  const { app } = await build(t)
  const cases: [string, RegExp][] = [
    ['2026-01-20 10:00:00', /malformed/],
    ['2026-01-20T10:00:00.000Z', /malformed/],
    ['2026-01-20T10:00:00+08:00', /malformed/],
    ['2026-02-30T10:00:00Z', /not a valid date/],
    ['2026-01-10T10:00:00Z', /in the past/],
    [formatZecTime(T0 + 24 * HOUR - 1000), /at least 24 hours/]
  ]
  for (const [retentionTime, message] of cases) {
    const body = await fails(t, app, 'CreateSnapshot', { diskId: DISK.spare, snapshotName: 'r-1', retentionTime }, 400, 'INVALID_SNAPSHOT_RETENTION_TIME')
    t.match(body.message, message, retentionTime)
  }
  const exact = await ok(t, app, 'CreateSnapshot', { diskId: DISK.spare, snapshotName: 'r-2', retentionTime: formatZecTime(T0 + 24 * HOUR) })
  const later = await ok(t, app, 'CreateSnapshot', { diskId: DISK.spare, snapshotName: 'r-3', retentionTime: formatZecTime(T0 + 24 * HOUR + 1000) })
  const shown = await ok(t, app, 'DescribeSnapshots', { snapshotIds: [exact.snapshotId, later.snapshotId] })
  t.same(shown.dataSet.map((s: any) => s.retentionTime).sort(), [formatZecTime(T0 + 24 * HOUR), formatZecTime(T0 + 24 * HOUR + 1000)])
})

t.test('a snapshot is gone once its retention time has come', async t => {
  const { app, clock } = await build(t)
  const { snapshotId } = await ok(t, app, 'CreateSnapshot', { diskId: DISK.spare, snapshotName: 'short', retentionTime: formatZecTime(T0 + 48 * HOUR) })
  clock.advance(48 * HOUR - 1000)
  t.equal((await ok(t, app, 'DescribeSnapshots', { snapshotIds: [snapshotId] })).totalCount, 1, 'kept one second before')
  clock.advance(1000)
  t.equal((await ok(t, app, 'DescribeSnapshots', { snapshotIds: [snapshotId] })).totalCount, 0, 'gone at the expiry second')
})

t.test('quota per disk: the last allowed one succeeds, the next is refused', async t => {
  const { app } = await build(t, { snapshotQuotaPerDisk: 3 })
  for (let i = 1; i <= 3; i++) await ok(t, app, 'CreateSnapshot', { diskId: DISK.sgData, snapshotName: `q-${i}` })
  const body = await fails(t, app, 'CreateSnapshot', { diskId: DISK.sgData, snapshotName: 'q-4' }, 400, 'INVALID_SNAPSHOT_QUOTA_EXCEED')
  t.match(body.message, /limit of 3/)
  t.equal((await ok(t, app, 'DescribeSnapshots', { diskIds: [DISK.sgData] })).totalCount, 3, 'no fourth snapshot')
  await ok(t, app, 'CreateSnapshot', { diskId: DISK.spare, snapshotName: 'other-disk' })
})

t.test('quota per account, and deleting frees quota', async t => {
  const { app } = await build(t, { snapshotQuotaPerAccount: 7 })
  // The demo account starts with 5 snapshots.
  await ok(t, app, 'CreateSnapshot', { diskId: DISK.sgData, snapshotName: 'a-6' })
  const seventh = await ok(t, app, 'CreateSnapshot', { diskId: DISK.sgData, snapshotName: 'a-7' })
  await fails(t, app, 'CreateSnapshot', { diskId: DISK.spare, snapshotName: 'a-8' }, 400, 'INVALID_SNAPSHOT_QUOTA_EXCEED')
  await ok(t, app, 'DeleteSnapshots', { snapshotIds: [seventh.snapshotId] })
  await ok(t, app, 'CreateSnapshot', { diskId: DISK.spare, snapshotName: 'a-8' })
})

t.test('validation names the field', async t => {
  const { app } = await build(t)
  const cases: [unknown, number, string, RegExp][] = [
    [{ snapshotName: 'x1' }, 400, 'MISSING_PARAMETER', /`diskId`/],
    [{ diskId: DISK.spare }, 400, 'MISSING_PARAMETER', /`snapshotName`/],
    [{ diskId: 7, snapshotName: 'x1' }, 400, 'INVALID_PARAMETER_TYPE', /`diskId` must be a string/],
    [{ diskId: DISK.spare, snapshotName: ['x1'] }, 400, 'INVALID_PARAMETER_TYPE', /`snapshotName`/],
    [{ diskId: DISK.spare, snapshotName: 'x' }, 400, 'INVALID_PARAMETER_LESS_LENGTH', /`snapshotName`/],
    [{ diskId: DISK.spare, snapshotName: 'x'.repeat(64) }, 400, 'INVALID_PARAMETER_EXCEED_LENGTH', /`snapshotName`/],
    [{ diskId: DISK.spare, snapshotName: '-bad-' }, 400, 'INVALID_PARAMETER_PATTERN_ERROR', /`snapshotName`/],
    [{ diskId: DISK.spare, snapshotName: 'x1', retentionTime: 12 }, 400, 'INVALID_PARAMETER_TYPE', /`retentionTime`/],
    [{ diskId: 'd'.repeat(65), snapshotName: 'x1' }, 400, 'INVALID_PARAMETER_EXCEED_LENGTH', /`diskId`/]
  ]
  for (const [input, status, code, message] of cases) {
    const body = await fails(t, app, 'CreateSnapshot', input, status, code)
    t.match(body.message, message)
  }
  await ok(t, app, 'CreateSnapshot', { diskId: DISK.spare, snapshotName: 'x1', retentionTime: null, futureField: { a: 1 } })
})

t.test('parallel creates never overshoot the quota', async t => {
  const { app } = await build(t, { snapshotQuotaPerDisk: 5 })
  const results = await Promise.all(Array.from({ length: 20 }, (_, i) => call(app, 'CreateSnapshot', { diskId: DISK.sgData, snapshotName: `p-${i}` })))
  t.equal(results.filter(r => r.status === 200).length, 5)
  t.equal(results.filter(r => r.body.code === 'INVALID_SNAPSHOT_QUOTA_EXCEED').length, 15)
})
