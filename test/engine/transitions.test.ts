import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { build, DISK, ok } from '../helper.js'

const snapshotStatus = async (t: Parameters<typeof ok>[0], app: FastifyInstance, snapshotId: string) =>
  (await ok(t, app, 'DescribeSnapshots', { snapshotIds: [snapshotId] })).dataSet[0]?.status
const putLifecycle = (app: FastifyInstance, body: unknown) => app.inject({ method: 'PUT', url: '/_emulator/lifecycle', payload: body as object })

t.test('settling ends what is due and leaves what is still in flight', async t => {
  const { app, clock } = await build(t, { lifecycle: { 'snapshot.create': { kind: 'after', ms: 3000 } } })
  const first = (await ok(t, app, 'CreateSnapshot', { diskId: DISK.spare, snapshotName: 'first' })).snapshotId
  clock.advance(1000)
  const second = (await ok(t, app, 'CreateSnapshot', { diskId: DISK.spare, snapshotName: 'second' })).snapshotId
  clock.advance(1999)
  t.equal(await snapshotStatus(t, app, first), 'CREATING', '1 ms before it is due')
  clock.advance(1)
  t.equal(await snapshotStatus(t, app, first), 'AVAILABLE', 'due: ended by the next request')
  t.equal(await snapshotStatus(t, app, second), 'CREATING', 'the later one is still in flight')
  clock.advance(1000)
  t.equal(await snapshotStatus(t, app, second), 'AVAILABLE')
})

t.test('a describes:N policy set at run time counts describes, also after the policy is changed back', async t => {
  const { app } = await build(t, { lifecycle: {} })
  t.equal((await putLifecycle(app, { policies: { 'snapshot.create': 'describes:2' } })).statusCode, 200)
  const counted = (await ok(t, app, 'CreateSnapshot', { diskId: DISK.spare, snapshotName: 'counted' })).snapshotId
  t.equal((await putLifecycle(app, { policies: { 'snapshot.create': 'after:1h' } })).statusCode, 200)
  const timed = (await ok(t, app, 'CreateSnapshot', { diskId: DISK.spare, snapshotName: 'timed' })).snapshotId
  // A page that shows both: only the describe-driven one counts it.
  const both = async () => Object.fromEntries((await ok(t, app, 'DescribeSnapshots', { snapshotIds: [counted, timed] })).dataSet.map((s: { snapshotId: string, status: string }) => [s.snapshotId, s.status]))
  t.same(await both(), { [counted]: 'CREATING', [timed]: 'CREATING' }, 'first describe')
  t.same(await both(), { [counted]: 'CREATING', [timed]: 'CREATING' }, 'second describe')
  t.same(await both(), { [counted]: 'AVAILABLE', [timed]: 'CREATING' }, 'ended by the request after its second describe; the timed one waits for its hour')
})

t.test('describes count per resource: describing other snapshots does not end one', async t => {
  const { app } = await build(t, { lifecycle: { 'snapshot.create': { kind: 'describes', count: 1 } } })
  const snapshotId = (await ok(t, app, 'CreateSnapshot', { diskId: DISK.spare, snapshotName: 'alone' })).snapshotId
  await ok(t, app, 'DescribeSnapshots', { diskIds: [DISK.webData] })
  await ok(t, app, 'DescribeSnapshots', { diskIds: [DISK.webData] })
  t.equal(await snapshotStatus(t, app, snapshotId), 'CREATING', 'shown once now')
  t.equal(await snapshotStatus(t, app, snapshotId), 'AVAILABLE')
})
