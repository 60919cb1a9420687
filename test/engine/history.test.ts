/**
 * Lifecycle transitions are kept as a resource's history, as GET /_emulator/resources/{id}/history
 * shows it: when each started and ended on the virtual clock (a jump of the clock ends it at its
 * due time, not at the jump), the status it went through and the one it ended in, a failure, a
 * destruction, and the state operations (checkpoint, export/import, reset) carrying or clearing it.
 */
import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { build, DISK, ok, SNAPSHOT } from '../helper.js'
import { admin } from '../state-helper.js'

const history = async (app: FastifyInstance, id: string, account = 'demo') => admin(app, 'GET', `/_emulator/resources/${id}/history?account=${account}`)
const entriesOf = async (app: FastifyInstance, id: string) => (await history(app, id)).body.history as Record<string, unknown>[]
const AFTER_3S = { 'snapshot.create': { kind: 'after', ms: 3000 }, 'snapshot.delete': { kind: 'after', ms: 2000 } } as const

t.test('a snapshot created, then the clock advanced an hour: create → AVAILABLE at its due virtual time', async t => {
  const { app, clock } = await build(t, { lifecycle: AFTER_3S })
  const { snapshotId } = await ok(t, app, 'CreateSnapshot', { diskId: DISK.spare, snapshotName: 'kept' })
  t.same(await entriesOf(app, snapshotId), [
    { transition: 'snapshot.create', status: 'CREATING', startedAt: '2026-01-15T10:00:00Z', endedAt: null, endStatus: null, failed: false }
  ], 'in flight: started, not ended')
  clock.advance(3_600_000)
  t.same(await entriesOf(app, snapshotId), [
    { transition: 'snapshot.create', status: 'CREATING', startedAt: '2026-01-15T10:00:00Z', endedAt: '2026-01-15T10:00:03Z', endStatus: 'AVAILABLE', failed: false }
  ], 'ended when it was due, though nothing asked for an hour')
})

t.test('a transition told to fail is kept as failed, with the status it ended in', async t => {
  const { app } = await build(t, { lifecycle: {} })
  await admin(app, 'PUT', '/_emulator/lifecycle', { policies: { 'snapshot.create': 'immediate' }, failNext: { 'snapshot.create': 1 } })
  const { snapshotId } = await ok(t, app, 'CreateSnapshot', { diskId: DISK.spare, snapshotName: 'broken' })
  t.match(await entriesOf(app, snapshotId), [{ transition: 'snapshot.create', endStatus: 'FAILED', failed: true, startedAt: '2026-01-15T10:00:00Z', endedAt: '2026-01-15T10:00:00Z' }])
})

t.test('a describes:N transition ends at the request that settles it; a follow-up starts where the first ended', async t => {
  const { app, clock } = await build(t, { lifecycle: { 'disk.recycle': { kind: 'describes', count: 1 }, 'disk.expire': { kind: 'after', ms: 86_400_000 } } })
  await ok(t, app, 'ReleaseDisk', { diskId: DISK.spare })
  clock.advance(60_000)
  await ok(t, app, 'DescribeDisks', { diskIds: [DISK.spare] })
  clock.advance(60_000)
  await ok(t, app, 'DescribeDisks', { diskIds: [DISK.spare] })
  t.same(await entriesOf(app, DISK.spare), [
    { transition: 'disk.expire', status: 'RECYCLED', startedAt: '2026-01-15T10:02:00Z', endedAt: null, endStatus: null, failed: false },
    { transition: 'disk.recycle', status: 'RECYCLING', startedAt: '2026-01-15T10:00:00Z', endedAt: '2026-01-15T10:02:00Z', endStatus: 'RECYCLED', failed: false }
  ], 'newest first')
  clock.advance(2 * 86_400_000)
  t.match(await entriesOf(app, DISK.spare), [
    { transition: 'disk.expire', startedAt: '2026-01-15T10:02:00Z', endedAt: '2026-01-16T10:02:00Z', endStatus: 'gone' },
    { transition: 'disk.recycle' }
  ], 'destroyed at its due time; its history is still there')
})

