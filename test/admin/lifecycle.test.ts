import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { TRANSITION_NAMES } from '../../src/domain/lifecycle.js'
import { build, DISK, ok } from '../helper.js'

const put = (app: FastifyInstance, body: unknown) => app.inject({ method: 'PUT', url: '/_emulator/lifecycle', payload: body as object })
const complete = (app: FastifyInstance, body: unknown) => app.inject({ method: 'POST', url: '/_emulator/lifecycle/complete', payload: body as object })
const statusOf = async (t: Parameters<typeof ok>[0], app: FastifyInstance, diskId: string) =>
  (await ok(t, app, 'DescribeDisks', { diskIds: [diskId] })).dataSet[0]?.diskStatus

t.test('GET shows every policy, what it governs and pending failures', async t => {
  const { app } = await build(t, { lifecycle: {} })
  const res = (await app.inject({ method: 'GET', url: '/_emulator/lifecycle' })).json()
  t.match(res.policies, { 'disk.create': 'after:5000ms', 'disk.attach': 'after:2000ms', 'snapshot.delete': 'after:2000ms' })
  t.equal(Object.keys(res.policies).length, TRANSITION_NAMES.length)
  t.equal(res.policies['disk.expire'], 'after:86400000ms', 'a released disk stays a day in the recycle bin')
  t.match(res.transitions['disk.recycle'], /ReleaseDisk/)
  t.same(res.failNext, {})
})

t.test('PUT sets policies and failure injections; they apply to transitions that start afterwards', async t => {
  const { app } = await build(t)
  const res = await put(app, { policies: { 'disk.create': 'describes:2', 'disk.attach': 'PT1M' }, failNext: { 'disk.create': 2 } })
  t.equal(res.statusCode, 200)
  t.match(res.json(), { policies: { 'disk.create': 'describes:2', 'disk.attach': 'after:60000ms' }, failNext: { 'disk.create': 2 } })
  const a = (await ok(t, app, 'CreateDisks', { zoneId: 'asia-east-1a', diskName: 'a', diskSize: 20 })).diskIds[0]
  t.same((await app.inject({ method: 'GET', url: '/_emulator/lifecycle' })).json().failNext, { 'disk.create': 1 }, 'one injection used')
  t.equal(await statusOf(t, app, a), 'CREATING')
  t.equal(await statusOf(t, app, a), 'CREATING')
  t.equal(await statusOf(t, app, a), 'FAILED', 'ends FAILED after two describes')
  t.equal((await put(app, { failNext: { 'disk.create': 0 } })).statusCode, 200)
  t.same((await app.inject({ method: 'GET', url: '/_emulator/lifecycle' })).json().failNext, {}, '0 clears it')
})

t.test('manual: pending until POST /_emulator/lifecycle/complete', async t => {
  const { app, clock } = await build(t)
  await put(app, { policies: { 'disk.create': 'manual', 'snapshot.create': 'manual' } })
  const diskId = (await ok(t, app, 'CreateDisks', { zoneId: 'asia-east-1a', diskName: 'm', diskSize: 20 })).diskIds[0]
  const { snapshotId } = await ok(t, app, 'CreateSnapshot', { diskId: DISK.spare, snapshotName: 'm-1' })
  clock.advance(365 * 86_400_000)
  t.equal(await statusOf(t, app, diskId), 'CREATING', 'a year later, still CREATING')
  const done = await complete(app, { resource: 'disk', id: diskId })
  t.same(done.json(), { resource: 'disk', id: diskId, transition: 'disk.create', status: 'AVAILABLE', gone: false })
  t.equal(await statusOf(t, app, diskId), 'AVAILABLE')
  t.match((await complete(app, { resource: 'snapshot', id: snapshotId })).json(), { status: 'AVAILABLE' })
  const again = await complete(app, { resource: 'disk', id: diskId })
  t.match([again.statusCode, again.json().code, again.json().message], [400, 'INVALID_PARAMETER_VALUE', /no pending transition/])
})

t.test('complete on a destroying disk reports it gone', async t => {
  const { app } = await build(t)
  await put(app, { policies: { 'disk.delete': 'manual' } })
  await ok(t, app, 'ReleaseDisk', { diskId: DISK.recycled })
  t.match((await complete(app, { resource: 'disk', id: DISK.recycled })).json(), { status: null, gone: true })
  t.equal(await statusOf(t, app, DISK.recycled), undefined)
})

t.test('bad input: 4xx envelope naming the field, nothing applied', async t => {
  const { app } = await build(t)
  const before = (await app.inject({ method: 'GET', url: '/_emulator/lifecycle' })).json()
  const cases: [unknown, string, RegExp][] = [
    [{ policies: { 'disk.create': 'after:10m', 'disk.explode': 'manual' } }, 'INVALID_PARAMETER_VALUE', /`policies.disk.explode`/],
    [{ policies: { 'disk.create': 'sometimes' } }, 'INVALID_PARAMETER_VALUE', /`policies.disk.create`/],
    [{ policies: { 'disk.create': 5 } }, 'INVALID_PARAMETER_TYPE', /`policies.disk.create`/],
    [{ failNext: { 'disk.create': -1 } }, 'INVALID_PARAMETER_LESS_MINIMUM', /`failNext.disk.create`/],
    [{ failNext: { nope: 1 } }, 'INVALID_PARAMETER_VALUE', /`failNext.nope`/]
  ]
  for (const [body, code, message] of cases) {
    const res = await put(app, body)
    t.equal(res.statusCode, 400)
    t.match(res.json(), { code, message, requestId: /^T/ })
  }
  t.same((await app.inject({ method: 'GET', url: '/_emulator/lifecycle' })).json(), before, 'no partial write')
  const missing = await complete(app, { resource: 'disk', id: '1999999999999999999' })
  t.match([missing.statusCode, missing.json().code], [404, 'INVALID_DISK_NOT_FOUND'])
  const noSnap = await complete(app, { resource: 'snapshot', id: '1999999999999999999' })
  t.match([noSnap.statusCode, noSnap.json().code], [404, 'INVALID_DISK_SNAPSHOT_NOT_FOUND'])
  const kind = await complete(app, { resource: 'volume', id: DISK.spare })
  t.match([kind.statusCode, kind.json().code], [400, 'INVALID_PARAMETER_VALUE'])
})
