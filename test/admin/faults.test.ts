import t, { type Test } from 'tap'
import { request as httpRequest } from 'node:http'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../src/app.js'
import { makeConfig } from '../../src/config.js'
import { startEmulator } from '../../src/index.js'
import { build, call, DISK, fails, ok, T0 } from '../helper.js'

const addRule = (app: FastifyInstance, rule: unknown) => app.inject({ method: 'POST', url: '/_emulator/faults', payload: rule as object })

async function added (t: Test, app: FastifyInstance, rule: unknown): Promise<Record<string, any>> {
  const res = await addRule(app, rule)
  t.equal(res.statusCode, 201, `rule ${JSON.stringify(rule)} added`)
  return res.json()
}

const rules = async (app: FastifyInstance): Promise<Record<string, any>[]> => (await app.inject({ method: 'GET', url: '/_emulator/faults' })).json().faults

const hmac = (accessKeyId: string) => ({ authorization: `ZC2-HMAC-SHA256 Credential=${accessKeyId}, SignedHeaders=content-type;host, Signature=00` })
const BEARER = { authorization: 'Bearer zec-emulator-demo-token' }

t.test('POST adds a rule (201, its view); GET lists it; DELETE one, then all', async t => {
  const { app } = await build(t)
  const rule = await added(t, app, { action: 'CreateSnapshot', resourceId: DISK.spare, probability: 0.25, times: 3, expiresAt: '2026-01-16T00:00:00+08:00', error: { status: 503, code: 'SERVICE_TEMPORARY_UNAVAILABLE' } })
  t.same(rule, {
    id: 'fault-1',
    action: 'CreateSnapshot',
    resourceId: DISK.spare,
    probability: 0.25,
    times: 3,
    timesLeft: 3,
    expiresAt: '2026-01-15T16:00:00.000Z',
    error: { status: 503, code: 'SERVICE_TEMPORARY_UNAVAILABLE' },
    matched: 0,
    hits: 0,
    active: true,
    createdAt: new Date(T0).toISOString()
  })
  const second = await added(t, app, { throttle: true })
  t.match(second, { id: 'fault-2', probability: 1, throttle: true, hits: 0 })
  t.notOk('times' in second || 'action' in second, 'absent fields stay absent')
  t.same((await rules(app)).map(r => r.id), ['fault-1', 'fault-2'])

  const gone = await app.inject({ method: 'DELETE', url: '/_emulator/faults/fault-1' })
  t.same([gone.statusCode, gone.json()], [200, { deleted: 'fault-1' }])
  const again = await app.inject({ method: 'DELETE', url: '/_emulator/faults/fault-1' })
  t.equal(again.statusCode, 404)
  t.match(again.json(), { code: 'INVALID_FAULT_RULE_NOT_FOUND', message: /`fault-1`/, requestId: /^T/ })
  await added(t, app, { drop: true })
  const all = await app.inject({ method: 'DELETE', url: '/_emulator/faults' })
  t.same([all.statusCode, all.json()], [200, { deleted: 2 }])
  t.same(await rules(app), [])
  t.same((await app.inject({ method: 'DELETE', url: '/_emulator/faults' })).json(), { deleted: 0 })
})

