import t from 'tap'
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { writeFileSync } from 'node:fs'
import { buildApp } from '../../src/app.js'
import { makeConfig } from '../../src/config.js'
import { MIGRATIONS } from '../../src/store/migrations.js'
import { build, DISK, ok, SNAPSHOT, T0 } from '../helper.js'
import { admin, asKey, visibleState } from '../state-helper.js'

const KEYS = ['ZEC-EMULATOR-DEMO-KEY', 'SUITE-A']

/** Changes every kind of state: resources in two accounts, the clock, a policy, a quota. */
async function changeEverything (t: Parameters<typeof ok>[0], app: Awaited<ReturnType<typeof build>>['app']) {
  await ok(t, app, 'CreateSnapshot', { diskId: DISK.spare, snapshotName: 'after-checkpoint' })
  await ok(t, app, 'DeleteSnapshots', { snapshotIds: [SNAPSHOT.webDataManual] })
  await ok(t, app, 'CreateDisks', { zoneId: 'asia-east-1a', diskName: 'theirs', diskSize: 40 }, asKey('SUITE-A'))
  await admin(app, 'POST', '/_emulator/clock', { action: 'advance', by: 'P3D' })
  await admin(app, 'PUT', '/_emulator/lifecycle', { policies: { 'disk.create': 'manual' }, failNext: { 'snapshot.create': 2 } })
  await admin(app, 'PUT', '/_emulator/quotas', { accessKeyId: 'SUITE-A', snapshotsPerDisk: 2 })
}

t.test('checkpoint → change everything → restore equals the checkpoint, for every account', async t => {
  const { app } = await build(t)
  await ok(t, app, 'DescribeDisks', {}, asKey('SUITE-A'))
  const before = await visibleState(app, KEYS)
  const saved = await admin(app, 'POST', '/_emulator/state/checkpoints', { name: 'clean' })
  t.equal(saved.status, 200)
  t.match(saved.body, { name: 'clean', savedAt: /^\d{4}-/, sizeBytes: Number })

  await changeEverything(t, app)
  t.not(JSON.stringify(await visibleState(app, KEYS)), JSON.stringify(before), 'the change is visible')

  const restored = await admin(app, 'POST', '/_emulator/state/checkpoints/clean/restore')
  t.same(restored, { status: 200, body: { restored: 'clean' } })
  t.same(await visibleState(app, KEYS), before, 'every Describe, the clock, policies, quotas and accounts are as saved')
  t.equal((await ok(t, app, 'DescribeDisks', { zoneId: 'asia-east-1a' })).totalCount, 10, 'per-zone counts are rebuilt')

  const listed = await admin(app, 'GET', '/_emulator/state/checkpoints')
  t.match(listed.body, { checkpoints: [{ name: 'clean', sizeBytes: Number }] })
  t.same(await admin(app, 'DELETE', '/_emulator/state/checkpoints/clean'), { status: 200, body: { deleted: 'clean' } })
  t.same((await admin(app, 'GET', '/_emulator/state/checkpoints')).body, { checkpoints: [] })
})

t.test('unknown and malformed checkpoint names are answered with the envelope', async t => {
  const { app } = await build(t)
  for (const [method, url] of [['POST', '/_emulator/state/checkpoints/nope/restore'], ['DELETE', '/_emulator/state/checkpoints/nope'], ['DELETE', '/_emulator/state/checkpoints/..%2Fdemo']] as const) {
    const res = await admin(app, method, url)
    t.equal(res.status, 404, `${method} ${url}`)
    t.match(res.body, { code: 'INVALID_CHECKPOINT_NOT_FOUND', requestId: /^T/, message: /checkpoint/ })
  }
  for (const name of ['', '../up', '.hidden', 'a'.repeat(65), 'with space']) {
    const res = await admin(app, 'POST', '/_emulator/state/checkpoints', { name })
    t.equal(res.status, 400, JSON.stringify(name))
    t.match(res.body, { code: /^INVALID_PARAMETER|^MISSING/, message: /`name`/ })
  }
  t.match((await admin(app, 'POST', '/_emulator/state/checkpoints', {})).body, { code: 'MISSING_PARAMETER', message: /`name`/ })
})

