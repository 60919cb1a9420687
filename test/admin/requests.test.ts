import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { accountOfNewToken } from '../../src/protocol/auth.js'
import { computeSignature } from '../../src/protocol/signature.js'
import { build, call, DISK, fails, ok, T0 } from '../helper.js'

const journal = async (app: FastifyInstance, query = ''): Promise<Record<string, any>[]> => {
  const res = await app.inject({ method: 'GET', url: `/_emulator/requests${query}` })
  if (res.statusCode !== 200) throw new Error(`GET /_emulator/requests${query} → ${res.statusCode} ${res.body}`)
  return res.json().requests
}

t.test('each call is an entry: times, account, key, action, version, status, code, duration, bodies', async t => {
  const { app } = await build(t)
  const res = await call(app, 'DescribeDisks', { diskIds: [DISK.spare] }, { version: '2024-04-01' })
  const failed = await fails(t, app, 'CreateSnapshot', { diskId: '1999999999999999999', snapshotName: 'nowhere' }, 404, 'INVALID_DISK_NOT_FOUND')
  const [second, first] = await journal(app)
  t.match(first, {
    id: res.body.requestId,
    virtualTime: new Date(T0).toISOString(),
    account: 'demo',
    accessKeyId: null,
    service: 'zec',
    action: 'DescribeDisks',
    version: '2024-04-01',
    status: 200,
    code: null,
    fault: null,
    request: JSON.stringify({ diskIds: [DISK.spare] }),
    truncated: { request: false, response: false }
  })
  t.same(JSON.parse(first.response), res.body, 'the response body as sent')
  t.ok(Math.abs(Date.parse(first.time) - Date.now()) < 60_000, 'real time, not the frozen virtual clock')
  t.ok(typeof first.durationMs === 'number' && first.durationMs >= 0)
  t.match(second, { id: failed.requestId, action: 'CreateSnapshot', version: '2025-09-01', status: 404, code: 'INVALID_DISK_NOT_FOUND' })
  t.same(JSON.parse(second.response), failed)
})

t.test('newest first; filters by action, account, status; limit', async t => {
  const { app } = await build(t)
  await ok(t, app, 'DescribeZones')
  await ok(t, app, 'DescribeDisks', {}, { headers: { authorization: 'Bearer someone-else' } })
  await fails(t, app, 'DescribeSnapshots', { pageSize: 'x' }, 400, 'INVALID_PARAMETER_TYPE')
  await ok(t, app, 'DescribeZones')
  t.same((await journal(app)).map(e => e.action), ['DescribeZones', 'DescribeSnapshots', 'DescribeDisks', 'DescribeZones'])
  t.same((await journal(app, '?action=DescribeZones')).length, 2)
  t.same((await journal(app, `?account=${accountOfNewToken('someone-else')}`)).map(e => e.action), ['DescribeDisks'])
  t.same((await journal(app, '?status=400')).map(e => e.code), ['INVALID_PARAMETER_TYPE'])
  t.same((await journal(app, '?status=200&action=DescribeZones&limit=1')).length, 1)
  t.same((await journal(app, '?limit=2')).map(e => e.action), ['DescribeZones', 'DescribeSnapshots'])
  t.same((await journal(app, '?limit=5000')).length, 4, 'a limit above the journal size gives what it has')
  t.same(await journal(app, '?action=Nothing'), [])
})

t.test('bad queries: the envelope naming the field', async t => {
  const { app } = await build(t)
  for (const [query, code] of [['?limit=0', 'INVALID_PARAMETER_LESS_MINIMUM'], ['?limit=ten', 'INVALID_PARAMETER_TYPE'], ['?status=abc', 'INVALID_PARAMETER_TYPE'], ['?status=600', 'INVALID_PARAMETER_EXCEED_MAXIMUM'], ['?action=', 'INVALID_PARAMETER_LESS_LENGTH']]) {
    const res = await app.inject({ method: 'GET', url: `/_emulator/requests${query}` })
    t.equal(res.statusCode, 400, query)
    const field = query.slice(1).split('=')[0]
    t.match(res.json(), { code, message: new RegExp(`\`${field}\``), requestId: /^T/ }, query)
  }
})

t.test('DELETE clears and says how many', async t => {
  const { app } = await build(t)
  await ok(t, app, 'DescribeZones')
  await ok(t, app, 'DescribeZones')
  const res = await app.inject({ method: 'DELETE', url: '/_emulator/requests' })
  t.same([res.statusCode, res.json()], [200, { cleared: 2 }])
  t.same(await journal(app), [])
  t.same((await app.inject({ method: 'DELETE', url: '/_emulator/requests' })).json(), { cleared: 0 })
})

