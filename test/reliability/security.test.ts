/**
 * Security, attacked: in --auth strict no request without a valid signature reads or changes
 * anything, for every action in every version; one account can never read, change, delete,
 * snapshot, attach or bind another's resources (every action, generated inputs naming both
 * accounts' ids); with an admin token every admin route refuses without it; secrets never reach
 * the log or the request journal; outside Docker the default bind is 127.0.0.1.
 */
import t from 'tap'
import type { Test } from 'tap'
import fc from 'fast-check'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { SERVICES } from '../../src/actions/index.js'
import { buildApp } from '../../src/app.js'
import { loadConfig, makeConfig, OPTIONS } from '../../src/config.js'
import { DEMO_FIXTURES } from '../../src/paths.js'
import { computeSignature } from '../../src/protocol/signature.js'
import { build, DISK, SNAPSHOT } from '../helper.js'
import { arbitraryFor, type Hints } from './arbitraries.js'
import { isEnvelope, report, seedFor, startChild, stopChild } from './support.js'

const seed = seedFor(t, 'security.test.ts')
const COMBOS = SERVICES.flatMap(service => [...service.actions.values()].flatMap(action => action.versions.map(version => ({ action, version, path: service.path }))))
const DEMO = { key: 'ZEC-EMULATOR-DEMO-KEY', password: 'zec-emulator-demo-password' }
const ALICE = { key: 'ALICE-KEY-0001', password: 'alice-password-Qx7' }
const BOB = { key: 'BOB-KEY-0002', password: 'bob-password-Zr4' }
const ZONES = ['asia-east-1a', 'asia-east-1b', 'asia-southeast-1a', 'na-west-1a']
const figures: Record<string, unknown> = {}

interface Signing {
  key: string
  password: string
  /** Signed over this body; `sent` (when given) is what actually goes on the wire. */
  body: string
  sent?: string
  host?: string
  sentHost?: string
  timestamp?: number
  authorization?: string | null
}

/** A request signed the way the official SDKs sign (signature.ts), then optionally tampered with. */
async function signed (app: FastifyInstance, action: string, version: string, s: Signing, path = '/api/v2/zec') {
  const host = s.host ?? '127.0.0.1:8790'
  const timestamp = String(s.timestamp ?? Math.floor(Date.now() / 1000))
  const signature = computeSignature(s.password, timestamp, 'application/json', host, s.body)
  const authorization = s.authorization === undefined ? `ZC2-HMAC-SHA256 Credential=${s.key}, SignedHeaders=content-type;host, Signature=${signature}` : s.authorization
  const res = await app.inject({
    method: 'POST',
    url: path,
    headers: {
      'content-type': 'application/json',
      host: s.sentHost ?? host,
      'x-zc-action': action,
      'x-zc-version': version,
      'x-zc-timestamp': timestamp,
      'x-zc-signature-method': 'ZC2-HMAC-SHA256',
      ...(authorization === null ? {} : { authorization })
    },
    payload: s.sent ?? s.body
  })
  let body: any
  try { body = JSON.parse(res.payload) } catch { body = undefined }
  return { status: res.statusCode, body, text: res.payload }
}

const demoHints: Hints = key => {
  if (/^diskIds?$/.test(key)) return fc.constantFrom(...Object.values(DISK))
  if (/^snapshotIds?$/.test(key)) return fc.constantFrom(...Object.values(SNAPSHOT))
  if (/^instanceIds?$/.test(key)) return fc.constantFrom('1300000000000000001', '1300000000000000002', '1300000000000000003')
  if (/^zoneIds?$/.test(key)) return fc.constantFrom(...ZONES)
  return undefined
}