t.test('checkpoints in file mode live beside the database and outlive a restart', async t => {
  const dir = t.testdir({})
  const config = makeConfig({ db: join(dir, 'zec.db'), lifecycle: { 'snapshot.create': { kind: 'immediate' } } })
  const first = await buildApp(config, { clockAt: T0 })
  await first.inject({ method: 'POST', url: '/_emulator/state/checkpoints', payload: { name: 'kept' } })
  await first.close()
  const second = await buildApp(config)
  t.teardown(() => second.close())
  await ok(t, second, 'CreateSnapshot', { diskId: DISK.spare, snapshotName: 'later' })
  t.match((await second.inject({ method: 'GET', url: '/_emulator/state/checkpoints' })).json(), { checkpoints: [{ name: 'kept' }] })
  t.equal((await second.inject({ method: 'POST', url: '/_emulator/state/checkpoints/kept/restore' })).statusCode, 200)
  t.equal((await ok(t, second, 'DescribeSnapshots', {})).totalCount, 5, 'back to the fixtures as checkpointed')
})

t.test('export → import into a fresh emulator gives the same state', async t => {
  const { app } = await build(t)
  await changeEverything(t, app)
  const exported = await app.inject({ method: 'GET', url: '/_emulator/state/export' })
  t.equal(exported.statusCode, 200)
  t.equal(exported.headers['content-type'], 'application/octet-stream')
  t.match(exported.headers['content-disposition'], /attachment; filename="zec-emulator-state-.*\.sqlite"/)
  t.equal(exported.rawPayload.subarray(0, 15).toString(), 'SQLite format 3')
  const source = await visibleState(app, KEYS)

  const fresh = await build(t)
  const imported = await fresh.app.inject({ method: 'POST', url: '/_emulator/state/import', headers: { 'content-type': 'application/octet-stream' }, payload: exported.rawPayload })
  t.same(imported.json(), { imported: true, schemaVersion: MIGRATIONS.length, migratedFrom: MIGRATIONS.length })
  t.same(await visibleState(fresh.app, KEYS), source)
})

t.test('garbage is refused with the envelope and changes nothing', async t => {
  const { app } = await build(t)
  const before = await visibleState(app, KEYS)
  const notEmulator = new Database(':memory:')
  notEmulator.exec('CREATE TABLE t (x)')
  const cases: [string, Buffer | string, string, number][] = [
    ['random bytes', Buffer.from('definitely not a database'), 'application/octet-stream', 400],
    ['a truncated SQLite file', (await app.inject({ method: 'GET', url: '/_emulator/state/export' })).rawPayload.subarray(0, 4096), 'application/octet-stream', 400],
    ['another SQLite database', notEmulator.serialize(), 'application/octet-stream', 400],
    ['JSON instead of a file', '{"state":1}', 'application/json', 415],
    ['no body', Buffer.alloc(0), 'application/octet-stream', 400]
  ]
  for (const [what, payload, type, status] of cases) {
    const res = await app.inject({ method: 'POST', url: '/_emulator/state/import', headers: { 'content-type': type }, payload })
    t.equal(res.statusCode, status, what)
    t.same(Object.keys(res.json()).sort(), ['code', 'message', 'requestId'], `${what}: the envelope`)
  }
  const newer = new Database(':memory:')
  for (const migration of MIGRATIONS) newer.exec(migration)
  newer.pragma(`user_version = ${MIGRATIONS.length + 1}`)
  const refused = await app.inject({ method: 'POST', url: '/_emulator/state/import', headers: { 'content-type': 'application/octet-stream' }, payload: newer.serialize() })
  t.match(refused.json(), { code: 'INVALID_STATE_FILE', message: /newer zec-emulator/ })
  t.same(await visibleState(app, KEYS), before, 'the state is untouched')
})

