/** The snapshot quotas in force for an account: a run-time change (PUT /_emulator/quotas), else the options. */
import type { Runtime } from './context.js'

export interface SnapshotQuota { perDisk: number, perAccount: number }

export function snapshotQuotaOf (runtime: Runtime, accountId: string): SnapshotQuota {
  const stored = runtime.store.control.quota(accountId)
  return {
    perDisk: stored?.snapshotsPerDisk ?? runtime.config.snapshotQuotaPerDisk,
    perAccount: stored?.snapshotsPerAccount ?? runtime.config.snapshotQuotaPerAccount
  }
}