t.test('strict: no request without a valid signature reads or changes anything, for every action and version', async t => {
  const { app } = await build(t, { auth: 'strict' })
  const db = app.runtime.store.db
  const now = Math.floor(Date.now() / 1000)
  const attacks: [string, (body: string) => Signing, string][] = [
    ['no Authorization header', body => ({ ...DEMO, body, authorization: null }), 'AUTHFAILURE_INVALID_AUTHORIZATION'],
    ['an empty Authorization header', body => ({ ...DEMO, body, authorization: '' }), 'AUTHFAILURE_INVALID_AUTHORIZATION'],
    ['a malformed Authorization header', body => ({ ...DEMO, body, authorization: `ZC2-HMAC-SHA256 Credential=${DEMO.key}` }), 'AUTHFAILURE_INVALID_AUTHORIZATION'],
    ['an unknown access key', body => ({ key: 'NOT-A-KEY', password: DEMO.password, body }), 'AUTHFAILURE_INVALID_AUTHORIZATION'],
    ['a wrong password', body => ({ ...DEMO, password: 'wrong-password', body }), 'AUTHFAILURE_SIGNATURE_FAILURE'],
    ['a tampered body', body => ({ ...DEMO, body, sent: body === '{}' ? '{ }' : body.replace(/.$/, ' }') }), 'AUTHFAILURE_SIGNATURE_FAILURE'],
    ['a tampered Host', body => ({ ...DEMO, body, sentHost: 'evil.example:8790' }), 'AUTHFAILURE_SIGNATURE_FAILURE'],
    ['a timestamp 6 minutes old', body => ({ ...DEMO, body, timestamp: now - 360 }), 'AUTHFAILURE_SIGNATURE_EXPIRED'],
    ['a timestamp 6 minutes ahead', body => ({ ...DEMO, body, timestamp: now + 360 }), 'AUTHFAILURE_SIGNATURE_EXPIRED'],
    ['an unknown Bearer token', body => ({ ...DEMO, body, authorization: 'Bearer not-a-token' }), 'AUTHFAILURE_INVALID_AUTHORIZATION'],
    ['the signature hex upper-cased and truncated', body => ({ ...DEMO, body, authorization: `ZC2-HMAC-SHA256 Credential=${DEMO.key}, SignedHeaders=content-type;host, Signature=ABCDEF` }), 'AUTHFAILURE_SIGNATURE_FAILURE'],
    ['other signed headers', body => ({ ...DEMO, body, authorization: `ZC2-HMAC-SHA256 Credential=${DEMO.key}, SignedHeaders=host, Signature=${'0'.repeat(64)}` }), 'AUTHFAILURE_INVALID_AUTHORIZATION']
  ]
  let refused = 0
  let controls = 0
  for (const [index, { action, version, path }] of COMBOS.entries()) {
    const [input] = fc.sample(arbitraryFor(action.input, demoHints), { seed: seed + index, numRuns: 1 })
    const body = JSON.stringify(input)
    for (const [name, attack, code] of attacks) {
      const before = db.serialize()
      const res = await signed(app, action.name, version, attack(body), path)
      if (res.status !== 401 || !isEnvelope(res.body) || res.body.code !== code) t.fail(`${action.name} ${version} with ${name}: ${res.status} ${res.text.slice(0, 300)} (wanted 401 ${code})`)
      if (!db.serialize().equals(before)) t.fail(`${action.name} ${version} with ${name}: the database changed`)
      refused++
    }
    // The control: the same request, signed right, gets past authentication.
    const good = await signed(app, action.name, version, { ...DEMO, body }, path)
    if (good.status === 401) t.fail(`${action.name} ${version} signed correctly: ${good.text}`)
    controls++
  }
  t.pass(`${refused} unsigned or badly signed requests refused with 401, the database untouched; ${controls} correctly signed controls passed`)
  figures.strict = { pairs: COMBOS.length, attacks: attacks.length, refused, controls }
})

/** The two-account emulator: the demo fixtures plus alice and bob, each with a key of their own. */
function twoAccountFixtures (t: Test): string {
  const fixtures = JSON.parse(readFileSync(DEMO_FIXTURES, 'utf8'))
  fixtures.credentials.push({ accessKeyId: ALICE.key, accessKeyPassword: ALICE.password, account: 'alice' }, { accessKeyId: BOB.key, accessKeyPassword: BOB.password, account: 'bob' })
  const file = join(t.testdir({}), 'two-accounts.json')
  writeFileSync(file, JSON.stringify(fixtures))
  return file
}

