// Big states for the scale scenarios, written straight into a --db file: the emulator seeds the
// demo fixtures into a fresh file (so the schema is that build's), then one transaction of bulk
// INSERT … SELECT over a recursive counter adds the rows (the count triggers run as for any row).
// Every state, the small one too, starts from the same base: the fixtures plus a page's worth of
// disks and of snapshots on the busy disk, newer than anything else, so each load answers the same
// full page of 20 in every state and the ratios measure the state, not the size of the answer
// (the fixtures alone answer 5 snapshots, 2 by that disk and 13 disks).
//   node bench/big-state.mjs <pending-100k|snapshots-1m|disk-10k|small> <file> [dist dir]
import Database from 'better-sqlite3'
import { rmSync } from 'node:fs'
import { startServer } from './servers.mjs'

const ACCOUNT = 'demo'
const GROUP = '8f3c2a5e-1b7d-4c9a-9e2f-0a6b5c4d3e21'
/** The demo disk the one-disk state loads (web-01's data disk). */
export const BUSY_DISK = '1400000000000000002'
/** Bulk rows use id ranges no fixture and no generated id (7…) uses. */
const diskId = (expr) => `printf('17%017d', ${expr})`

const COUNTER = 'WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1)'
const SNAPSHOT_COLUMNS = `snapshot_id, account_id, snapshot_name, disk_id, disk_type, disk_size, zone_id, resource_group_id,
  snapshot_type, status, retention_time, create_time, transition, transition_started, due_at, due_describes, describes_seen, ends_failed, return_status`

/** Bulk disks number `first` … `first + count - 1`; the lower the number, the newer the disk. */
function addDisks (db, count, now, first = 0) {
  db.prepare(`${COUNTER}, m(i) AS (SELECT i + ${first} FROM n) INSERT INTO disks (disk_id, account_id, disk_name, zone_id, disk_type, disk_category, disk_size, status,
      instance_id, portable, snapshot_ability, resource_group_id, serial, charge_type, create_time)
    SELECT ${diskId('i')}, '${ACCOUNT}', 'bulk-' || i, 'asia-east-1b', 'DATA', 'Standard NVMe SSD', 20, 'AVAILABLE',
      NULL, 1, 1, '${GROUP}', printf('%020d', i), 'POSTPAID', ? - 86400000 - i * 1000 FROM m`).run(count, now)
}

/** The base every state shares: one page of the newest disks, and of the newest snapshots, on the busy disk. */
const PAGE = 20
function addBase (db, now) {
  addDisks(db, PAGE, now)
  db.prepare(`${COUNTER} INSERT INTO snapshots (${SNAPSHOT_COLUMNS})
    SELECT printf('18%017d', i), '${ACCOUNT}', 'page-' || i, '${BUSY_DISK}', 'DATA', 20, 'asia-east-1a', '${GROUP}', 'Manual',
      'AVAILABLE', NULL, ? - 1800000 - i * 1000, NULL, NULL, NULL, NULL, 0, 0, NULL FROM n`).run(PAGE, now)
}

/** `count` snapshots, `diskOf` an SQL expression over the counter i; CREATING and not due when `pendingUntil` is set. */
function addSnapshots (db, count, diskOf, now, pendingUntil = null) {
  const pending = pendingUntil === null
    ? "'AVAILABLE', NULL, ? - 3600000 - i * 10, NULL, NULL, NULL, NULL, 0, 0, NULL"
    : "'CREATING', NULL, ? - 3600000 - i, 'snapshot.create', ? - 3600000 - i, ?, NULL, 0, 0, 'CREATING'"
  const params = pendingUntil === null ? [count, now] : [count, now, now, pendingUntil]
  db.prepare(`${COUNTER} INSERT INTO snapshots (${SNAPSHOT_COLUMNS})
    SELECT printf('16%017d', i), '${ACCOUNT}', 'bulk-' || i, ${diskOf}, 'DATA', 20, 'asia-east-1a', '${GROUP}', 'Manual', ${pending} FROM n`).run(...params)
}

// Each adds to the base (addBase); 1,000 bulk disks in all where a state has them.
export const STATES = {
  small: () => {},
  // Transitions in flight that are not due for a week: settling must not read them.
  'pending-100k': (db, now) => {
    addDisks(db, 1000 - PAGE, now, PAGE)
    addSnapshots(db, 100_000, diskId('i % 1000'), now, now + 7 * 86_400_000)
  },
  'snapshots-1m': (db, now) => {
    addDisks(db, 1000 - PAGE, now, PAGE)
    addSnapshots(db, 1_000_000, diskId('i % 1000'), now)
  },
  'disk-10k': (db, now) => {
    addSnapshots(db, 10_000, `'${BUSY_DISK}'`, now)
  }
}

export async function buildState (kind, file, dist) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
  const server = await startServer(dist, ['--db', file])
  await server.stop()
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.transaction(() => {
    const now = Date.now()
    addBase(db, now)
    STATES[kind](db, now)
  })()
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [kind, file, dist = 'dist'] = process.argv.slice(2)
  if (!(kind in STATES) || file === undefined) {
    console.error(`usage: node bench/big-state.mjs <${Object.keys(STATES).join('|')}> <file> [dist]`)
    process.exit(2)
  }
  const t0 = performance.now()
  await buildState(kind, file, dist)
  console.log(`${kind} → ${file} in ${Math.round(performance.now() - t0)} ms`)
}
