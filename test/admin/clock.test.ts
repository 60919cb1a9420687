import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { build, ok, T0 } from '../helper.js'

const move = (app: FastifyInstance, body: unknown) =>
  app.inject({ method: 'POST', url: '/_emulator/clock', payload: body as object })

t.test('GET shows the virtual now', async t => {
  const { app } = await build(t)
  const res = await app.inject({ method: 'GET', url: '/_emulator/clock' })
  t.equal(res.statusCode, 200)
  t.match(res.json(), { now: '2026-01-15T10:00:00.000Z', nowMs: T0, frozen: true })
})

t.test('set, advance, resume, freeze', async t => {
  const { app } = await build(t)
  t.match((await move(app, { action: 'set', to: '2026-03-01T00:00:00Z' })).json(), { now: '2026-03-01T00:00:00.000Z', frozen: true })
  t.match((await move(app, { action: 'set', to: '2026-03-01T08:00:00.250+08:00' })).json(), { now: '2026-03-01T00:00:00.250Z' })
  t.match((await move(app, { action: 'advance', by: 'P1DT2H' })).json(), { now: '2026-03-02T02:00:00.250Z' })
  const resumed = (await move(app, { action: 'resume' })).json()
  t.equal(resumed.frozen, false)
  t.ok(resumed.nowMs >= Date.UTC(2026, 2, 2, 2), 'real time flows on from the virtual instant')
  t.equal((await move(app, { action: 'freeze' })).json().frozen, true)
})

t.test('a disk with a 10-minute CREATING policy: still CREATING at 9 minutes, AVAILABLE at 11', async t => {
  const { app } = await build(t)
  const put = await app.inject({ method: 'PUT', url: '/_emulator/lifecycle', payload: { policies: { 'disk.create': 'after:10m' } } })
  t.equal(put.statusCode, 200)
  const { diskIds } = await ok(t, app, 'CreateDisks', { zoneId: 'asia-east-1a', diskName: 'slow', diskSize: 20 })
  const status = async () => (await ok(t, app, 'DescribeDisks', { diskIds })).dataSet[0].diskStatus
  t.equal(await status(), 'CREATING')
  t.equal((await move(app, { action: 'advance', by: 'PT9M' })).statusCode, 200)
  t.equal(await status(), 'CREATING', 'still CREATING after 9 minutes')
  t.equal((await move(app, { action: 'advance', by: 'PT2M' })).statusCode, 200)
  t.equal(await status(), 'AVAILABLE', 'AVAILABLE after 11 minutes')
})

t.test('bad input: the ZEC envelope with a 400 naming the field', async t => {
  const { app } = await build(t)
  const cases: [unknown, string, RegExp][] = [
    [{}, 'MISSING_PARAMETER', /`action`/],
    [{ action: 'rewind' }, 'INVALID_PARAMETER_VALUE', /`action`/],
    [{ action: 'set' }, 'MISSING_PARAMETER', /`to`/],
    [{ action: 'set', to: '2026-03-01' }, 'INVALID_PARAMETER_DATE_FORMAT_ERROR', /`to`/],
    [{ action: 'set', to: '2026-02-30T25:00:00Z' }, 'INVALID_PARAMETER_DATE_FORMAT_ERROR', /`to`/],
    [{ action: 'advance' }, 'MISSING_PARAMETER', /`by`/],
    [{ action: 'advance', by: '-PT5M' }, 'INVALID_PARAMETER_VALUE', /`by`/],
    [{ action: 'advance', by: 9 }, 'INVALID_PARAMETER_TYPE', /`by`/]
  ]
  for (const [body, code, message] of cases) {
    const res = await move(app, body)
    t.equal(res.statusCode, 400, JSON.stringify(body))
    t.match(res.json(), { code, message, requestId: /^T/ })
  }
  const junk = await app.inject({ method: 'POST', url: '/_emulator/clock', headers: { 'content-type': 'application/json' }, payload: '{nope' })
  t.match([junk.statusCode, junk.json().code], [400, 'INVALID_REQUEST_BODY'])
  t.equal((await app.inject({ method: 'GET', url: '/_emulator/clock' })).json().nowMs, T0, 'the clock did not move')
})

t.test('a clock move settles every account at once, without waiting for a ZEC request', async t => {
  const { app } = await build(t, { lifecycle: { 'snapshot.create': { kind: 'after', ms: 60_000 } } })
  const { snapshotId } = await ok(t, app, 'CreateSnapshot', { diskId: '1400000000000000003', snapshotName: 'settles' })
  t.equal(app.runtime.store.snapshots.findById(snapshotId)?.status, 'CREATING')
  await move(app, { action: 'advance', by: 'PT1M' })
  t.equal(app.runtime.store.snapshots.findById(snapshotId)?.status, 'AVAILABLE', 'stored state moved with the clock')
})

t.test('the clock stays within the years ZEC timestamps can show', async t => {
  const { app } = await build(t)
  for (const body of [{ action: 'advance', by: 'P99999999D' }, { action: 'set', to: '1969-12-31T23:59:59Z' }]) {
    const res = await move(app, body)
    t.equal(res.statusCode, 400, JSON.stringify(body))
    t.equal(res.json().code, 'INVALID_PARAMETER_VALUE')
  }
  t.match((await app.inject({ method: 'GET', url: '/_emulator/clock' })).json(), { nowMs: T0 }, 'a refused move changes nothing')
})