t.test('an account can never read, change, delete, snapshot, attach or bind another account\'s resources', async t => {
  const { app } = await build(t, { auth: 'strict', fixtures: twoAccountFixtures(t), lifecycle: { 'snapshot.create': { kind: 'immediate' }, 'snapshot.delete': { kind: 'immediate' }, 'disk.attach': { kind: 'immediate' }, 'disk.detach': { kind: 'immediate' }, 'disk.create': { kind: 'immediate' } } })
  const as = (who: typeof ALICE) => (action: string, input: unknown, version = '2025-09-01', path = '/api/v2/zec') => signed(app, action, version, { ...who, body: JSON.stringify(input) }, path)
  const alice = as(ALICE)
  const bob = as(BOB)

  // Alice gets a policy bound to one of her disks, so policies and bindings are in play too.
  const policy = await alice('CreateAutoSnapshotPolicy', { zoneId: 'asia-east-1a', autoSnapshotPolicyName: 'alice-daily', repeatWeekDays: [1, 2, 3], hours: [4] })
  const bobPolicy = await bob('CreateAutoSnapshotPolicy', { zoneId: 'asia-east-1a', autoSnapshotPolicyName: 'bob-daily', repeatWeekDays: [5], hours: [6] })
  const idsOf = async (call: ReturnType<typeof as>) => {
    const disks = (await call('DescribeDisks', { pageSize: 100 })).body.response.dataSet as { diskId: string, diskName: string }[]
    const snapshots = (await call('DescribeSnapshots', { pageSize: 100 })).body.response.dataSet.map((s: { snapshotId: string }) => s.snapshotId) as string[]
    const instances = (await call('DescribeInstances', { pageSize: 100 })).body.response.dataSet.map((i: { instanceId: string }) => i.instanceId) as string[]
    return { disks: disks.map(d => d.diskId), spare: disks.find(d => d.diskName === 'spare-data')!.diskId, snapshots, instances }
  }
  const a = { ...await idsOf(alice), policies: [policy.body.response.autoSnapshotPolicyId as string] }
  const b = { ...await idsOf(bob), policies: [bobPolicy.body.response.autoSnapshotPolicyId as string] }
  t.equal((await alice('ApplyAutoSnapshotPolicy', { autoSnapshotPolicyId: a.policies[0], diskIds: [a.spare] })).status, 200, 'alice binds her policy to her disk')
  const aliceIds = [...a.disks, ...a.snapshots, ...a.instances, ...a.policies]
  t.equal(aliceIds.filter(id => [...b.disks, ...b.snapshots, ...b.instances, ...b.policies].includes(id)).length, 0, 'the two accounts share no resource id')

  const describeActions = COMBOS.filter(c => c.action.name.startsWith('Describe') && c.action.input.required === undefined)
  const aliceView = async () => {
    const parts: string[] = []
    for (const { action, version } of describeActions) {
      const res = await alice(action.name, action.name === 'DescribeDiskRegions' || action.name === 'DescribeDiskCategory' || action.name === 'DescribeZones' ? {} : { pageSize: 100 }, version)
      parts.push(JSON.stringify(res.body?.response ?? res.body, (k, v) => k === 'requestId' ? undefined : v))
    }
    return parts.join('\n')
  }
  const before = await aliceView()

  // Bob's generated inputs name alice's ids and his own, in every id field of every action.
  const pick = (own: string[], theirs: string[]) => fc.oneof({ arbitrary: fc.constantFrom(...theirs), weight: 2 }, { arbitrary: fc.constantFrom(...own), weight: 1 })
  const bobHints: Hints = key => {
    if (/^diskIds?$/.test(key)) return pick(b.disks, a.disks)
    if (/^snapshotIds?$/.test(key)) return pick(b.snapshots, a.snapshots)
    if (/^instanceIds?$/.test(key)) return pick(b.instances, a.instances)
    if (/^autoSnapshotPolicyIds?$/.test(key)) return pick(b.policies, a.policies)
    if (/^zoneIds?$/.test(key)) return fc.constantFrom(...ZONES)
    return undefined
  }
  const perPair = 24
  let attempts = 0
  let bobSucceeded = 0
  let aliceNamed = 0
  for (const [index, { action, version, path }] of COMBOS.entries()) {
    const inputs = fc.sample(arbitraryFor(action.input, bobHints), { seed: seed + 1000 + index, numRuns: perPair })
    for (const input of inputs) {
      const text = JSON.stringify(input)
      const named = aliceIds.some(id => text.includes(id))
      if (named) aliceNamed++
      const res = await bob(action.name, input, version, path)
      attempts++
      if (res.status >= 500) t.fail(`${action.name} ${version} ${text} → ${res.status}`)
      if (res.status === 200) {
        bobSucceeded++
        const leaked = aliceIds.find(id => res.text.includes(id))
        if (leaked !== undefined) t.fail(`bob's ${action.name} ${version} ${text} answered with alice's ${leaked}: ${res.text.slice(0, 300)}`)
      }
    }
    const after = await aliceView()
    if (after !== before) t.fail(`after bob's ${action.name} ${version} calls, alice's account looks different`)
  }
  // Direct attempts, one per verb, each must be refused as not found.
  const direct: [string, unknown][] = [
    ['DescribeDisks', { diskIds: [a.spare] }],
    ['CreateSnapshot', { diskId: a.spare, snapshotName: 'stolen' }],
    ['DeleteSnapshots', { snapshotIds: [a.snapshots[0]] }],
    ['ModifySnapshotsAttribute', { snapshotIds: [a.snapshots[0]], snapshotName: 'renamed' }],
    ['ApplySnapshot', { snapshotId: a.snapshots[0], diskId: b.spare }],
    ['CreateDisks', { zoneId: 'asia-east-1a', diskName: 'from-alice', diskSize: 40, snapshotId: a.snapshots[0] }],
    ['AttachDisks', { diskIds: [a.spare], instanceId: b.instances[0] }],
    ['AttachDisks', { diskIds: [b.spare], instanceId: a.instances[0] }],
    ['ReleaseDisk', { diskId: a.spare }],
    ['ResizeDisk', { diskId: a.spare, diskSize: 500 }],
    ['ModifyDisksAttributes', { diskIds: [a.spare], diskName: 'mine-now' }],
    ['ApplyAutoSnapshotPolicy', { autoSnapshotPolicyId: a.policies[0], diskIds: [b.spare] }],
    ['ApplyAutoSnapshotPolicy', { autoSnapshotPolicyId: b.policies[0], diskIds: [a.spare] }],
    ['ModifyAutoSnapshotPolicy', { autoSnapshotPolicyId: a.policies[0], retentionDays: 1 }],
    ['DeleteAutoSnapshotPolicies', { autoSnapshotPolicyIds: [a.policies[0]] }]
  ]
  for (const [action, input] of direct) {
    const res = await bob(action, input)
    const readNothing = action === 'DescribeDisks' && res.status === 200 && res.body.response.totalCount === 0
    t.ok(readNothing || (res.status >= 400 && res.status < 500 && /NOT_FOUND/.test(res.body.code)), `bob's ${action} ${JSON.stringify(input)} → ${res.status} ${res.body?.code ?? 'totalCount ' + res.body?.response?.totalCount}`)
  }
  const cancel = await bob('CancelAutoSnapshotPolicy', { autoSnapshotPolicyId: b.policies[0], diskIds: [a.spare] })
  t.ok(cancel.status === 200 || cancel.status === 404, 'bob cancelling his own policy on alice\'s disk touches nothing of hers')
  t.equal(await aliceView(), before, 'alice\'s account is exactly as it was: every Describe answers the same')
  figures.isolation = { pairs: COMBOS.length, attempts, namingTheOtherAccount: aliceNamed, bobSucceeded, direct: direct.length + 1 }
})

