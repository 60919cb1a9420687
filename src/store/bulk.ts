/**
 * Whole-state writes (a file restore or import, a full reset) done table by table instead of row
 * by row. With foreign keys on, SQLite deletes from any table in a foreign key row by row (and an
 * account's delete cascades into every table it owns), maintaining each index entry; with them
 * off and no trigger on the table, `DELETE FROM t` frees the table's and its indexes' pages at
 * once, and `INSERT INTO t SELECT * FROM other.t` between two identical tables copies the b-tree
 * records as they are. Measured at 10k resources (bench/state-results.md), the row-by-row deletes
 * were half of what a restore, an import or a reset cost.
 *
 * The foreign keys are then checked once, before the commit: a violation rolls everything back.
 */
import type { Db } from './db.js'

export class ForeignKeyViolation extends Error {}

/**
 * Runs `work` in one IMMEDIATE transaction with foreign keys off, checked before the commit.
 * The pragma cannot change inside a transaction, so inside one `work` runs in a savepoint with
 * foreign keys on and deferred to the outer commit: correct, only slower.
 */
export function bulkTransaction<T> (db: Db, work: () => T): T {
  if (db.inTransaction) {
    return db.transaction(() => {
      db.pragma('defer_foreign_keys = ON')
      return work()
    })()
  }
  db.pragma('foreign_keys = OFF')
  try {
    return db.transaction(() => {
      const result = work()
      const broken = db.pragma('main.foreign_key_check') as { table: string, parent: string }[]
      if (broken.length > 0) throw new ForeignKeyViolation(`${broken.length} row(s) of ${broken[0].table} name a missing ${broken[0].parent} row`)
      return result
    }).immediate()
  } finally {
    db.pragma('foreign_keys = ON')
  }
}

/**
 * Runs `work` with every trigger of the main database dropped, then makes them again (DDL is
 * transactional in SQLite: a failure brings them back). Every trigger keeps a count table, and a
 * table with a trigger is never truncated; call inside a transaction.
 */
export function withoutTriggers<T> (db: Db, work: () => T): T {
  const triggers = db.prepare("SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger'").all() as { name: string, sql: string }[]
  for (const { name } of triggers) db.exec(`DROP TRIGGER main."${name}"`)
  const result = work()
  for (const { sql } of triggers) db.exec(sql)
  return result
}

/** Every table of the main database, in name order. */
export const allTables = (db: Db): string[] =>
  (db.prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map(t => t.name)

/** Empties `tables`: a truncation inside bulkTransaction and withoutTriggers. */
export function truncate (db: Db, tables: string[]): void {
  for (const name of tables) db.exec(`DELETE FROM main."${name}"`)
}

/**
 * Removes every account with all it owns: every table with an account_id column (keys, resource
 * groups, resources, counts, quotas, and the fault rules, also those that name no account: only a
 * full reset, which forgets every rule, calls this). What no account owns stays: zones, images,
 * the clock, the id sequence. Call inside bulkTransaction; the count triggers are back in force
 * for what is written afterwards.
 */
export function removeEveryAccount (db: Db): void {
  const owned = (db.prepare("SELECT m.name FROM main.sqlite_master m WHERE m.type = 'table' AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) p WHERE p.name = 'account_id')").all() as { name: string }[])
    .map(t => t.name)
  withoutTriggers(db, () => { truncate(db, ['accounts', ...owned]) })
}
