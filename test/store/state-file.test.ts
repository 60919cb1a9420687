import t from 'tap'
import { join } from 'node:path'
import { writeFileSync } from 'node:fs'
import { openStore } from '../../src/store/index.js'
import { NO_PENDING } from '../../src/store/records.js'
import { prepareStateFile, replaceStateFrom, StateFileError } from '../../src/store/state-file.js'
import type { Store } from '../../src/store/index.js'

/** An account with `n` disks in two zones, each with a snapshot. */
function fill (store: Store, accountId: string, n: number, prefix: string): void {
  store.transaction(() => {
    store.accounts.ensure(accountId, 0)
    for (let i = 0; i < n; i++) {
      const diskId = `${prefix}${String(i).padStart(6, '0')}`
      store.disks.insert({ diskId, accountId, diskName: `d${i}`, zoneId: i % 2 === 0 ? 'z1' : 'z2', diskType: 'DATA', diskCategory: 'Standard NVMe SSD', diskSize: 20, status: 'AVAILABLE', instanceId: null, portable: true, snapshotAbility: true, resourceGroupId: 'rg', serial: 'x', chargeType: 'POSTPAID', period: null, expiredTime: null, autoSnapshotPolicyId: null, burstingEnabled: false, tags: [], createTime: i, ...NO_PENDING })
      store.snapshots.insert({ snapshotId: `9${diskId.slice(1)}`, accountId, snapshotName: `s${i}`, diskId, diskType: 'DATA', diskSize: 20, zoneId: 'z1', resourceGroupId: 'rg', snapshotType: 'Manual', status: 'AVAILABLE', retentionTime: null, createTime: i, ...NO_PENDING })
    }
  })
}

/** Every row of the tables that matter here, and the counts the triggers keep. */
const rows = (store: Store) => ['accounts', 'disks', 'snapshots', 'row_counts', 'dimension_counts']
  .map(table => store.db.prepare(`SELECT * FROM "${table}" ORDER BY 1, 2`).all())

t.test('replaceStateFrom (where the database cannot be renamed over): the file rows, counts kept by the triggers afterwards', async t => {
  const dir = t.testdir({})
  for (const trusted of [true, false]) {
    const source = openStore(':memory:')
    fill(source, 'theirs', 40, '1')
    const path = join(dir, `in-${String(trusted)}.sqlite`)
    writeFileSync(path, source.db.serialize())
    prepareStateFile(path, trusted)
    const live = openStore(join(dir, `live-${String(trusted)}.db`))
    fill(live, 'mine', 25, '2')
    replaceStateFrom(live.db, path, trusted)
    t.same(rows(live), rows(source), `trusted ${String(trusted)}: the same rows and counts`)
    t.equal(live.db.pragma('integrity_check', { simple: true }), 'ok')
    live.transaction(() => { live.disks.remove('1000000') })
    t.same(live.db.prepare("SELECT n FROM row_counts WHERE account_id = 'theirs' AND kind = 'disks'").get(), { n: 39 }, 'the count triggers are back')
    t.equal(live.db.pragma('foreign_keys', { simple: true }), 1, 'foreign keys are on again')
    source.close()
    live.close()
  }
})

t.test('replaceStateFrom refuses rows that cannot be copied or break a foreign key, and changes nothing', async t => {
  const dir = t.testdir({})
  const live = openStore(join(dir, 'live.db'))
  t.teardown(() => live.close())
  fill(live, 'mine', 10, '2')
  const before = rows(live)
  const cases: [string, (db: Store['db']) => void][] = [
    ['a disk of a missing account', db => { db.pragma('foreign_keys = OFF'); db.exec("UPDATE disks SET account_id = 'nobody' WHERE disk_id = '1000003'") }],
    ['a table without a column the live one has', db => { db.exec('DROP INDEX snapshots_expiring; ALTER TABLE snapshots DROP COLUMN retention_time') }],
    ['a table missing', db => { db.exec('DROP TABLE quotas') }]
  ]
  for (const [what, spoil] of cases) {
    const source = openStore(':memory:')
    fill(source, 'theirs', 10, '1')
    spoil(source.db)
    const path = join(dir, 'in.sqlite')
    writeFileSync(path, source.db.serialize())
    source.close()
    let refusal: unknown
    try {
      replaceStateFrom(live.db, path)
    } catch (error) {
      refusal = error
    }
    t.ok(refusal instanceof StateFileError, `${what}: refused as a state file (${String(refusal)})`)
    t.same(rows(live), before, `${what}: nothing changed`)
  }
})