t.test('bad rules: the envelope with a 4xx naming the field, and no rule added', async t => {
  const { app } = await build(t)
  const cases: [unknown, string, RegExp][] = [
    [{}, 'MISSING_PARAMETER', /one effect/],
    [{ action: 'DescribeZones' }, 'MISSING_PARAMETER', /one effect/],
    [{ throttle: true, drop: true }, 'INVALID_PARAMETER_VALUE', /`throttle` and `drop`/],
    [{ error: { status: 400, code: 'X' }, latencyMs: 5 }, 'INVALID_PARAMETER_VALUE', /`error` and `latencyMs`/],
    [{ error: { status: 399, code: 'X' } }, 'INVALID_PARAMETER_LESS_MINIMUM', /`error.status`/],
    [{ error: { status: 600, code: 'X' } }, 'INVALID_PARAMETER_EXCEED_MAXIMUM', /`error.status`/],
    [{ error: { status: 450.5, code: 'X' } }, 'INVALID_PARAMETER_TYPE', /`error.status`/],
    [{ error: { status: 400, code: '' } }, 'INVALID_PARAMETER_LESS_LENGTH', /`error.code`/],
    [{ error: { status: 400 } }, 'MISSING_PARAMETER', /`error.code`/],
    [{ error: { code: 'X' } }, 'MISSING_PARAMETER', /`error.status`/],
    [{ throttle: true, probability: 1.5 }, 'INVALID_PARAMETER_EXCEED_MAXIMUM', /`probability`/],
    [{ throttle: true, probability: -0.1 }, 'INVALID_PARAMETER_LESS_MINIMUM', /`probability`/],
    [{ throttle: true, times: 0 }, 'INVALID_PARAMETER_LESS_MINIMUM', /`times`/],
    [{ throttle: true, times: 1.5 }, 'INVALID_PARAMETER_TYPE', /`times`/],
    [{ throttle: true, expiresAt: 'tomorrow' }, 'INVALID_PARAMETER_DATE_FORMAT_ERROR', /`expiresAt`/],
    [{ throttle: true, expiresAt: '2026-01-16' }, 'INVALID_PARAMETER_DATE_FORMAT_ERROR', /`expiresAt`/],
    [{ throttle: false }, 'INVALID_PARAMETER_VALUE', /`throttle`/],
    [{ drop: 'yes' }, 'INVALID_PARAMETER_TYPE', /`drop` must be a boolean/],
    [{ latencyMs: -1 }, 'INVALID_PARAMETER_VALUE', /`latencyMs`/],
    [{ latencyMs: 60_001 }, 'INVALID_PARAMETER_VALUE', /`latencyMs`/],
    [{ latencyMs: { min: 10 } }, 'INVALID_PARAMETER_VALUE', /`latencyMs`/],
    [{ latencyMs: { min: 20, max: 10 } }, 'INVALID_PARAMETER_VALUE', /`latencyMs.max`/],
    [{ throttle: true, action: '' }, 'INVALID_PARAMETER_LESS_LENGTH', /`action`/],
    [{ throttle: true, resourceID: DISK.spare }, 'INVALID_PARAMETER_VALUE', /`resourceID`/]
  ]
  for (const [body, code, message] of cases) {
    const res = await addRule(app, body)
    t.equal(res.statusCode, 400, JSON.stringify(body))
    t.match(res.json(), { code, message, requestId: /^T/ }, JSON.stringify(body))
  }
  const junk = await app.inject({ method: 'POST', url: '/_emulator/faults', headers: { 'content-type': 'application/json' }, payload: '{nope' })
  t.match([junk.statusCode, junk.json().code], [400, 'INVALID_REQUEST_BODY'])
  t.same(await rules(app), [], 'nothing was added')
  t.equal((await call(app, 'DescribeZones')).status, 200)
})

t.test('the error effect answers its status and code in the ZEC envelope; the message names the rule unless given', async t => {
  const { app } = await build(t)
  await added(t, app, { action: 'DescribeZones', error: { status: 503, code: 'SERVICE_TEMPORARY_UNAVAILABLE' } })
  const body = await fails(t, app, 'DescribeZones', {}, 503, 'SERVICE_TEMPORARY_UNAVAILABLE')
  t.match(body.message, /fault-1/)
  await added(t, app, { action: 'DescribeDisks', error: { status: 400, code: 'INVALID_DISK_NOT_FOUND', message: 'gone fishing' } })
  t.equal((await fails(t, app, 'DescribeDisks', {}, 400, 'INVALID_DISK_NOT_FOUND')).message, 'gone fishing')
})