/** Every route as `METHOD path` from Fastify's route tree and the OpenAPI document; params filled in. */
function routesOf (app: FastifyInstance, openapi: { paths: Record<string, Record<string, unknown>> }): Set<string> {
  const routes = new Set<string>()
  const stack: string[] = []
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│ ]*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line)
    if (m === null) continue
    const depth = m[1].length / 4
    stack.length = depth
    const path = (depth === 0 ? '' : stack[depth - 1]) + m[2]
    stack[depth] = path
    for (const method of (m[3] ?? '').split(',').map(s => s.trim()).filter(Boolean)) routes.add(`${method} ${path}`)
  }
  for (const [path, methods] of Object.entries(openapi.paths)) {
    for (const method of Object.keys(methods)) routes.add(`${method.toUpperCase()} ${path}`)
  }
  return new Set([...routes].map(r => r.replace(/\{[^}]+\}|:[A-Za-z]+/g, 'probe').replace(/\*$/, 'probe')))
}

t.test('with an admin token, every admin route refuses without it', async t => {
  const token = 'admin-secret-Jp9w2'
  const { app } = await build(t, { adminToken: token })
  await app.ready()
  // Read through the runtime each time: an in-memory restore or import switches the connection.
  const db = { serialize: () => app.runtime.store.db.serialize() }
  const openapi = (await app.inject({ method: 'GET', url: '/_emulator/openapi.json' })).json()
  const PUBLIC = [/^\/_emulator\/(health|ready|openapi\.json)$/, /^\/_emulator\/docs(\/|$)/, /^\/_emulator\/ui(\/|$)/, /^\/_emulator\/?$/]
  const all = [...routesOf(app, openapi)].filter(r => r.split(' ')[1].startsWith('/_emulator'))
  const guarded = all.filter(r => !PUBLIC.some(p => p.test(r.split(' ')[1])))
  t.ok(guarded.length >= 6, `${guarded.length} guarded admin routes found: ${guarded.join(', ')}`)
  const wrong = [undefined, '', 'Bearer', 'Bearer ', `Bearer ${token}x`, `Bearer ${token.slice(0, -1)}`, `bearer ${token}`, token, `Basic ${Buffer.from(`admin:${token}`).toString('base64')}`, `Bearer  ${token}`]
  let refused = 0
  for (const route of guarded) {
    const [method, path] = route.split(' ') as ['GET', string]
    for (const authorization of wrong) {
      const before = db.serialize()
      const res = await app.inject({ method, url: path + `?token=${token}&adminToken=${token}`, headers: { 'content-type': 'application/json', ...(authorization === undefined ? {} : { authorization }) }, payload: method === 'GET' || method === 'HEAD' ? undefined : '{}' })
      const body = method === 'HEAD' ? undefined : res.json()
      if (res.statusCode !== 401 || (method !== 'HEAD' && (!isEnvelope(body) || body.code !== 'AUTHFAILURE_INVALID_AUTHORIZATION'))) t.fail(`${route} with ${JSON.stringify(authorization)}: ${res.statusCode} ${res.payload.slice(0, 200)}`)
      if (!db.serialize().equals(before)) t.fail(`${route} with ${JSON.stringify(authorization)}: the database changed`)
      refused++
    }
    const good = await app.inject({ method, url: path, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: method === 'GET' || method === 'HEAD' ? undefined : '{}' })
    if (good.statusCode === 401) t.fail(`${route} with the token: still 401`)
  }
  // Paths that try to slip past the check: they must not reach a guarded route.
  let bypasses = 0
  for (const path of ['/_emulator//reset', '/_emulator/reset/', '/_emulator/./reset', '/_emulator/%72eset', '/_emulator/docs/../reset', '/_emulator/docs/%2e%2e/reset', '/_emulator/health/../reset', '/_EMULATOR/reset', '/_emulator/reset%00', '/_emulator/reset;health', '/%5Femulator/reset']) {
    const before = db.serialize()
    const res = await app.inject({ method: 'POST', url: path, headers: { 'content-type': 'application/json' }, payload: '{}' })
    if (res.statusCode < 400 || res.statusCode >= 500) t.fail(`POST ${path} without the token: ${res.statusCode} ${res.payload.slice(0, 200)}`)
    if (!db.serialize().equals(before)) t.fail(`POST ${path}: the database changed`)
    bypasses++
  }
  for (const route of all.filter(r => !guarded.includes(r) && r.startsWith('GET '))) {
    const res = await app.inject({ method: 'GET', url: route.split(' ')[1] })
    if (res.statusCode === 401) t.fail(`${route} is documented as public but refused`)
  }
  t.pass(`${refused} requests without the right token refused on ${guarded.length} routes; ${bypasses} path tricks refused`)
  figures.adminToken = { routes: all.length, guarded: guarded.length, refused, bypasses }
})

