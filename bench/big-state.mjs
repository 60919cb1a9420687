// Big states for the scale scenarios, written straight into a --db file: the emulator seeds the
// demo fixtures into a fresh file (so the schema is that build's), then one transaction of bulk
// INSERT … SELECT over a recursive counter adds the rows (the count triggers run as for any row).
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

function addDisks (db, count, now) {
  db.prepare(`${COUNTER} INSERT INTO disks (disk_id, account_id, disk_name, zone_id, disk_type, disk_category, disk_size, status,
      instance_id, portable, snapshot_ability, resource_group_id, serial, charge_type, create_time)
    SELECT ${diskId('i')}, '${ACCOUNT}', 'bulk-' || i, 'asia-east-1b', 'DATA', 'Standard NVMe SSD', 20, 'AVAILABLE',
      NULL, 1, 1, '${GROUP}', printf('%020d', i), 'POSTPAID', ? - 86400000 - i * 1000 FROM n`).run(count, now)
}

/** `count` snapshots, `diskOf` an SQL expression over the counter i; CREATING and not due when `pendingUntil` is set. */
function addSnapshots (db, count, diskOf, now, pendingUntil = null) {
  const pending = pendingUntil === null
    ? "'AVAILABLE', NULL, ? - 3600000 - i * 10, NULL, NULL, NULL, NULL, 0, 0, NULL"
    : "'CREATING', NULL, ? - i, 'snapshot.create', ? - i, ?, NULL, 0, 0, 'CREATING'"
  const params = pendingUntil === null ? [count, now] : [count, now, now, pendingUntil]
  db.prepare(`${COUNTER} INSERT INTO snapshots (${SNAPSHOT_COLUMNS})
    SELECT printf('16%017d', i), '${ACCOUNT}', 'bulk-' || i, ${diskOf}, 'DATA', 20, 'asia-east-1a', '${GROUP}', 'Manual', ${pending} FROM n`).run(...params)
}

export const STATES = {
  small: () => {},
  // Transitions in flight that are not due for a week: settling must not read them.
  'pending-100k': (db, now) => {
    addDisks(db, 1000, now)
    addSnapshots(db, 100_000, diskId('i % 1000'), now, now + 7 * 86_400_000)
  },
  'snapshots-1m': (db, now) => {
    addDisks(db, 1000, now)
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
  db.transaction(() => STATES[kind](db, Date.now()))()
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