t.test('a file made by an older schema version is migrated on import', async t => {
  const dir = t.testdir({})
  const path = join(dir, 'old.sqlite')
  const old = new Database(path)
  const OLD_VERSION = 3
  for (const migration of MIGRATIONS.slice(0, OLD_VERSION)) old.exec(migration)
  old.pragma(`user_version = ${OLD_VERSION}`)
  old.exec(`
    INSERT INTO accounts VALUES ('old-team', 0);
    INSERT INTO credentials VALUES ('OLD-KEY', 'old-password', 'old-team');
    INSERT INTO resource_groups VALUES ('old-team', 'rg-1', 'Default Resource Group', 1);
    INSERT INTO zones VALUES ('asia-east-1a', 'asia-east-1', 'Hong Kong A', 'Hong Kong', 'HKG', 'HK', 'China', 'Asia/Hong_Kong', 1, 0);
    INSERT INTO disks (disk_id, account_id, disk_name, zone_id, disk_type, disk_category, disk_size, status, portable, snapshot_ability, resource_group_id, serial, charge_type, create_time)
      VALUES ('1600000000000000001', 'old-team', 'old-disk', 'asia-east-1a', 'DATA', 'Standard NVMe SSD', 40, 'AVAILABLE', 1, 1, 'rg-1', 'aaaaaaaaaaaaaaaaaaaa', 'POSTPAID', ${T0});`)
  old.close()
  const { app } = await build(t)
  const bytes = (await import('node:fs')).readFileSync(path)
  const imported = await app.inject({ method: 'POST', url: '/_emulator/state/import', headers: { 'content-type': 'application/octet-stream' }, payload: bytes })
  t.same(imported.json(), { imported: true, schemaVersion: MIGRATIONS.length, migratedFrom: OLD_VERSION })
  const disks = await ok(t, app, 'DescribeDisks', {}, asKey('OLD-KEY'))
  t.match(disks, { totalCount: 1, dataSet: [{ diskId: '1600000000000000001', diskName: 'old-disk', diskStatus: 'AVAILABLE', zoneId: 'asia-east-1a' }] })
  t.equal((await ok(t, app, 'DescribeDisks', { zoneId: 'asia-east-1a' }, asKey('OLD-KEY'))).totalCount, 1, 'counts rebuilt for the old rows')
  await ok(t, app, 'CreateSnapshot', { diskId: '1600000000000000001', snapshotName: 'on-old-disk' }, asKey('OLD-KEY'))
})

t.test('--state starts from an exported file', async t => {
  const { app } = await build(t)
  await ok(t, app, 'CreateDisks', { zoneId: 'asia-east-1a', diskName: 'from-state', diskSize: 20 })
  const dir = t.testdir({})
  const file = join(dir, 'start.sqlite')
  writeFileSync(file, (await app.inject({ method: 'GET', url: '/_emulator/state/export' })).rawPayload)
  const started = await buildApp(makeConfig({ state: file }))
  t.teardown(() => started.close())
  t.equal((await ok(t, started, 'DescribeDisks', { diskName: '^from-state$' })).totalCount, 1)
})

t.test('reset to empty leaves accounts and keys, and no resources', async t => {
  const { app } = await build(t)
  await ok(t, app, 'DescribeDisks', {}, asKey('SUITE-A'))
  await admin(app, 'PUT', '/_emulator/quotas', { account: 'demo', snapshotsPerDisk: 1 })
  const res = await admin(app, 'POST', '/_emulator/reset', { to: 'empty' })
  t.same(res.body.reset.sort(), ['demo', 'key:SUITE-A'])
  for (const action of ['DescribeDisks', 'DescribeSnapshots', 'DescribeAutoSnapshotPolicies', 'DescribeInstances']) {
    t.match(await ok(t, app, action, {}), { totalCount: 0, dataSet: [] }, `${action} is empty`)
  }
  t.equal((await ok(t, app, 'DescribeDisks', { zoneId: 'asia-east-1a' })).totalCount, 0, 'per-zone counts follow')
  t.equal((await ok(t, app, 'DescribeZones', {})).zoneSet.length, 4, 'the zone catalogue stays')
  t.equal((await ok(t, app, 'DescribeDisks', {}, { headers: { authorization: 'Bearer zec-emulator-demo-token' } })).totalCount, 0, 'tokens still pick the account')
  t.match((await admin(app, 'GET', '/_emulator/quotas?account=demo')).body, { snapshotsPerDisk: 64 }, 'a full reset forgets run-time quotas')
  const created = await ok(t, app, 'CreateDisks', { zoneId: 'asia-east-1a', diskName: 'after-empty', diskSize: 20 })
  t.equal(created.diskIds.length, 1)
  const scoped = await admin(app, 'POST', '/_emulator/reset', { account: 'demo', to: 'fixtures' })
  t.same(scoped.body, { reset: ['demo'] })
  t.equal((await ok(t, app, 'DescribeDisks', {})).totalCount, 13, 'back to the fixtures')
  t.match((await admin(app, 'POST', '/_emulator/reset', { to: 'nothing' })).body, { code: 'INVALID_PARAMETER_VALUE', message: /`to`/ })
})

