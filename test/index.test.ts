/**
 * `startEmulator()`, the package's entry, as a test suite embeds it: a real listening server on
 * 127.0.0.1 port 0, its credentials signing real requests over fetch, and the handle's methods
 * driving the admin API (clock, reset, checkpoints, faults, the journal).
 */
import t, { type Test } from 'tap'
import { ConfigError, EmulatorError, startEmulator, type Emulator } from '../src/index.js'
import { computeSignature } from '../src/protocol/signature.js'

async function started (t: Test, options: Parameters<typeof startEmulator>[0] = {}): Promise<Emulator> {
  const emulator = await startEmulator({ port: 0, ...options })
  t.teardown(() => emulator.close())
  return emulator
}

/** A ZEC call over the network, signed the way the official SDKs sign. */
async function zec (emulator: Emulator, action: string, input: object, password = emulator.credentials.accessKeyPassword) {
  const body = JSON.stringify(input)
  const timestamp = String(Math.floor(Date.now() / 1000))
  const signature = computeSignature(password, timestamp, 'application/json', emulator.endpoint, body)
  const res = await fetch(`${emulator.url}/api/v2/zec`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-zc-action': action,
      'x-zc-timestamp': timestamp,
      authorization: `ZC2-HMAC-SHA256 Credential=${emulator.credentials.accessKeyId}, SignedHeaders=content-type;host, Signature=${signature}`
    },
    body
  })
  return { status: res.status, body: await res.json() as Record<string, any> }
}

t.test('it listens on a free port, answers ready, and its credentials sign real calls', async t => {
  const emulator = await started(t, { auth: 'strict' })
  t.match(emulator.url, /^http:\/\/127\.0\.0\.1:\d+$/)
  t.equal(`http://${emulator.endpoint}`, emulator.url, 'endpoint is the host:port the SDKs take')
  const ready = await fetch(`${emulator.url}/_emulator/ready`)
  t.same([ready.status, await ready.json()], [200, { status: 'ready' }])

  t.same(emulator.credentials, { accessKeyId: 'ZEC-EMULATOR-DEMO-KEY', accessKeyPassword: 'zec-emulator-demo-password' })
  const zones = await zec(emulator, 'DescribeZones', {})
  t.equal(zones.status, 200, 'a signed DescribeZones passes --auth strict')
  t.ok(zones.body.response.zoneSet.length > 0)
  const wrong = await zec(emulator, 'DescribeZones', {}, 'not-the-password')
  t.same([wrong.status, wrong.body.code], [401, 'AUTHFAILURE_SIGNATURE_FAILURE'], 'a wrong password does not')
})

t.test('credentials are the configured access key when one is given', async t => {
  const emulator = await started(t, { auth: 'strict', accessKeyId: 'SUITE-KEY', accessKeyPassword: 'suite-secret' })
  t.same(emulator.credentials, { accessKeyId: 'SUITE-KEY', accessKeyPassword: 'suite-secret' })
  t.equal((await zec(emulator, 'DescribeDisks', {})).status, 200)
})

t.test('clock: freeze, set, advance, resume, now', async t => {
  const emulator = await started(t)
  t.equal((await emulator.clock.freeze()).frozen, true)
  t.match(await emulator.clock.set('2026-03-01T00:00:00Z'), { now: '2026-03-01T00:00:00.000Z', frozen: true })
  t.match(await emulator.clock.advance('PT90M'), { now: '2026-03-01T01:30:00.000Z' })
  t.match(await emulator.clock.set(new Date(Date.UTC(2027, 0, 1))), { now: '2027-01-01T00:00:00.000Z' })
  const created = await zec(emulator, 'CreateSnapshot', { diskId: '1400000000000000003', snapshotName: 'at-the-virtual-time' })
  t.equal(created.status, 200)
  const shown = await zec(emulator, 'DescribeSnapshots', { snapshotIds: [created.body.response.snapshotId] })
  t.equal(shown.body.response.dataSet[0].createTime, '2027-01-01T00:00:00Z', 'ZEC answers use the virtual clock')
  t.equal((await emulator.clock.resume()).frozen, false)
  t.equal((await emulator.clock.now()).frozen, false)
})

