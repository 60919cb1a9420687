/**
 * GET /_emulator/resources/{id}/history?account=…: a resource's lifecycle transitions over HTTP,
 * described in the OpenAPI document, behind the admin token, and bad input answered with the
 * envelope (400 for a missing or unknown account or a malformed id, 404 for an id the account has
 * no history of).
 */
import t from 'tap'
import { build, DISK, ok, SNAPSHOT, UNKNOWN_ID } from '../helper.js'
import { newInstance } from '../actions/network-support.js'
import { asKey } from '../state-helper.js'

const TOKEN = 'history-admin-token'
const get = (app: Awaited<ReturnType<typeof build>>['app'], url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers })

t.test('an instance\'s two-step creation, newest first; the account named by id or by access key', async t => {
  const { app, clock } = await build(t, { lifecycle: { 'instance.create': { kind: 'after', ms: 2000 }, 'instance.deploy': { kind: 'after', ms: 5000 }, 'disk.change': { kind: 'immediate' } } })
  const instanceId = await newInstance(t, app)
  clock.advance(60_000)
  const res = await get(app, `/_emulator/resources/${instanceId}/history?account=demo`)
  t.equal(res.statusCode, 200)
  t.equal(res.headers['content-type'], 'application/json; charset=utf-8')
  t.same(res.json(), {
    history: [
      { transition: 'instance.deploy', status: 'DEPLOYING', startedAt: '2026-01-15T10:00:02Z', endedAt: '2026-01-15T10:00:07Z', endStatus: 'RUNNING', failed: false },
      { transition: 'instance.create', status: 'PENDING', startedAt: '2026-01-15T10:00:00Z', endedAt: '2026-01-15T10:00:02Z', endStatus: 'DEPLOYING', failed: false }
    ]
  })
  await ok(t, app, 'ResizeDisk', { diskId: DISK.spare, diskSize: 400 })
  const byKey = await get(app, `/_emulator/resources/${DISK.spare}/history?accessKeyId=ZEC-EMULATOR-DEMO-KEY`)
  t.equal(byKey.statusCode, 200, 'by access key id')
  t.match(byKey.json(), { history: [{ transition: 'disk.change', status: 'CHANGING', endStatus: 'AVAILABLE', startedAt: '2026-01-15T10:01:00Z', endedAt: '2026-01-15T10:01:00Z' }] })
  const none = await get(app, `/_emulator/resources/${SNAPSHOT.webDataManual}/history?account=demo`)
  t.same(none.json(), { history: [] }, 'a resource with no transition yet: an empty history, not a 404')
})

t.test('bad input, an unknown id and another account\'s resource get the envelope', async t => {
  const { app } = await build(t)
  await ok(t, app, 'CreateSnapshot', { diskId: DISK.spare, snapshotName: 'mine' })
  // Another account, made on first use of its key: the demo's disk is not its resource.
  await ok(t, app, 'DescribeZones', {}, asKey('SOMEONE-ELSE'))
  const cases: [string, number, string, RegExp][] = [
    [`/_emulator/resources/${DISK.spare}/history`, 400, 'MISSING_PARAMETER', /`account`/],
    [`/_emulator/resources/${DISK.spare}/history?account=nobody`, 400, 'INVALID_PARAMETER_VALUE', /nobody/],
    [`/_emulator/resources/${DISK.spare}/history?account=demo&accessKeyId=ZEC-EMULATOR-DEMO-KEY`, 400, 'INVALID_PARAMETER_VALUE', /not both/],
    [`/_emulator/resources/${DISK.spare}/history?account=`, 400, 'INVALID_PARAMETER', /`account`/],
    [`/_emulator/resources/${'9'.repeat(65)}/history?account=demo`, 400, 'INVALID_PARAMETER', /`id`/],
    [`/_emulator/resources/${UNKNOWN_ID}/history?account=demo`, 404, 'OPERATION_FAILED_RESOURCE_NOT_FOUND', new RegExp(UNKNOWN_ID)],
    [`/_emulator/resources/${DISK.spare}/history?accessKeyId=NEVER-USED`, 400, 'INVALID_PARAMETER_VALUE', /key:NEVER-USED/],
    [`/_emulator/resources/${DISK.spare}/history?accessKeyId=SOMEONE-ELSE`, 404, 'OPERATION_FAILED_RESOURCE_NOT_FOUND', /key:SOMEONE-ELSE/]
  ]
  for (const [url, status, code, message] of cases) {
    const res = await get(app, url)
    t.equal(res.statusCode, status, `${url} → ${status}`)
    t.same(Object.keys(res.json()).sort(), ['code', 'message', 'requestId'], 'the envelope')
    t.match(res.json().code, code === 'INVALID_PARAMETER' ? /^INVALID_PARAMETER/ : new RegExp(`^${code}$`))
    t.match(res.json().message, message)
  }
})

t.test('described in the OpenAPI document, and behind the admin token', async t => {
  const { app } = await build(t, { adminToken: TOKEN })
  const spec = (await get(app, '/_emulator/openapi.json')).json()
  const route = spec.paths['/_emulator/resources/{id}/history']?.get
  t.ok(route, 'the route is described')
  t.match(route?.responses?.['200']?.content?.['application/json']?.schema, { properties: { history: { type: 'array' } } }, 'its answer from the TypeBox schema')
  t.match(route?.parameters?.map((p: { name: string }) => p.name).sort(), ['accessKeyId', 'account', 'id'])
  const url = `/_emulator/resources/${DISK.spare}/history?account=demo`
  t.equal((await get(app, url)).statusCode, 401, 'no token')
  t.match((await get(app, url, { authorization: 'Bearer wrong' })).json(), { code: 'AUTHFAILURE_INVALID_AUTHORIZATION' }, 'a wrong one')
  t.equal((await get(app, url, { authorization: `Bearer ${TOKEN}` })).statusCode, 200, 'the right one')
})
