import Database from 'better-sqlite3'
import t from 'tap'
import { openStore, type Store } from '../../src/store/index.js'
import { MIGRATIONS } from '../../src/store/migrations.js'
import { NO_PENDING, type SnapshotRecord } from '../../src/store/records.js'

const DROPPED = ['disks_pending', 'snapshots_pending', 'instances_pending']
const DAY = 86_400_000

function snapshot (i: number): SnapshotRecord {
  return {
    snapshotId: idOf(i),
    accountId: 'a',
    snapshotName: `s${i}`,
    diskId: 'd1',
    diskType: 'DATA',
    diskSize: 20,
    zoneId: 'z1',
    resourceGroupId: 'rg',
    snapshotType: 'Manual',
    status: 'AVAILABLE',
    retentionTime: null,
    createTime: i,
    ...NO_PENDING
  }
}

const idOf = (i: number) => String(1000000000000000000n + BigInt(i))
/** Every 50th of the 500 pending rows falls due, row i at `now - i`; the rest are due a week later. */
const DUE = Array.from({ length: 10 }, (_, k) => k * 50)
const dueAtOf = (i: number, now: number) => DUE.includes(i) ? now - i : now + 7 * DAY

/** 500 snapshots CREATING, written as a store writes them. */
function fillPending (store: Store, now: number): void {
  store.transaction(() => {
    for (let i = 0; i < 500; i++) {
      store.snapshots.insert(snapshot(i))
      store.snapshots.update(idOf(i), { status: 'CREATING', transition: 'snapshot.create', transitionStarted: dueAtOf(i, now) - 3000, dueAt: dueAtOf(i, now), returnStatus: 'CREATING' })
    }
  })
}

const indexNames = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]).map(r => r.name)

t.test('settling finds exactly the due transitions among many in flight, oldest due first, through the due indexes', async t => {
  const store = openStore(':memory:')
  t.teardown(() => store.close())
  store.accounts.ensure('a', 0)
  const now = 10 * DAY
  fillPending(store, now)
  t.same(store.snapshots.due('a', now).map(s => s.snapshotId), [...DUE].reverse().map(idOf), 'the 10 due rows, oldest due first; none of the 490 in flight')
  t.same(store.snapshots.due('a', now - 200).map(s => s.snapshotId), DUE.filter(i => i >= 200).reverse().map(idOf), '200 ms earlier, only those due by then')
  t.same(store.snapshots.due('b', now), [], 'another account has nothing due')

  t.same(indexNames(store.db).filter(name => DROPPED.includes(name)), [], 'the per-account pending indexes are gone')
  // The statements settling runs each request (src/store/table.ts) must search an index, never scan a table.
  for (const table of ['disks', 'snapshots', 'instances']) {
    for (const [sql, ...params] of [
      [`SELECT * FROM ${table} WHERE account_id = ? AND due_at IS NOT NULL AND due_at <= ? AND transition IS NOT NULL`, 'a', now],
      [`SELECT * FROM ${table} WHERE account_id = ? AND due_describes IS NOT NULL AND describes_seen - due_describes >= 0 AND transition IS NOT NULL`, 'a'],
      [`SELECT 1 FROM ${table} WHERE account_id = ? AND due_describes IS NOT NULL LIMIT 1`, 'a']
    ] as [string, ...unknown[]][]) {
      const plan = (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map(r => r.detail).join('; ')
      t.match(plan, new RegExp(`^SEARCH ${table} USING INDEX ${table}_due`), `${table}: ${plan}`)
    }
  }
})

t.test('a database from before the pending indexes were dropped upgrades, and its transitions still settle', async t => {
  const dir = t.testdir({})
  const path = `${dir}/old.db`
  const now = 10 * DAY
  const old = new Database(path)
  for (let version = 0; version < 7; version++) old.exec(MIGRATIONS[version])
  old.pragma('user_version = 7')
  t.ok(DROPPED.every(name => indexNames(old).includes(name)), 'the old schema has the pending indexes')
  old.prepare("INSERT INTO accounts (account_id, created_at) VALUES ('a', 0)").run()
  const insert = old.prepare(`INSERT INTO snapshots (snapshot_id, account_id, snapshot_name, disk_id, disk_type, disk_size, zone_id, resource_group_id, snapshot_type,
    status, create_time, transition, transition_started, due_at, return_status) VALUES (?, 'a', 's', 'd1', 'DATA', 20, 'z1', 'rg', 'Manual', 'CREATING', ?, 'snapshot.create', ?, ?, 'CREATING')`)
  old.transaction(() => { for (let i = 0; i < 500; i++) insert.run(idOf(i), i, dueAtOf(i, now) - 3000, dueAtOf(i, now)) })()
  old.close()

  const store = openStore(path)
  t.teardown(() => store.close())
  t.equal(store.db.pragma('user_version', { simple: true }), MIGRATIONS.length, 'migrated to the newest version')
  t.same(indexNames(store.db).filter(name => DROPPED.includes(name)), [], 'the pending indexes are gone')
  t.same(store.snapshots.due('a', now).map(s => s.snapshotId), [...DUE].reverse().map(idOf), 'the due transitions are found, and only they')
  t.equal(store.snapshots.list('a', { status: 'CREATING' }, 1, 20).total, 500, 'the per-status count is exact')
  t.equal(store.snapshots.list('a', {}, 1, 20).total, 500, 'the account count is exact')
})