t.test('a transition cut short by another action is kept, ended in the status it was left in', async t => {
  const { app, clock } = await build(t, { lifecycle: { 'disk.recycle': { kind: 'immediate' }, 'disk.delete': { kind: 'manual' } } })
  await ok(t, app, 'ReleaseDisk', { diskId: DISK.spare })
  clock.advance(60_000)
  await ok(t, app, 'RenewDisk', { diskId: DISK.spare })
  t.match(await entriesOf(app, DISK.spare), [
    { transition: 'disk.expire', status: 'RECYCLED', startedAt: '2026-01-15T10:00:00Z', endedAt: '2026-01-15T10:01:00Z', endStatus: 'AVAILABLE', failed: false },
    { transition: 'disk.recycle', endStatus: 'RECYCLED' }
  ], 'RenewDisk took it out of the recycle bin')
  await ok(t, app, 'ReleaseDisk', { diskId: DISK.spare })
  clock.advance(60_000)
  await ok(t, app, 'ReleaseDisk', { diskId: DISK.spare })
  t.match(await entriesOf(app, DISK.spare), [
    { transition: 'disk.delete', status: 'DELETING', startedAt: '2026-01-15T10:02:00Z', endedAt: null },
    { transition: 'disk.expire', startedAt: '2026-01-15T10:01:00Z', endedAt: '2026-01-15T10:02:00Z', endStatus: 'DELETING' },
    { transition: 'disk.recycle' }, { transition: 'disk.expire' }, { transition: 'disk.recycle' }
  ], 'the second ReleaseDisk ended its stay in the recycle bin')
})

t.test('a destroyed snapshot\'s history is kept for an hour, then forgotten', async t => {
  const { app, clock } = await build(t, { lifecycle: AFTER_3S })
  await ok(t, app, 'DeleteSnapshots', { snapshotIds: [SNAPSHOT.webDataManual] })
  clock.advance(2000)
  t.equal((await ok(t, app, 'DescribeSnapshots', { snapshotIds: [SNAPSHOT.webDataManual] })).totalCount, 0, 'gone')
  t.same(await entriesOf(app, SNAPSHOT.webDataManual), [
    { transition: 'snapshot.delete', status: 'DELETING', startedAt: '2026-01-15T10:00:00Z', endedAt: '2026-01-15T10:00:02Z', endStatus: 'gone', failed: false }
  ])
  clock.advance(3_600_000)
  // Purged by the next transition that ends.
  await ok(t, app, 'CreateSnapshot', { diskId: DISK.spare, snapshotName: 'later' })
  clock.advance(3000)
  const res = await history(app, SNAPSHOT.webDataManual)
  t.equal(res.status, 404, 'an hour later it is an unknown id')
  t.equal(res.body.code, 'OPERATION_FAILED_RESOURCE_NOT_FOUND')
})

t.test('a checkpoint and an export carry the history; a reset clears it', async t => {
  const { app, clock } = await build(t, { lifecycle: AFTER_3S })
  const { snapshotId } = await ok(t, app, 'CreateSnapshot', { diskId: DISK.spare, snapshotName: 'saved' })
  clock.advance(3000)
  const saved = await entriesOf(app, snapshotId)
  t.equal(saved.length, 1)
  t.equal((await admin(app, 'POST', '/_emulator/state/checkpoints', { name: 'one' })).status, 200)
  await ok(t, app, 'DeleteSnapshots', { snapshotIds: [snapshotId] })
  clock.advance(2000)
  t.equal((await entriesOf(app, snapshotId)).length, 2, 'the deletion added one')
  t.equal((await admin(app, 'POST', '/_emulator/state/checkpoints/one/restore')).status, 200)
  t.same(await entriesOf(app, snapshotId), saved, 'restored with the checkpoint')

  const exported = await admin(app, 'GET', '/_emulator/state/export')
  const fresh = await build(t, { lifecycle: AFTER_3S })
  const imported = await fresh.app.inject({ method: 'POST', url: '/_emulator/state/import', headers: { 'content-type': 'application/octet-stream' }, payload: exported.body as Buffer })
  t.equal(imported.statusCode, 200)
  t.same(await entriesOf(fresh.app, snapshotId), saved, 'imported into another emulator')

  t.equal((await admin(app, 'POST', '/_emulator/reset', { account: 'demo', to: 'empty' })).status, 200)
  t.equal((await history(app, snapshotId)).status, 404, 'reset to empty: no snapshot, no history')
  t.equal((await admin(fresh.app, 'POST', '/_emulator/reset', {})).status, 200)
  t.equal((await history(fresh.app, snapshotId)).status, 404, 'reset to the fixtures: the same')
})
