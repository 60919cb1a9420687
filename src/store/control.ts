/**
 * The emulator's control state in the database: the virtual clock, lifecycle policies set at run
 * time, pending failure injections and per-account quotas. Reads go to the database every time
 * (each is one primary-key lookup), so a rolled-back request, a restored checkpoint or an import
 * is seen at once, with no cache to fall out of step.
 */
import type { Db } from './db.js'

export interface StoredClock { offsetMs: number, frozenAt: number | null }
export interface StoredQuota { snapshotsPerDisk: number | null, snapshotsPerAccount: number | null }

export function createControl (db: Db) {
  const readClock = db.prepare('SELECT offset_ms AS offsetMs, frozen_at AS frozenAt FROM emulator_clock WHERE id = 1')
  const writeClock = db.prepare('UPDATE emulator_clock SET offset_ms = ?, frozen_at = ? WHERE id = 1')
  const selectPolicy = db.prepare('SELECT policy FROM lifecycle_policies WHERE transition = ?')
  const selectPolicies = db.prepare('SELECT transition, policy FROM lifecycle_policies')
  const upsertPolicy = db.prepare('INSERT INTO lifecycle_policies (transition, policy) VALUES (?, ?) ON CONFLICT(transition) DO UPDATE SET policy = excluded.policy')
  const deletePolicies = db.prepare('DELETE FROM lifecycle_policies')
  const selectFailure = db.prepare('SELECT remaining FROM lifecycle_failures WHERE transition = ?')
  const selectFailures = db.prepare('SELECT transition, remaining FROM lifecycle_failures WHERE remaining > 0 ORDER BY transition')
  const upsertFailure = db.prepare('INSERT INTO lifecycle_failures (transition, remaining) VALUES (?, ?) ON CONFLICT(transition) DO UPDATE SET remaining = excluded.remaining')
  const deleteFailure = db.prepare('DELETE FROM lifecycle_failures WHERE transition = ?')
  const deleteFailures = db.prepare('DELETE FROM lifecycle_failures')
  const selectQuota = db.prepare('SELECT snapshots_per_disk AS snapshotsPerDisk, snapshots_per_account AS snapshotsPerAccount FROM quotas WHERE account_id = ?')
  const upsertQuota = db.prepare(`INSERT INTO quotas (account_id, snapshots_per_disk, snapshots_per_account) VALUES (@accountId, @snapshotsPerDisk, @snapshotsPerAccount)
    ON CONFLICT(account_id) DO UPDATE SET snapshots_per_disk = excluded.snapshots_per_disk, snapshots_per_account = excluded.snapshots_per_account`)
  const deleteQuotas = db.prepare('DELETE FROM quotas')
  const deleteQuota = db.prepare('DELETE FROM quotas WHERE account_id = ?')
  const deleteFaultRules = db.prepare('DELETE FROM fault_rules')
  const deleteFaultRulesOf = db.prepare('DELETE FROM fault_rules WHERE account_id = ?')

  return {
    clock: (): StoredClock => readClock.get() as StoredClock,
    setClock: (state: StoredClock) => { writeClock.run(state.offsetMs, state.frozenAt) },

    /** The policy text set at run time for a transition, if any. */
    policy: (transition: string) => (selectPolicy.get(transition) as { policy: string } | undefined)?.policy,
    policies: () => selectPolicies.all() as { transition: string, policy: string }[],
    setPolicy: (transition: string, policy: string) => { upsertPolicy.run(transition, policy) },

    failures: (transition: string) => (selectFailure.get(transition) as { remaining: number } | undefined)?.remaining ?? 0,
    allFailures: () => selectFailures.all() as { transition: string, remaining: number }[],
    setFailures: (transition: string, remaining: number) => {
      if (remaining <= 0) deleteFailure.run(transition)
      else upsertFailure.run(transition, remaining)
    },

    quota: (accountId: string) => selectQuota.get(accountId) as StoredQuota | undefined,
    setQuota: (accountId: string, quota: StoredQuota) => { upsertQuota.run({ accountId, ...quota }) },

    /**
     * Back to the options: run-time policies, failure injections, quotas and fault rules forgotten
     * (the clock is left where it is: time is not state a reset rewinds).
     */
    clear: () => {
      deletePolicies.run()
      deleteFailures.run()
      deleteQuotas.run()
      deleteFaultRules.run()
    },
    /** What one account has of it: its quotas and the fault rules that name it. */
    clearAccount: (accountId: string) => {
      deleteQuota.run(accountId)
      deleteFaultRulesOf.run(accountId)
    }
  }
}
export type Control = ReturnType<typeof createControl>
