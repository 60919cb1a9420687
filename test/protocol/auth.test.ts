import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { computeSignature } from '../../src/protocol/signature.js'
import { build, DISK } from '../helper.js'

const KEY = 'ZEC-EMULATOR-DEMO-KEY'
const PASSWORD = 'zec-emulator-demo-password'

interface Signed { sent?: string, key?: string, password?: string, timestamp?: number, body?: string, contentType?: string, host?: string, action?: string }

/** Sends a request signed the way the official SDKs sign. */
async function signed (app: FastifyInstance, o: Signed = {}) {
  const body = o.body ?? '{"pageSize": 1}'
  const contentType = o.contentType ?? 'application/json'
  const host = o.host ?? '127.0.0.1:8790'
  const timestamp = String(o.timestamp ?? Math.floor(Date.now() / 1000))
  const signature = computeSignature(o.password ?? PASSWORD, timestamp, contentType, host, body)
  return app.inject({
    method: 'POST',
    url: '/api/v2/zec',
    headers: {
      'content-type': contentType,
      host,
      'x-zc-action': o.action ?? 'DescribeDisks',
      'x-zc-version': '2025-09-01',
      'x-zc-timestamp': timestamp,
      'x-zc-signature-method': 'ZC2-HMAC-SHA256',
      authorization: `ZC2-HMAC-SHA256 Credential=${o.key ?? KEY}, SignedHeaders=content-type;host, Signature=${signature}`
    },
    payload: o.sent ?? body
  })
}

t.test('strict: a correctly signed request passes, with raw bytes and either content type', async t => {
  const { app } = await build(t, { auth: 'strict' })
  t.equal((await signed(app)).statusCode, 200)
  t.equal((await signed(app, { contentType: 'application/json; charset=utf-8', body: '{"pageSize":1}' })).statusCode, 200)
  t.equal((await signed(app, { host: 'http://127.0.0.1:8790' })).statusCode, 200, 'the Host value as sent is what counts')
})

t.test('strict: every failure is a 401 with its code', async t => {
  const { app } = await build(t, { auth: 'strict' })
  const cases: [Signed, string][] = [
    [{ password: 'wrong' }, 'AUTHFAILURE_SIGNATURE_FAILURE'],
    [{ key: 'UNKNOWN-KEY' }, 'AUTHFAILURE_INVALID_AUTHORIZATION'],
    // Real time moves on while the cases run (a loaded machine can take seconds): a margin past 300 s.
    [{ timestamp: Math.floor(Date.now() / 1000) - 330 }, 'AUTHFAILURE_SIGNATURE_EXPIRED'],
    [{ timestamp: Math.floor(Date.now() / 1000) + 330 }, 'AUTHFAILURE_SIGNATURE_EXPIRED']
  ]
  for (const [options, code] of cases) {
    const res = await signed(app, options)
    t.equal(res.statusCode, 401, code)
    t.equal(res.json().code, code)
  }
  const ok = await signed(app, { timestamp: Math.floor(Date.now() / 1000) - 290 })
  t.equal(ok.statusCode, 200, 'within five minutes passes')

  const tampered = await signed(app, { body: '{"pageSize": 1}', sent: '{"pageSize": 2}' })
  t.equal(tampered.json().code, 'AUTHFAILURE_SIGNATURE_FAILURE', 'a changed body breaks the signature')

  for (const authorization of [undefined, 'Basic abc', 'ZC2-HMAC-SHA256 Credential=x']) {
    const res = await app.inject({ method: 'POST', url: '/api/v2/zec', headers: { 'content-type': 'application/json', 'x-zc-action': 'DescribeZones', ...(authorization === undefined ? {} : { authorization }) }, payload: '{}' })
    t.equal(res.statusCode, 401)
    t.equal(res.json().code, 'AUTHFAILURE_INVALID_AUTHORIZATION')
  }
})

t.test('strict: the virtual clock does not move signature time', async t => {
  const { app, clock } = await build(t, { auth: 'strict' })
  clock.advance(365 * 86_400_000)
  t.equal((await signed(app)).statusCode, 200)
})

t.test('strict: bearer tokens', async t => {
  const { app } = await build(t, { auth: 'strict' })
  const send = (token: string) => app.inject({ method: 'POST', url: '/api/v2/zec', headers: { 'content-type': 'application/json', 'x-zc-action': 'DescribeZones', authorization: `Bearer ${token}` }, payload: '{}' })
  t.equal((await send('zec-emulator-demo-token')).statusCode, 200)
  const bad = await send('nope')
  t.equal(bad.statusCode, 401)
  t.equal(bad.json().code, 'AUTHFAILURE_INVALID_AUTHORIZATION')
})

t.test('loose: verifies, accepts, and says what would have failed', async t => {
  const { app } = await build(t, { auth: 'loose' })
  const res = await signed(app, { password: 'wrong' })
  t.equal(res.statusCode, 200)
  t.match(res.headers['x-zc-emulator-auth-warning'], /^AUTHFAILURE_SIGNATURE_FAILURE/)
  t.notOk((await signed(app)).headers['x-zc-emulator-auth-warning'], 'no warning when all is right')
})

t.test('off: anything goes; each unknown key gets its own account seeded from the fixtures', async t => {
  const { app } = await build(t)
  const describe = (key: string) => signed(app, { key, password: 'whatever', body: '{}' })
  const create = (key: string, diskId: string) => signed(app, { key, password: 'x', action: 'CreateSnapshot', body: JSON.stringify({ diskId, snapshotName: 'mine' }) })

  const a = (await describe('SUITE-A')).json().response
  const b = (await describe('SUITE-B')).json().response
  t.equal(a.totalCount, 13, 'a new account starts from the fixtures')
  t.equal(b.totalCount, 13)
  const aIds = a.dataSet.map((d: any) => d.diskId)
  const bIds = b.dataSet.map((d: any) => d.diskId)
  t.equal(aIds.filter((id: string) => bIds.includes(id)).length, 0, 'resource ids stay globally unique')
  t.notOk(aIds.includes(DISK.spare), 'fixture ids are remapped for non-demo accounts')

  const spareOfA = a.dataSet.find((d: any) => d.diskName === 'spare-data').diskId
  t.equal((await create('SUITE-A', spareOfA)).statusCode, 200)
  t.equal((await create('SUITE-B', spareOfA)).json().code, 'INVALID_DISK_NOT_FOUND', "B cannot see A's disk")
  const snapsA = (await signed(app, { key: 'SUITE-A', action: 'DescribeSnapshots', body: '{}' })).json().response.totalCount
  const snapsB = (await signed(app, { key: 'SUITE-B', action: 'DescribeSnapshots', body: '{}' })).json().response.totalCount
  t.same([snapsA, snapsB], [6, 5])
  const demo = (await signed(app, { action: 'DescribeSnapshots', body: '{}' })).json().response.totalCount
  t.equal(demo, 5, 'the demo account is untouched')
})
