/**
 * Fault rules in the database (table `fault_rules`, migration 4), with their counters, so a
 * restart with --db, a checkpoint, an export and a rolled-back request all see the same rules and
 * hit counts. Ids are `fault-<n>`, numbered from the rules that exist: the same calls to the admin
 * API give the same ids, which the seeded dice depend on.
 */
import type { FaultEffect, FaultRule } from '../domain/faults.js'
import type { Db } from './db.js'

export type NewFaultRule = Omit<FaultRule, 'id' | 'matched' | 'hits'>

/** A rule as its row reads: the effect still JSON text. */
type Row = Omit<FaultRule, 'effect'> & { effect: string }

const COLUMNS = `rule_id AS id, created_at AS createdAt, action, account_id AS account, access_key_id AS accessKeyId,
  resource_id AS resourceId, probability, times_left AS timesLeft, expires_at AS expiresAt, effect, matched, hits`
// `fault-10` after `fault-9`: by length, then text.
const ORDER = 'ORDER BY created_at, length(rule_id), rule_id'

const toRule = (row: Row): FaultRule => ({ ...row, effect: JSON.parse(row.effect) as FaultEffect })

export function createFaults (db: Db) {
  const selectAll = db.prepare(`SELECT ${COLUMNS} FROM fault_rules ${ORDER}`)
  // The door's one query per call: with no rule it finds nothing at once.
  const selectForAction = db.prepare(`SELECT ${COLUMNS} FROM fault_rules WHERE action IS NULL OR action = ? ${ORDER}`)
  const selectOne = db.prepare(`SELECT ${COLUMNS} FROM fault_rules WHERE rule_id = ?`)
  const selectNextNumber = db.prepare("SELECT COALESCE(MAX(CAST(substr(rule_id, 7) AS INTEGER)), 0) + 1 AS n FROM fault_rules WHERE rule_id LIKE 'fault-%'")
  const insert = db.prepare(`INSERT INTO fault_rules (rule_id, created_at, action, account_id, access_key_id, resource_id, probability, times_left, expires_at, effect)
    VALUES (@id, @createdAt, @action, @account, @accessKeyId, @resourceId, @probability, @timesLeft, @expiresAt, @effect)`)
  const deleteOne = db.prepare('DELETE FROM fault_rules WHERE rule_id = ?')
  const deleteAll = db.prepare('DELETE FROM fault_rules')
  const deleteOfAccount = db.prepare('DELETE FROM fault_rules WHERE account_id = ?')
  const countMatch = db.prepare('UPDATE fault_rules SET matched = matched + 1 WHERE rule_id = ?')
  const countHit = db.prepare('UPDATE fault_rules SET matched = matched + 1, hits = hits + 1, times_left = times_left - 1 WHERE rule_id = ?')

  return {
    all: () => (selectAll.all() as Row[]).map(toRule),
    /** The rules that may match a call of this action (rules for any action included), in creation order. */
    forAction: (action: string | undefined) => (selectForAction.all(action ?? null) as Row[]).map(toRule),
    get: (id: string) => {
      const row = selectOne.get(id) as Row | undefined
      return row === undefined ? undefined : toRule(row)
    },
    add: (rule: NewFaultRule): FaultRule => {
      const id = `fault-${(selectNextNumber.get() as { n: number }).n}`
      insert.run({ ...rule, id, effect: JSON.stringify(rule.effect) })
      return { ...rule, id, matched: 0, hits: 0 }
    },
    /** A call matched the rule; `hit` when the rule faulted it (times left go down by one; NULL stays NULL). */
    record: (id: string, hit: boolean) => { (hit ? countHit : countMatch).run(id) },
    remove: (id: string) => deleteOne.run(id).changes === 1,
    /** Removes every rule (DELETE /_emulator/faults, and a full reset); how many there were. */
    clear: () => deleteAll.run().changes,
    /** The rules that name one account (a scoped reset). */
    clearAccount: (accountId: string) => deleteOfAccount.run(accountId).changes
  }
}
export type Faults = ReturnType<typeof createFaults>