t.test('throttle: 429 REQUEST_LIMIT_EXCEEDED; with times 2 only the next two calls', async t => {
  const { app } = await build(t)
  await added(t, app, { action: 'DescribeZones', throttle: true, times: 2 })
  await fails(t, app, 'DescribeZones', {}, 429, 'REQUEST_LIMIT_EXCEEDED')
  await fails(t, app, 'DescribeZones', {}, 429, 'REQUEST_LIMIT_EXCEEDED')
  await ok(t, app, 'DescribeZones')
  t.match(await rules(app), [{ id: 'fault-1', times: 2, timesLeft: 0, hits: 2, matched: 2, active: false }])
})

t.test('the web console\'s own calls pass every rule and use none of its times', async t => {
  const { app } = await build(t)
  await added(t, app, { throttle: true, times: 1 })
  await ok(t, app, 'DescribeDisks', {}, { headers: { 'x-zc-emulator-client': 'console' } })
  t.match(await rules(app), [{ timesLeft: 1, hits: 0 }], 'the console polled without touching the rule')
  await fails(t, app, 'DescribeDisks', {}, 429, 'REQUEST_LIMIT_EXCEEDED')
})

t.test('latency: a fixed wait or a range, then the normal answer', async t => {
  const { app } = await build(t)
  await added(t, app, { action: 'DescribeZones', latencyMs: 5 })
  await added(t, app, { action: 'DescribeDisks', latencyMs: { min: 1, max: 3 } })
  const zones = await ok(t, app, 'DescribeZones')
  t.ok(zones.zoneSet.length > 0, 'the answer is the real one')
  const disks = await ok(t, app, 'DescribeDisks', { diskIds: [DISK.spare] })
  t.equal(disks.totalCount, 1)
  t.match(await rules(app), [{ id: 'fault-1', hits: 1 }, { id: 'fault-2', hits: 1, latencyMs: { min: 1, max: 3 } }])
})

t.test('drop with app.inject: no answer at all (the injected request fails)', async t => {
  const { app } = await build(t)
  await added(t, app, { action: 'DescribeZones', drop: true })
  await t.rejects(call(app, 'DescribeZones'), /destroyed/)
  t.match(await rules(app), [{ hits: 1 }])
  await ok(t, app, 'DescribeDisks', {}, {})
})

t.test('drop over a real server: the socket closes with no response', async t => {
  const emulator = await startEmulator({ port: 0 })
  t.teardown(() => emulator.close())
  t.match(await emulator.faults.add({ action: 'DescribeZones', drop: true, times: 1 }), { drop: true, times: 1 })
  const port = Number(new URL(emulator.url).port)
  const send = () => new Promise<{ status?: number, error?: string }>(resolve => {
    const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/api/v2/zec', headers: { 'content-type': 'application/json', 'x-zc-action': 'DescribeZones' } })
    req.on('response', res => { res.resume(); resolve({ status: res.statusCode }) })
    req.on('error', error => resolve({ error: (error as NodeJS.ErrnoException).code }))
    req.end('{}')
  })
  t.same(await send(), { error: 'ECONNRESET' }, 'the connection ended with no answer')
  t.same(await send(), { status: 200 }, 'times 1: the next call is answered')
  t.match(await emulator.faults.list(), [{ hits: 1 }])
})

t.test('probability 0 never fires (matches are still counted); 1 always does', async t => {
  const { app } = await build(t)
  await added(t, app, { action: 'DescribeZones', probability: 0, throttle: true })
  await added(t, app, { action: 'DescribeDisks', probability: 1, throttle: true })
  for (let i = 0; i < 10; i++) {
    t.equal((await call(app, 'DescribeZones')).status, 200)
    t.equal((await call(app, 'DescribeDisks')).status, 429)
  }
  t.match(await rules(app), [{ matched: 10, hits: 0 }, { matched: 10, hits: 10 }])
})