/** Export bytes with a foreign key broken: a disk of an account that does not exist. */
function withOrphanDisk (exported: Buffer): Buffer {
  const image = Buffer.from(exported)
  image[18] = 1
  image[19] = 1
  const db = new Database(image)
  db.pragma('foreign_keys = OFF')
  db.exec(`INSERT INTO disks (disk_id, account_id, disk_name, zone_id, disk_type, disk_category, disk_size, status, portable, snapshot_ability, resource_group_id, serial, charge_type, create_time)
    VALUES ('1600000000000000009', 'no-such-account', 'orphan', 'asia-east-1a', 'DATA', 'Standard NVMe SSD', 20, 'AVAILABLE', 1, 1, 'rg', 'bbbbbbbbbbbbbbbbbbbb', 'POSTPAID', ${T0})`)
  const bytes = db.serialize()
  db.close()
  return bytes
}

/** Export bytes with every page after the third overwritten: the header and the schema's root still read. */
function damaged (exported: Buffer): Buffer {
  const image = Buffer.from(exported)
  const pageSize = image.readUInt16BE(16)
  image.fill(0x5a, pageSize * 3)
  return image
}

t.test('in file mode: restore, import and refusals, and a restart keeps the imported state', async t => {
  const dir = t.testdir({})
  const source = await build(t)
  await changeEverything(t, source.app)
  const exported = (await source.app.inject({ method: 'GET', url: '/_emulator/state/export' })).rawPayload
  const wanted = await visibleState(source.app, KEYS)

  const config = makeConfig({ db: join(dir, 'zec.db'), lifecycle: { 'snapshot.create': { kind: 'immediate' }, 'snapshot.delete': { kind: 'immediate' } } })
  const app = await buildApp(config, { clockAt: T0 })
  let closed = false
  t.teardown(async () => { if (!closed) await app.close() })
  await ok(t, app, 'DescribeDisks', {}, asKey('SUITE-A'))
  const fixtures = await visibleState(app, KEYS)
  t.equal((await admin(app, 'POST', '/_emulator/state/checkpoints', { name: 'fixtures' })).status, 200)

  const importOf = (payload: Buffer) => app.inject({ method: 'POST', url: '/_emulator/state/import', headers: { 'content-type': 'application/octet-stream' }, payload })
  const imported = await importOf(exported)
  t.same(imported.json(), { imported: true, schemaVersion: MIGRATIONS.length, migratedFrom: MIGRATIONS.length })
  t.same(await visibleState(app, KEYS), wanted, 'the imported state, every account')

  for (const [what, payload] of [['a truncated file', exported.subarray(0, 4096)], ['a damaged file', damaged(exported)], ['a broken foreign key', withOrphanDisk(exported)]] as const) {
    const res = await importOf(payload)
    t.equal(res.statusCode, 400, what)
    t.match(res.json(), { code: 'INVALID_STATE_FILE', message: /Nothing was changed/ }, what)
  }
  t.same(await visibleState(app, KEYS), wanted, 'the refusals changed nothing')

  t.same(await admin(app, 'POST', '/_emulator/state/checkpoints/fixtures/restore'), { status: 200, body: { restored: 'fixtures' } })
  t.same(await visibleState(app, KEYS), fixtures, 'the restore brings the checkpoint back')
  await ok(t, app, 'CreateDisks', { zoneId: 'asia-east-1a', diskName: 'after-restore', diskSize: 20 })
  t.equal((await importOf(exported)).statusCode, 200)
  await app.close()
  closed = true

  const again = await buildApp(config)
  t.teardown(() => again.close())
  t.same(await visibleState(again, KEYS), wanted, 'a restart with --db keeps the imported state')
  const inZone = await ok(t, again, 'DescribeDisks', { zoneId: 'asia-east-1a', pageSize: 1000 })
  t.equal(inZone.totalCount, inZone.dataSet.length, 'per-zone counts agree with the rows')
})
