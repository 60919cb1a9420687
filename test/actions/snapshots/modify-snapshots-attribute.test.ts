import t from 'tap'
import { build, fails, ok, SNAPSHOT, T0, UNKNOWN_ID } from '../../helper.js'
import { formatZecTime } from '../../../src/domain/time.js'

const HOUR = 3_600_000
const show = async (t: Parameters<typeof ok>[0], app: Parameters<typeof ok>[1], ids: string[]) =>
  new Map(((await ok(t, app, 'DescribeSnapshots', { snapshotIds: ids })).dataSet as { snapshotId: string, snapshotName: string, retentionTime: string | null }[])
    .map(s => [s.snapshotId, { name: s.snapshotName, retentionTime: s.retentionTime }]))

t.test('renames and sets a retention time on several snapshots at once, in both versions', async t => {
  const { app } = await build(t)
  const ids = [SNAPSHOT.webDataManual, SNAPSHOT.webDataAuto]
  const retentionTime = formatZecTime(T0 + 48 * HOUR)
  await ok(t, app, 'ModifySnapshotsAttribute', { snapshotIds: ids, snapshotName: 'before-v2', retentionTime })
  t.same(Object.fromEntries(await show(t, app, ids)), {
    [SNAPSHOT.webDataManual]: { name: 'before-v2', retentionTime },
    [SNAPSHOT.webDataAuto]: { name: 'before-v2', retentionTime }
  })
  await ok(t, app, 'ModifySnapshotsAttribute', { snapshotIds: [SNAPSHOT.webDataManual], snapshotName: 'v2024' }, { version: '2024-04-01' })
  t.same((await show(t, app, ids)).get(SNAPSHOT.webDataManual), { name: 'v2024', retentionTime }, 'only the name changed')
})

t.test('isPermanent: true keeps a snapshot forever, so it outlives its old retention time', async t => {
  const { app, clock } = await build(t)
  await ok(t, app, 'ModifySnapshotsAttribute', { snapshotIds: [SNAPSHOT.webDataAuto], isPermanent: true })
  t.equal((await show(t, app, [SNAPSHOT.webDataAuto])).get(SNAPSHOT.webDataAuto)?.retentionTime, null)
  clock.advance(30 * 24 * HOUR)
  t.equal((await show(t, app, [SNAPSHOT.webDataAuto])).size, 1, 'still there 30 days later (it was due after 6)')
  await ok(t, app, 'ModifySnapshotsAttribute', { snapshotIds: [SNAPSHOT.webDataAuto], isPermanent: false })
  t.equal((await show(t, app, [SNAPSHOT.webDataAuto])).get(SNAPSHOT.webDataAuto)?.retentionTime, null, 'isPermanent: false alone changes nothing')
})

t.test('a shortened retention is honoured at its exact second', async t => {
  const { app, clock } = await build(t)
  const at = T0 + 24 * HOUR
  await ok(t, app, 'ModifySnapshotsAttribute', { snapshotIds: [SNAPSHOT.webDataManual], retentionTime: formatZecTime(at) })
  clock.set(at - 1000)
  t.equal((await show(t, app, [SNAPSHOT.webDataManual])).size, 1, 'present one second before')
  clock.set(at)
  t.equal((await show(t, app, [SNAPSHOT.webDataManual])).size, 0, 'gone at the retention time itself')
})

t.test('refusals: the whole call fails and nothing changes', async t => {
  const { app } = await build(t, { lifecycle: { 'snapshot.delete': { kind: 'manual' } } })
  const before = await show(t, app, [SNAPSHOT.webDataManual])
  const unknown = await fails(t, app, 'ModifySnapshotsAttribute', { snapshotIds: [SNAPSHOT.webDataManual, UNKNOWN_ID], snapshotName: 'renamed' }, 404, 'INVALID_DISK_SNAPSHOT_NOT_FOUND')
  t.match(unknown.message, UNKNOWN_ID)
  const cases: [Record<string, unknown>, string, RegExp][] = [
    [{ retentionTime: formatZecTime(T0 + 24 * HOUR - 1000) }, 'INVALID_SNAPSHOT_RETENTION_TIME', /at least 24 hours/],
    [{ retentionTime: '2026-13-01T00:00:00Z' }, 'INVALID_SNAPSHOT_RETENTION_TIME', /not a valid date/],
    [{ retentionTime: 'tomorrow' }, 'INVALID_SNAPSHOT_RETENTION_TIME', /malformed/],
    [{ retentionTime: formatZecTime(T0 + 48 * HOUR), isPermanent: true }, 'INVALID_PARAMETER_VALUE', /retentionTime.*isPermanent/],
    [{ snapshotName: '-bad' }, 'INVALID_PARAMETER_PATTERN_ERROR', /snapshotName/],
    [{ isPermanent: 'yes' }, 'INVALID_PARAMETER_TYPE', /isPermanent/]
  ]
  for (const [change, code, message] of cases) {
    const body = await fails(t, app, 'ModifySnapshotsAttribute', { snapshotIds: [SNAPSHOT.webDataManual], ...change }, 400, code)
    t.match(body.message, message)
  }
  await fails(t, app, 'ModifySnapshotsAttribute', { snapshotIds: [] }, 400, 'INVALID_PARAMETER_LESS_LENGTH')
  await fails(t, app, 'ModifySnapshotsAttribute', { snapshotIds: Array.from({ length: 101 }, (_, i) => String(i)) }, 400, 'INVALID_PARAMETER_EXCEED_LENGTH')
  t.same(await show(t, app, [SNAPSHOT.webDataManual]), before, 'unchanged')

  await ok(t, app, 'DeleteSnapshots', { snapshotIds: [SNAPSHOT.webSystemWeekly] })
  const deleting = await fails(t, app, 'ModifySnapshotsAttribute', { snapshotIds: [SNAPSHOT.webDataManual, SNAPSHOT.webSystemWeekly], snapshotName: 'x1' }, 400, 'OPERATION_DENIED_DISK_SNAPSHOT_STATUS')
  t.match(deleting.message, /DELETING/)
  t.same(await show(t, app, [SNAPSHOT.webDataManual]), before, 'the other snapshot of the call is unchanged too')
})

t.test('works on a snapshot that is still CREATING', async t => {
  const { app } = await build(t)
  await ok(t, app, 'ModifySnapshotsAttribute', { snapshotIds: [SNAPSHOT.spareCreating], snapshotName: 'renamed-early' })
  t.equal((await show(t, app, [SNAPSHOT.spareCreating])).get(SNAPSHOT.spareCreating)?.name, 'renamed-early')
})