t.test('probability 0.5: the same seed gives the same sequence of hits, another seed another', async t => {
  const sequence = async (seed: number) => {
    const app = await buildApp(makeConfig({ seed }), { clockAt: T0 })
    t.teardown(() => app.close())
    await added(t, app, { action: 'DescribeZones', probability: 0.5, throttle: true })
    let pattern = ''
    for (let i = 0; i < 24; i++) pattern += (await call(app, 'DescribeZones')).status === 429 ? 'x' : '.'
    const [rule] = await rules(app)
    t.equal(rule.matched, 24)
    t.equal(rule.hits, pattern.split('x').length - 1, 'hits count the faulted calls')
    return pattern
  }
  const first = await sequence(1)
  t.match(first, /x/, `some calls are faulted: ${first}`)
  t.match(first, /\./, 'and some are not')
  t.equal(await sequence(1), first, 'same seed, same sequence')
  t.not(await sequence(2), first, 'another seed, another sequence')
})

t.test('expiry is on the virtual clock: advanced past expiresAt, the rule no longer fires', async t => {
  const { app } = await build(t)
  await added(t, app, { action: 'DescribeZones', throttle: true, expiresAt: '2026-01-15T11:00:00Z' })
  await fails(t, app, 'DescribeZones', {}, 429, 'REQUEST_LIMIT_EXCEEDED')
  const moved = await app.inject({ method: 'POST', url: '/_emulator/clock', payload: { action: 'advance', by: 'PT1H' } })
  t.equal(moved.statusCode, 200)
  await ok(t, app, 'DescribeZones')
  t.match(await rules(app), [{ hits: 1, matched: 1, active: false, expiresAt: '2026-01-15T11:00:00.000Z' }])
})

t.test('matching by action, account, access key id and resource id', async t => {
  const { app } = await build(t)
  await added(t, app, { action: 'CreateSnapshot', error: { status: 400, code: 'BY_ACTION' } })
  await added(t, app, { account: 'key:OTHER', error: { status: 400, code: 'BY_ACCOUNT' } })
  await added(t, app, { accessKeyId: 'ZEC-EMULATOR-DEMO-KEY', error: { status: 400, code: 'BY_KEY' } })
  await added(t, app, { resourceId: DISK.webData, error: { status: 400, code: 'BY_RESOURCE' } })

  await fails(t, app, 'CreateSnapshot', { diskId: DISK.spare, snapshotName: 'x' }, 400, 'BY_ACTION')
  await fails(t, app, 'DescribeZones', {}, 400, 'BY_ACCOUNT', { headers: hmac('OTHER') })
  t.notOk(app.runtime.store.accounts.exists('key:OTHER'), 'the faulted call did not even create the new key\'s account')
  await fails(t, app, 'DescribeZones', {}, 400, 'BY_KEY', { headers: hmac('ZEC-EMULATOR-DEMO-KEY') })
  await ok(t, app, 'DescribeZones', {}, { headers: BEARER })
  await ok(t, app, 'DescribeZones', {}, { headers: hmac('THIRD') })
  await fails(t, app, 'DescribeDisks', { diskIds: [DISK.spare, DISK.webData] }, 400, 'BY_RESOURCE')
  await fails(t, app, 'ModifyDisksAttributes', { diskIds: [DISK.webData], diskName: 'x' }, 400, 'BY_RESOURCE')
  await ok(t, app, 'DescribeDisks', { diskIds: [DISK.spare] })
  t.same((await rules(app)).map(r => r.hits), [1, 1, 1, 2])
})

t.test('an account rule matches a bearer token\'s account, and the account an unknown key gets', async t => {
  const { app } = await build(t)
  await added(t, app, { account: 'demo', throttle: true })
  await fails(t, app, 'DescribeZones', {}, 429, 'REQUEST_LIMIT_EXCEEDED', { headers: BEARER })
  await fails(t, app, 'DescribeZones', {}, 429, 'REQUEST_LIMIT_EXCEEDED', { headers: hmac('ZEC-EMULATOR-DEMO-KEY') })
  await fails(t, app, 'DescribeZones', {}, 429, 'REQUEST_LIMIT_EXCEEDED')
  await ok(t, app, 'DescribeZones', {}, { headers: hmac('NEWCOMER') })
})