t.test('secrets never appear in the log or the request journal', async t => {
  const secrets = { password: 'extra-password-Kd83', token: 'extra-bearer-Mz51', admin: 'admin-token-Wq26' }
  let log = ''
  const stream = new Writable({ write (chunk, _enc, done) { log += chunk.toString(); done() } })
  const config = makeConfig({ auth: 'loose', accessKeyId: 'EXTRA-KEY-1', accessKeyPassword: secrets.password, token: secrets.token, adminToken: secrets.admin, logLevel: 'trace', lifecycle: { 'snapshot.create': { kind: 'immediate' } } })
  const app = await buildApp(config, { logger: { level: 'trace', stream } })
  t.teardown(() => app.close())
  const body = '{"diskId":"1400000000000000003","snapshotName":"logged"}'
  await signed(app, 'CreateSnapshot', '2025-09-01', { key: 'EXTRA-KEY-1', password: secrets.password, body })
  await signed(app, 'DescribeDisks', '2025-09-01', { key: 'EXTRA-KEY-1', password: secrets.password + 'x', body: '{}' })
  await signed(app, 'DescribeDisks', '2024-04-01', { key: 'EXTRA-KEY-1', password: secrets.password, body: '{}', sent: '{ }' })
  for (const authorization of [`Bearer ${secrets.token}`, `Bearer ${secrets.token}-wrong`, `Bearer ${secrets.admin}`]) {
    await app.inject({ method: 'POST', url: '/api/v2/zec', headers: { 'content-type': 'application/json', 'x-zc-action': 'DescribeZones', authorization }, payload: '{}' })
  }
  for (const authorization of [`Bearer ${secrets.admin}`, `Bearer ${secrets.admin}-wrong`, `Bearer ${secrets.password}`]) {
    await app.inject({ method: 'GET', url: '/_emulator/clock', headers: { authorization } })
    await app.inject({ method: 'POST', url: '/_emulator/reset', headers: { authorization, 'content-type': 'application/json' }, payload: `{"accessKeyId":"${secrets.password}"}` })
  }
  // A failure logged at error level carries the request, so it is provoked too: a body the parser refuses.
  await app.inject({ method: 'POST', url: '/api/v2/zec', headers: { 'content-type': 'application/json', 'x-zc-action': 'DescribeDisks', authorization: `Bearer ${secrets.token}` }, payload: '{' })
  t.ok(log.length > 0, `the log captured ${log.split('\n').length - 1} lines at trace level`)
  for (const [name, secret] of Object.entries(secrets)) t.notOk(log.includes(secret), `the ${name} is not in the log`)

  const journal = await app.inject({ method: 'GET', url: '/_emulator/requests?limit=1000', headers: { authorization: `Bearer ${secrets.admin}` } })
  if (journal.statusCode === 404) {
    t.comment('GET /_emulator/requests is not on this branch yet; the journal check runs once it is merged')
    figures.secrets = { logLines: log.split('\n').length - 1, journal: 'waits for /_emulator/requests' }
  } else {
    t.equal(journal.statusCode, 200, 'the journal answers')
    for (const [name, secret] of Object.entries(secrets)) {
      // The reset body above names the password on purpose as an accessKeyId value; only headers must stay out.
      const text = name === 'password' ? journal.payload.replaceAll(`\\"accessKeyId\\":\\"${secret}\\"`, '') : journal.payload
      t.notOk(text.includes(secret), `the ${name} is not in the journal`)
    }
    figures.secrets = { logLines: log.split('\n').length - 1, journalEntries: journal.json().requests?.length }
  }
})

t.test('outside Docker the default bind is 127.0.0.1', async t => {
  t.equal(OPTIONS.host.default, '127.0.0.1', 'the option default')
  t.equal(loadConfig([], {}).host, '127.0.0.1', 'no flag, no HOST: 127.0.0.1')
  const child = await startChild([], { HOST: '' })
  t.teardown(() => stopChild(child, 'SIGKILL'))
  t.match(child.output(), /ready at http:\/\/127\.0\.0\.1:\d+/, 'the server says it listens on 127.0.0.1')
  t.equal((await fetch(`${child.url}/_emulator/health`)).status, 200, 'and answers there')
  await stopChild(child)
})

t.teardown(() => report(t, 'security', { seed, ...figures }))
