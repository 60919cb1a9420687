/**
 * The history table on its own: what migration 7's triggers keep bounded (the newest entries per
 * resource, a destroyed resource's rows for an hour of virtual time) and what goes with a
 * resource removed without a transition, an emptied account and a removed one.
 */
import t from 'tap'
import { openStore, type Store } from '../../src/store/index.js'
import { FORGET_AFTER_MS, GONE, type HistoryEntry } from '../../src/store/history.js'
import { HISTORY_CAP } from '../../src/store/migrations.js'
import { NO_PENDING, type SnapshotRecord } from '../../src/store/records.js'

const entry = (resourceId: string, endedAt: number, endStatus = 'AVAILABLE', accountId = 'a'): HistoryEntry =>
  ({ accountId, resourceId, transition: 'snapshot.create', status: 'CREATING', startedAt: endedAt - 1000, endedAt, endStatus, failed: false })

const snapshot = (snapshotId: string, accountId = 'a'): SnapshotRecord => ({ snapshotId, accountId, snapshotName: snapshotId, diskId: 'd', diskType: 'DATA', diskSize: 20, zoneId: 'z', resourceGroupId: 'rg', snapshotType: 'Manual', status: 'AVAILABLE', retentionTime: null, createTime: 0, ...NO_PENDING })

function storeWith (t: Parameters<Parameters<typeof t.test>[1]>[0], ...accounts: string[]): Store {
  const store = openStore(':memory:')
  t.teardown(() => store.close())
  for (const account of accounts) store.accounts.ensure(account, 0)
  return store
}

t.test(`a resource keeps its newest ${HISTORY_CAP} entries, newest first; another resource keeps its own`, async t => {
  const store = storeWith(t, 'a')
  store.transaction(() => {
    for (let i = 1; i <= HISTORY_CAP + 10; i++) store.history.record(entry('busy', i * 1000))
    store.history.record(entry('quiet', 500))
  })
  const busy = store.history.of('a', 'busy')
  t.equal(busy.length, HISTORY_CAP, `${HISTORY_CAP} kept of ${HISTORY_CAP + 10}`)
  t.equal(busy[0].endedAt, (HISTORY_CAP + 10) * 1000, 'the newest first')
  t.equal(busy.at(-1)?.endedAt, 11_000, 'the ten oldest dropped')
  t.same(store.history.of('a', 'quiet').map(e => e.endedAt), [500], 'the cap is per resource')
  t.same(store.history.of('b', 'busy'), [], 'and per account')
})

t.test('a destroyed resource keeps its entries for an hour, then the next entry purges them', async t => {
  const store = storeWith(t, 'a')
  store.transaction(() => {
    store.snapshots.insert(snapshot('s1'))
    store.history.record(entry('s1', 1000))
    // What complete() does: the entry that destroys it first, then the row goes.
    store.history.record({ ...entry('s1', 2000, GONE), transition: 'snapshot.delete', status: 'DELETING' })
    store.snapshots.remove('s1')
  })
  t.same(store.history.of('a', 's1').map(e => [e.transition, e.endStatus]), [['snapshot.delete', GONE], ['snapshot.create', 'AVAILABLE']], 'kept after the row is gone')
  store.transaction(() => { store.history.record(entry('other', 2000 + FORGET_AFTER_MS - 1)) })
  t.equal(store.history.of('a', 's1').length, 2, 'still there 1 ms before its hour is over')
  store.transaction(() => { store.history.record(entry('other', 2000 + FORGET_AFTER_MS)) })
  t.same(store.history.of('a', 's1'), [], 'purged by the first entry that ends once the hour is over')
  t.equal(store.history.of('a', 'other').length, 2, 'a live resource\'s entries are never purged by time')
})

t.test('a resource removed without a transition loses its entries at once; a removed or emptied account all of its own', async t => {
  const store = storeWith(t, 'a', 'b', 'c')
  store.transaction(() => {
    for (const account of ['a', 'b', 'c']) {
      store.snapshots.insert(snapshot(`s-${account}`, account))
      store.snapshots.insert(snapshot(`t-${account}`, account))
      store.history.record(entry(`s-${account}`, 1000, 'AVAILABLE', account))
      store.history.record(entry(`t-${account}`, 1000, 'AVAILABLE', account))
    }
    store.snapshots.remove('s-a')
  })
  t.same(store.history.of('a', 's-a'), [], 'retention expiry or quota rotation: gone with the row')
  t.equal(store.history.of('a', 't-a').length, 1, 'the other snapshot keeps its entry')
  store.accounts.clearResources('b')
  t.same([store.history.of('b', 's-b'), store.history.of('b', 't-b')], [[], []], 'reset to empty clears the account\'s history')
  store.accounts.remove('c')
  t.same(store.history.of('c', 's-c'), [], 'a removed account\'s history goes with it')
  t.equal(store.history.of('a', 't-a').length, 1, 'other accounts keep theirs')
  // The triggers suspended for the bulk removal are back: the cap still holds.
  store.transaction(() => { for (let i = 0; i < HISTORY_CAP + 1; i++) store.history.record(entry('t-a', 2000 + i)) })
  t.equal(store.history.of('a', 't-a').length, HISTORY_CAP, 'the cap trigger is back after a reset')
})
