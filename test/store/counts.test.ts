import t from 'tap'
import { openStore } from '../../src/store/index.js'
import { NO_PENDING, type DiskRecord } from '../../src/store/records.js'

function disk (i: number, zoneId: string, status: string): DiskRecord {
  return {
    diskId: String(1000000000000000000n + BigInt(i)),
    accountId: 'a',
    diskName: `d${i}`,
    zoneId,
    diskType: 'DATA',
    diskCategory: 'Standard NVMe SSD',
    diskSize: 20,
    status,
    instanceId: null,
    portable: true,
    snapshotAbility: true,
    resourceGroupId: 'rg',
    serial: 'x',
    chargeType: 'POSTPAID',
    period: null,
    expiredTime: null,
    autoSnapshotPolicyId: null,
    burstingEnabled: false,
    tags: [],
    createTime: i,
    ...NO_PENDING
  }
}

t.test('trigger-kept counts agree with COUNT(*) through inserts, status changes and deletes', async t => {
  const store = openStore(':memory:')
  t.teardown(() => store.close())
  store.accounts.ensure('a', 0)
  const zones = ['z1', 'z2', 'z3']
  const statuses = ['AVAILABLE', 'IN_USE', 'CREATING']
  store.transaction(() => { for (let i = 0; i < 300; i++) store.disks.insert(disk(i, zones[i % 3], statuses[(i * 7) % 3])) })
  store.transaction(() => {
    for (let i = 0; i < 300; i += 4) store.disks.update(String(1000000000000000000n + BigInt(i)), { status: 'RECYCLED' })
    for (let i = 0; i < 300; i += 5) store.disks.remove(String(1000000000000000000n + BigInt(i)))
  })
  const exact = (column: string, value: string) => store.disks.count([['account_id = ?', 'a'], [`${column} = ?`, value]])
  for (const zoneId of [...zones, 'nowhere']) t.equal(store.disks.list('a', { zoneId }, 1, 5).total, exact('zone_id', zoneId), zoneId)
  for (const diskStatus of [...statuses, 'RECYCLED', 'FAILED']) t.equal(store.disks.list('a', { diskStatus }, 1, 5).total, exact('status', diskStatus), diskStatus)
  t.equal(store.disks.list('a', {}, 1, 5).total, store.disks.count([['account_id = ?', 'a']]), 'account-wide')
  t.equal(store.disks.list('a', { zoneId: 'z1', diskStatus: 'IN_USE' }, 1, 5).total, store.disks.count([['account_id = ?', 'a'], ['zone_id = ?', 'z1'], ['status = ?', 'IN_USE']]), 'two filters count through the index')
})

t.test('migrations are idempotent and the counts survive a reopen', async t => {
  const dir = t.testdir({})
  const path = `${dir}/zec.db`
  const first = openStore(path)
  first.accounts.ensure('a', 0)
  first.transaction(() => { first.disks.insert(disk(1, 'z1', 'AVAILABLE')) })
  first.close()
  const again = openStore(path)
  t.teardown(() => again.close())
  t.equal(again.disks.list('a', { zoneId: 'z1' }, 1, 20).total, 1)
})

t.test('per-disk snapshot counts: the quota count and totalCount by diskIds agree with COUNT(*), the page with a sort', async t => {
  const store = openStore(':memory:')
  t.teardown(() => store.close())
  store.accounts.ensure('a', 0)
  const disks = ['d1', 'd2', 'd3']
  const snapshot = (i: number) => ({
    snapshotId: String(1100000000000000000n + BigInt(i)),
    accountId: 'a',
    snapshotName: `s${i}`,
    diskId: disks[i % 3],
    diskType: 'DATA',
    diskSize: 20,
    zoneId: 'z1',
    resourceGroupId: 'rg',
    snapshotType: 'Manual',
    status: 'AVAILABLE',
    retentionTime: null,
    createTime: 1000 - i,
    ...NO_PENDING
  })
  store.transaction(() => { for (let i = 0; i < 90; i++) store.snapshots.insert(snapshot(i)) })
  store.transaction(() => { for (let i = 0; i < 90; i += 4) store.snapshots.remove(String(1100000000000000000n + BigInt(i))) })
  const exact = (ids: string[]) => store.snapshots.count([['account_id = ?', 'a'], [`disk_id IN (${ids.map(() => '?').join(', ')})`, ...ids]])
  for (const diskId of [...disks, 'nowhere']) t.equal(store.snapshots.countForDisk('a', diskId), exact([diskId]), `countForDisk ${diskId}`)
  for (const diskIds of [['d1'], ['d1', 'd2'], ['d2', 'd2'], ['d1', 'd2', 'd3', 'nowhere']]) {
    const page = store.snapshots.list('a', { diskIds }, 2, 7)
    t.equal(page.total, exact(diskIds), `totalCount of ${diskIds.join(',')}`)
    const all = store.snapshots.select([['account_id = ?', 'a'], [`disk_id IN (${diskIds.map(() => '?').join(', ')})`, ...diskIds]], 'ORDER BY create_time DESC, snapshot_id DESC')
    t.same(page.items.map(s => s.snapshotId), all.slice(7, 14).map(s => s.snapshotId), `page 2 of ${diskIds.join(',')}, newest first`)
  }
  t.equal(store.snapshots.countForDisk('b', 'd1'), 0, 'counts are per account')
})