t.test('reset: back to the fixtures', async t => {
  const emulator = await started(t)
  const created = await zec(emulator, 'CreateSnapshot', { diskId: '1400000000000000003', snapshotName: 'thrown-away' })
  const id = created.body.response.snapshotId
  t.equal((await zec(emulator, 'DescribeSnapshots', { snapshotIds: [id] })).body.response.totalCount, 1)
  t.same(await emulator.reset(), { reset: ['demo'] })
  t.equal((await zec(emulator, 'DescribeSnapshots', { snapshotIds: [id] })).body.response.totalCount, 0, 'the snapshot is gone')
  t.equal((await zec(emulator, 'DescribeDisks', {})).body.response.totalCount, 13, 'the fixtures are back')
  await emulator.reset({ to: 'empty' })
  t.equal((await zec(emulator, 'DescribeDisks', {})).body.response.totalCount, 0, 'to: empty leaves nothing')
})

t.test('an admin API failure rejects with an EmulatorError carrying the envelope', async t => {
  const emulator = await started(t)
  const error = await emulator.clock.set('2026-02-30T25:00:00Z').catch((e: unknown) => e)
  t.ok(error instanceof EmulatorError)
  t.match(error, { status: 400, code: 'INVALID_PARAMETER_DATE_FORMAT_ERROR', message: /`to`/, requestId: /^T/ })
  await t.rejects(emulator.reset({ account: 'nobody' }), { code: 'INVALID_PARAMETER_VALUE', message: /nobody/ })
  await t.rejects(emulator.admin('GET', '/_emulator/nothing-here'), { status: 404, code: 'INVALID_REQUEST_PATH' })
})

t.test('with an admin token the handle sends it; a caller without it is refused', async t => {
  const emulator = await started(t, { adminToken: 'suite-admin-token' })
  t.equal((await emulator.clock.freeze()).frozen, true)
  const bare = await fetch(`${emulator.url}/_emulator/clock`)
  t.same([bare.status, (await bare.json() as { code: string }).code], [401, 'AUTHFAILURE_INVALID_AUTHORIZATION'])
})

t.test('a bad option rejects with a ConfigError naming it', async t => {
  const error = await startEmulator({ port: 0, auth: 'sometimes' as 'off' }).catch((e: unknown) => e)
  t.ok(error instanceof ConfigError, 'a ConfigError')
  t.match(error, { message: /^auth: invalid value `"sometimes"`/ })
  await t.rejects(startEmulator({ port: 0, bogus: 1 } as object), { message: /unknown option `bogus`/ })
  await t.rejects(startEmulator({ port: 0, lifecycle: 'snapshot.create=soon' }), { message: /lifecycle/ })
  await t.rejects(startEmulator({ port: 0, fixtures: '/nonexistent/fixtures.json' }), { message: /cannot read fixtures/ })
})

t.test('close: the port stops answering', async t => {
  const emulator = await startEmulator({ port: 0 })
  t.equal((await fetch(`${emulator.url}/_emulator/health`)).status, 200)
  await emulator.close()
  await t.rejects(fetch(`${emulator.url}/_emulator/health`), 'nothing listens after close')
})

t.test('checkpoint and restore', async t => {
  const emulator = await started(t)
  t.match(await emulator.checkpoint('before'), { name: 'before' })
  const created = await zec(emulator, 'CreateSnapshot', { diskId: '1400000000000000003', snapshotName: 'after-the-checkpoint' })
  t.same(await emulator.restore('before'), { restored: 'before' })
  t.equal((await zec(emulator, 'DescribeSnapshots', { snapshotIds: [created.body.response.snapshotId] })).body.response.totalCount, 0)
  await t.rejects(emulator.restore('never-saved'), { status: 404, code: 'INVALID_CHECKPOINT_NOT_FOUND' })
})

t.test('faults: add a throttle, then clear', async t => {
  const emulator = await started(t)
  const rule = await emulator.faults.add({ action: 'DescribeZones', throttle: true, times: 1 })
  t.match(rule, { id: String, hits: 0 })
  t.same([(await zec(emulator, 'DescribeZones', {})).status, (await zec(emulator, 'DescribeZones', {})).status], [429, 200], 'times: 1')
  t.equal((await emulator.faults.list()).length, 1)
  t.same(await emulator.faults.clear(), { deleted: 1 })
  t.same(await emulator.faults.list(), [])
})

t.test('requests: the journal, newest first, filtered', async t => {
  const emulator = await started(t)
  await zec(emulator, 'DescribeZones', {})
  await zec(emulator, 'DescribeDisks', {})
  const all = await emulator.requests()
  t.same(all.slice(0, 2).map(r => r.action), ['DescribeDisks', 'DescribeZones'])
  t.same((await emulator.requests({ action: 'DescribeZones' })).map(r => r.action), ['DescribeZones'])
})
