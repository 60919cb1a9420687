/**
 * Upgrades: every database file in test/fixtures/upgrade/ (made at an older schema version by
 * the script beside it, committed as made) opens, migrates and loses nothing — every row of every
 * table is there with every column as written, and a client sees it all — whether it is opened as
 * the --db file, imported over HTTP, or exported again and imported into a fresh emulator.
 */
import t from 'tap'
import type { Test } from 'tap'
import { copyFileSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../src/app.js'
import { makeConfig } from '../../src/config.js'
import { PROJECT_ROOT } from '../../src/paths.js'
import { openDatabase } from '../../src/store/db.js'
import { MIGRATIONS } from '../../src/store/migrations.js'
import { report } from './support.js'

const FOLDER = join(PROJECT_ROOT, 'test/fixtures/upgrade')
const FILES = readdirSync(FOLDER).filter(f => f.endsWith('.sqlite')).sort()
type Rows = Record<string, Record<string, unknown>[]>
const PRIMARY: Record<string, string[]> = {
  meta: ['key'],
  accounts: ['account_id'],
  credentials: ['access_key_id'],
  tokens: ['token'],
  zones: ['zone_id'],
  resource_groups: ['account_id', 'resource_group_id'],
  instances: ['instance_id'],
  disks: ['disk_id'],
  snapshots: ['snapshot_id'],
  auto_snapshot_policies: ['auto_snapshot_policy_id']
}
const figures: Record<string, unknown> = {}

async function zec (app: FastifyInstance, action: string, input: object, authorization = 'Bearer legacy-token') {
  const res = await app.inject({ method: 'POST', url: '/api/v2/zec', headers: { 'content-type': 'application/json', 'x-zc-action': action, authorization }, payload: JSON.stringify(input) })
  return res.json().response
}

/** What a client of each old account sees: every resource, field by field, as the rows say. */
async function checkThroughTheApi (t: Test, app: FastifyInstance, rows: Rows, how: string) {
  const legacy = (table: string) => rows[table].filter(r => r.account_id === 'legacy')
  const disks = await zec(app, 'DescribeDisks', { pageSize: 100 })
  t.equal(disks.totalCount, legacy('disks').length, `${how}: DescribeDisks counts every old disk`)
  for (const row of legacy('disks')) {
    const disk = disks.dataSet.find((d: { diskId: string }) => d.diskId === row.disk_id)
    t.match(disk, { diskName: row.disk_name, diskSize: row.disk_size, diskStatus: row.status, zoneId: row.zone_id, diskType: row.disk_type, instanceId: row.instance_id ?? '' }, `${how}: disk ${row.disk_id} as written`)
    const tags = JSON.parse(row.tags as string)
    if (tags.length > 0) t.same(disk.tags?.tags ?? disk.tags, tags, `${how}: its tags, SQL-looking value included, literally`)
  }
  const snapshots = await zec(app, 'DescribeSnapshots', { pageSize: 100 })
  t.equal(snapshots.totalCount, legacy('snapshots').length, `${how}: DescribeSnapshots counts every old snapshot`)
  for (const row of legacy('snapshots')) {
    const snapshot = snapshots.dataSet.find((s: { snapshotId: string }) => s.snapshotId === row.snapshot_id)
    t.match(snapshot, { snapshotName: row.snapshot_name, diskId: row.disk_id, status: row.status, snapshotType: row.snapshot_type }, `${how}: snapshot ${row.snapshot_id} as written`)
    t.equal(snapshot.retentionTime === null, row.retention_time === null, `${how}: its retention`)
  }
  const policies = await zec(app, 'DescribeAutoSnapshotPolicies', {})
  for (const row of legacy('auto_snapshot_policies')) {
    const policy = policies.dataSet.find((p: { autoSnapshotPolicyId: string }) => p.autoSnapshotPolicyId === row.auto_snapshot_policy_id)
    const bound = legacy('disks').filter(d => d.auto_snapshot_policy_id === row.auto_snapshot_policy_id).map(d => d.disk_id)
    t.match(policy, { autoSnapshotPolicyName: row.auto_snapshot_policy_name, retentionDays: row.retention_days, repeatWeekDays: JSON.parse(row.repeat_week_days as string), hours: JSON.parse(row.hours as string), diskIdSet: bound }, `${how}: policy ${row.auto_snapshot_policy_id} and its binding`)
  }
  const instances = await zec(app, 'DescribeInstances', {})
  t.same(instances.dataSet.map((i: { instanceId: string }) => i.instanceId), legacy('instances').map(r => r.instance_id), `${how}: the old instances`)
  const zones = await zec(app, 'DescribeZones', {})
  t.same(zones.zoneSet.map((z: { zoneId: string }) => z.zoneId).sort(), rows.zones.map(z => z.zone_id).sort(), `${how}: the old zones`)
  // An account made on first use of a key, before the upgrade, is still that key's account.
  const suite = await zec(app, 'DescribeDisks', {}, 'ZC2-HMAC-SHA256 Credential=OLD-SUITE, SignedHeaders=content-type;host, Signature=00')
  t.same(suite.dataSet.map((d: { diskId: string }) => d.diskId), rows.disks.filter(d => d.account_id === 'key:OLD-SUITE').map(d => d.disk_id), `${how}: the first-use account keeps its disk`)
  const created = await zec(app, 'CreateSnapshot', { diskId: legacy('disks')[1].disk_id, snapshotName: 'after-upgrade' })
  t.ok(/^\d{19}$/.test(created?.snapshotId ?? ''), `${how}: new writes work`)
  t.ok(BigInt(created.snapshotId) >= BigInt(rows.meta.find(m => m.key === 'next_id')!.value as string), `${how}: new ids continue the old counter, no collision`)
}

for (const name of FILES) {
  const rows = JSON.parse(readFileSync(join(FOLDER, name.replace(/\.sqlite$/, '.rows.json')), 'utf8')) as Rows
  const original = readFileSync(join(FOLDER, name))

  t.test(`${name} opened with openDatabase: migrated, every row intact`, async t => {
    const copy = join(t.testdir({}), name)
    copyFileSync(join(FOLDER, name), copy)
    const before = new Database(copy, { readonly: true })
    const fromVersion = before.pragma('user_version', { simple: true }) as number
    before.close()
    t.ok(fromVersion < MIGRATIONS.length, `the fixture is at schema version ${fromVersion}, before the newest (${MIGRATIONS.length})`)

    const db = openDatabase(copy)
    t.equal(db.pragma('user_version', { simple: true }), MIGRATIONS.length, 'migrated to the newest version')
    t.equal(db.pragma('integrity_check', { simple: true }), 'ok', 'integrity_check ok')
    let checked = 0
    for (const [table, expected] of Object.entries(rows)) {
      t.equal((db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n, expected.length, `${table}: ${expected.length} rows, none lost or added`)
      for (const row of expected) {
        const key = PRIMARY[table]
        const found = db.prepare(`SELECT * FROM ${table} WHERE ${key.map(k => `${k} = ?`).join(' AND ')}`).get(...key.map(k => row[k]))
        t.match(found, row, `${table} ${key.map(k => row[k]).join('/')}: every column as written`)
        checked++
      }
    }
    const counts = db.prepare("SELECT account_id, kind, n FROM row_counts WHERE kind IN ('disks', 'snapshots') ORDER BY account_id, kind").all()
    const wanted = ['disks', 'snapshots'].flatMap(kind => [...new Set(rows[kind].map(r => r.account_id))].map(account => ({ account_id: account, kind, n: rows[kind].filter(r => r.account_id === account).length })))
    t.same(counts, wanted.sort((a, b) => `${a.account_id}${a.kind}`.localeCompare(`${b.account_id}${b.kind}`)), 'the trigger-kept counts still agree with the rows')
    db.close()
    figures[name] = { fromVersion, toVersion: MIGRATIONS.length, rowsChecked: checked, tables: Object.keys(rows).length }
  })

  t.test(`${name} as the --db file of an emulator: a client sees everything`, async t => {
    const copy = join(t.testdir({}), name)
    copyFileSync(join(FOLDER, name), copy)
    const app = await buildApp(makeConfig({ db: copy, fixtures: 'none' }))
    t.teardown(() => app.close())
    await checkThroughTheApi(t, app, rows, '--db')
  })

  t.test(`${name} imported over HTTP, and exported and imported again`, async t => {
    const app = await buildApp(makeConfig({ fixtures: 'none' }))
    t.teardown(() => app.close())
    const imported = await app.inject({ method: 'POST', url: '/_emulator/state/import', headers: { 'content-type': 'application/octet-stream' }, payload: original })
    t.equal(imported.statusCode, 200, 'the import is accepted')
    t.match(imported.json(), { imported: true, schemaVersion: MIGRATIONS.length, migratedFrom: (figures[name] as { fromVersion?: number } | undefined)?.fromVersion ?? Number }, 'and says it migrated')
    await checkThroughTheApi(t, app, rows, 'import')

    const exported = await app.inject({ method: 'GET', url: '/_emulator/state/export' })
    const fresh = await buildApp(makeConfig({ fixtures: 'none' }))
    t.teardown(() => fresh.close())
    const again = await fresh.inject({ method: 'POST', url: '/_emulator/state/import', headers: { 'content-type': 'application/octet-stream' }, payload: exported.rawPayload })
    t.match(again.json(), { imported: true, migratedFrom: MIGRATIONS.length }, 'the exported file imports at the newest version')
    const snapshots = await zec(fresh, 'DescribeSnapshots', { snapshotName: 'after-upgrade' })
    t.equal(snapshots.totalCount, 1, 'with the write made after the upgrade')
  })
}

t.teardown(() => report(t, 'upgrade', { files: FILES, ...figures }))