t.test('never a password, a secret, a token, the Authorization header or a signature', async t => {
  const { app } = await build(t)
  const body = JSON.stringify({ zoneIds: ['asia-east-1a'], password: 'hunter2-pw', instance: { loginSecret: 'hunter2-secret' }, keys: [{ apiToken: 'hunter2-token' }] })
  const timestamp = String(Math.floor(Date.now() / 1000))
  const signature = computeSignature('zec-emulator-demo-password', timestamp, 'application/json', 'localhost:80', body)
  await ok(t, app, 'DescribeZones', body, { headers: { 'x-zc-timestamp': timestamp, authorization: `ZC2-HMAC-SHA256 Credential=ZEC-EMULATOR-DEMO-KEY, SignedHeaders=content-type;host, Signature=${signature}` } })
  await ok(t, app, 'DescribeZones', {}, { headers: { authorization: 'Bearer zec-emulator-demo-token' } })
  await fails(t, app, 'DescribeZones', '{"password": "hunter2-broken", ', 400, 'INVALID_REQUEST_BODY')
  const entries = await journal(app)
  const text = JSON.stringify(entries)
  t.notMatch(text, /hunter2/, 'no secret value anywhere')
  t.notMatch(text, new RegExp(signature), 'no signature')
  t.notMatch(text, /zec-emulator-demo-(token|password)/, 'no token, no key password')
  t.notMatch(text, /ZC2-HMAC|Bearer/, 'no Authorization header')
  const signed = entries[2]
  t.equal(signed.accessKeyId, 'ZEC-EMULATOR-DEMO-KEY', 'the access key id is kept')
  t.same(JSON.parse(signed.request), { zoneIds: ['asia-east-1a'], password: '[redacted]', instance: { loginSecret: '[redacted]' }, keys: [{ apiToken: '[redacted]' }] })
  t.match(entries[1], { accessKeyId: null, account: 'demo' })
})

t.test('bounded: after 3× the journal size it holds the journal size, each body cut at the cap', async t => {
  const { app } = await build(t, { journalSize: 20, journalBodyLimit: 100 })
  const big = { zoneIds: Array.from({ length: 50 }, (_, i) => `zone-${i}`) }
  const ids: string[] = []
  for (let i = 0; i < 60; i++) ids.push((await call(app, 'DescribeZones', big)).body.requestId as string)
  t.equal(app.runtime.journal?.length, 20)
  const entries = await journal(app, '?limit=1000')
  t.equal(entries.length, 20)
  t.same(entries.map(e => e.id), ids.slice(40).reverse(), 'the newest 20, newest first')
  for (const entry of entries) {
    t.ok(Buffer.byteLength(entry.request) <= 100 && Buffer.byteLength(entry.response) <= 100)
    t.same(entry.truncated, { request: true, response: true })
  }
  t.equal(entries[0].request, JSON.stringify(big).slice(0, 100), 'cut, not rewritten')
})

t.test('faulted calls are journaled with their fault; a dropped one with status 0', async t => {
  const { app } = await build(t)
  await app.inject({ method: 'POST', url: '/_emulator/faults', payload: { action: 'DescribeZones', throttle: true, times: 1 } })
  await app.inject({ method: 'POST', url: '/_emulator/faults', payload: { action: 'DescribeDisks', drop: true, times: 1 } })
  await app.inject({ method: 'POST', url: '/_emulator/faults', payload: { action: 'DescribeSnapshots', latencyMs: 1, times: 1 } })
  await fails(t, app, 'DescribeZones', {}, 429, 'REQUEST_LIMIT_EXCEEDED')
  await t.rejects(call(app, 'DescribeDisks', { diskIds: [DISK.spare] }))
  await ok(t, app, 'DescribeSnapshots')
  const [latency, dropped, throttled] = await journal(app)
  t.match(throttled, { action: 'DescribeZones', status: 429, code: 'REQUEST_LIMIT_EXCEEDED', fault: 'fault-1', account: 'demo' })
  t.match(dropped, { action: 'DescribeDisks', status: 0, code: null, fault: 'fault-2', response: '', request: JSON.stringify({ diskIds: [DISK.spare] }) })
  t.match(latency, { action: 'DescribeSnapshots', status: 200, fault: 'fault-3' })
})

t.test('virtual time follows the virtual clock', async t => {
  const { app } = await build(t)
  await ok(t, app, 'DescribeZones')
  await app.inject({ method: 'POST', url: '/_emulator/clock', payload: { action: 'advance', by: 'P1D' } })
  await ok(t, app, 'DescribeZones')
  t.same((await journal(app)).map(e => e.virtualTime), ['2026-01-16T10:00:00.000Z', '2026-01-15T10:00:00.000Z'])
})

t.test('admin calls are not journaled', async t => {
  const { app } = await build(t)
  await app.inject({ method: 'GET', url: '/_emulator/clock' })
  await app.inject({ method: 'GET', url: '/_emulator/health' })
  t.same(await journal(app), [])
})

t.test('--journal-size 0 turns it off: an empty list', async t => {
  const { app } = await build(t, { journalSize: 0 })
  t.equal(app.runtime.journal, null)
  await ok(t, app, 'DescribeZones')
  t.same(await journal(app), [])
  t.same((await app.inject({ method: 'DELETE', url: '/_emulator/requests' })).json(), { cleared: 0 })
})

t.test('the journal routes are in the OpenAPI document', async t => {
  const { app } = await build(t)
  const doc = (await app.inject({ method: 'GET', url: '/_emulator/openapi.json' })).json()
  t.ok(doc.paths['/_emulator/requests'].get.parameters.some((p: { name: string }) => p.name === 'limit'))
  t.ok(doc.paths['/_emulator/requests'].delete)
})
