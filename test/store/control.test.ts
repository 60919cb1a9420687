import t from 'tap'
import { join } from 'node:path'
import { buildApp } from '../../src/app.js'
import { makeConfig } from '../../src/config.js'
import { build, DISK, fails, ok, T0, UNKNOWN_ID } from '../helper.js'
import { admin } from '../state-helper.js'

const lifecycleOf = async (app: Parameters<typeof admin>[0]) => (await admin(app, 'GET', '/_emulator/lifecycle')).body

t.test('a refused request consumes no pending failure injection (repro: 404 rolled back the db, not the counter)', async t => {
  const { app } = await build(t, { lifecycle: {} })
  await admin(app, 'POST', '/_emulator/clock', { action: 'set', to: '2026-01-15T09:59:58Z' })
  await admin(app, 'PUT', '/_emulator/lifecycle', { failNext: { 'snapshot.create': 1 } })
  await fails(t, app, 'CreateSnapshot', { diskId: UNKNOWN_ID, snapshotName: 'nope' }, 404, 'INVALID_DISK_NOT_FOUND')
  t.same((await lifecycleOf(app)).failNext, { 'snapshot.create': 1 }, 'still pending after the 404')
  const { snapshotId } = await ok(t, app, 'CreateSnapshot', { diskId: DISK.spare, snapshotName: 'fails' })
  t.same((await lifecycleOf(app)).failNext, {}, 'used by the first transition that starts')
  await admin(app, 'POST', '/_emulator/clock', { action: 'advance', by: 'PT10S' })
  t.equal((await ok(t, app, 'DescribeSnapshots', { snapshotIds: [snapshotId] })).dataSet[0].status, 'FAILED')
})

t.test('with --db a restart keeps the clock, run-time policies, failure injections and quotas (repro)', async t => {
  const dir = t.testdir({})
  const config = makeConfig({ db: join(dir, 'zec.db') })
  const first = await buildApp(config)
  await first.inject({ method: 'POST', url: '/_emulator/clock', payload: { action: 'freeze' } })
  await first.inject({ method: 'POST', url: '/_emulator/clock', payload: { action: 'set', to: '2030-06-01T12:00:00Z' } })
  await first.inject({ method: 'PUT', url: '/_emulator/lifecycle', payload: { policies: { 'disk.attach': 'manual' }, failNext: { 'disk.create': 2 } } })
  await first.inject({ method: 'PUT', url: '/_emulator/quotas', payload: { account: 'demo', snapshotsPerDisk: 3 } })
  const { snapshotId } = await ok(t, first, 'CreateSnapshot', { diskId: DISK.spare, snapshotName: 'at-2030' })
  await first.close()

  const second = await buildApp(config)
  t.teardown(() => second.close())
  t.match((await admin(second, 'GET', '/_emulator/clock')).body, { now: '2030-06-01T12:00:00.000Z', frozen: true })
  const lifecycle = await lifecycleOf(second)
  t.equal(lifecycle.policies['disk.attach'], 'manual')
  t.same(lifecycle.failNext, { 'disk.create': 2 })
  t.match((await admin(second, 'GET', '/_emulator/quotas?account=demo')).body, { snapshotsPerDisk: 3 })
  const [snapshot] = (await ok(t, second, 'DescribeSnapshots', { snapshotIds: [snapshotId] })).dataSet
  t.match(snapshot, { status: 'CREATING', createTime: '2030-06-01T12:00:00Z' }, 'still CREATING at the frozen 2030 instant')
  await admin(second, 'POST', '/_emulator/clock', { action: 'advance', by: 'PT5S' })
  t.equal((await ok(t, second, 'DescribeSnapshots', { snapshotIds: [snapshotId] })).dataSet[0].status, 'AVAILABLE', 'and finishes on the restored clock')
})

t.test('a running clock stops at 9999-12-31T23:59:59Z instead of leaving ZEC\'s time format (repro)', async t => {
  let real = T0
  const app = await buildApp(makeConfig(), { realNow: () => real })
  t.teardown(() => app.close())
  await admin(app, 'POST', '/_emulator/clock', { action: 'set', to: '9999-12-31T23:59:58Z' })
  real += 5000
  t.match((await admin(app, 'GET', '/_emulator/clock')).body, { now: '9999-12-31T23:59:59.000Z', frozen: false })
  const { snapshotId } = await ok(t, app, 'CreateSnapshot', { diskId: DISK.spare, snapshotName: 'at-the-end' })
  t.equal((await ok(t, app, 'DescribeSnapshots', { snapshotIds: [snapshotId] })).dataSet[0].createTime, '9999-12-31T23:59:59Z')
  const moved = await admin(app, 'POST', '/_emulator/clock', { action: 'advance', by: 'PT1S' })
  t.equal(moved.status, 400, 'moving past the end is refused')
})