t.test('a faulted CreateSnapshot changes no state', async t => {
  const { app } = await build(t)
  const before = await ok(t, app, 'DescribeSnapshots', { pageSize: 100 })
  const disksBefore = await ok(t, app, 'DescribeDisks', { diskIds: [DISK.spare] })
  await added(t, app, { action: 'CreateSnapshot', error: { status: 500, code: 'INTERNAL_SERVER_ERROR' }, times: 1 })
  await fails(t, app, 'CreateSnapshot', { diskId: DISK.spare, snapshotName: 'never' }, 500, 'INTERNAL_SERVER_ERROR')
  const after = await ok(t, app, 'DescribeSnapshots', { pageSize: 100 })
  const disksAfter = await ok(t, app, 'DescribeDisks', { diskIds: [DISK.spare] })
  t.same({ ...after, requestId: '' }, { ...before, requestId: '' }, 'DescribeSnapshots is identical')
  t.same({ ...disksAfter, requestId: '' }, { ...disksBefore, requestId: '' }, 'the disk is untouched')
  const created = await ok(t, app, 'CreateSnapshot', { diskId: DISK.spare, snapshotName: 'now' })
  t.equal((await ok(t, app, 'DescribeSnapshots', { snapshotIds: [created.snapshotId] })).totalCount, 1, 'once the rule is spent the call runs')
})

t.test('rules for other actions leave a call alone and count nothing', async t => {
  const { app } = await build(t)
  await added(t, app, { action: 'CreateSnapshot', throttle: true })
  await ok(t, app, 'DescribeZones')
  t.match(await rules(app), [{ matched: 0, hits: 0, active: true }])
})

t.test('rules and their counts survive a restart with a --db file', async t => {
  const db = join(t.testdir({}), 'zec.db')
  const first = await buildApp(makeConfig({ db }), { clockAt: T0 })
  await added(t, first, { action: 'DescribeZones', throttle: true, times: 2 })
  t.equal((await call(first, 'DescribeZones')).status, 429)
  await first.close()

  const second = await buildApp(makeConfig({ db }), { clockAt: T0 })
  t.teardown(() => second.close())
  t.match(await rules(second), [{ id: 'fault-1', hits: 1, timesLeft: 1, active: true }])
  t.equal((await call(second, 'DescribeZones')).status, 429, 'the rule still fires')
  t.equal((await call(second, 'DescribeZones')).status, 200, 'and is spent after its second hit')
})

t.test('the fault routes are in the OpenAPI document', async t => {
  const { app } = await build(t)
  const doc = (await app.inject({ method: 'GET', url: '/_emulator/openapi.json' })).json()
  t.ok(doc.paths['/_emulator/faults'].post.requestBody, 'POST has its body schema')
  t.ok(doc.paths['/_emulator/faults'].get)
  t.ok(doc.paths['/_emulator/faults'].delete)
  t.ok(doc.paths['/_emulator/faults/{id}'].delete)
})

t.test('a checkpoint holds the rules and their counts; a full reset forgets them', async t => {
  const { app } = await build(t)
  await added(t, app, { action: 'DescribeZones', throttle: true, times: 3 })
  t.equal((await call(app, 'DescribeZones')).status, 429)
  const saved = await app.inject({ method: 'POST', url: '/_emulator/state/checkpoints', payload: { name: 'one-hit' } })
  t.equal(saved.statusCode, 200)
  t.equal((await call(app, 'DescribeZones')).status, 429)
  await added(t, app, { drop: true, action: 'DescribeDisks' })
  const restored = await app.inject({ method: 'POST', url: '/_emulator/state/checkpoints/one-hit/restore' })
  t.equal(restored.statusCode, 200)
  t.match(await rules(app), [{ id: 'fault-1', hits: 1, timesLeft: 2 }], 'back to one hit, and no drop rule')
  t.equal((await rules(app)).length, 1)
  t.equal((await call(app, 'DescribeZones')).status, 429, 'the door reads the restored rules')
  await ok(t, app, 'DescribeDisks')

  const reset = await app.inject({ method: 'POST', url: '/_emulator/reset', payload: {} })
  t.equal(reset.statusCode, 200)
  t.same(await rules(app), [])
  await ok(t, app, 'DescribeZones')
})
