/**
 * Auto-snapshot policies: storage, the filters of DescribeAutoSnapshotPolicies, the policies
 * whose next slot is due, and the disk bindings (read from and written to disks.auto_snapshot_policy_id).
 */
import type { Db } from './db.js'
import { policyColumns, type PolicyRecord } from './records.js'
import { createTable, inList, type Condition } from './table.js'
import { tagConditions, type TagFilter } from './tags.js'

export interface PolicyFilter extends TagFilter {
  autoSnapshotPolicyIds?: string[]
  zoneIds?: string[]
  autoSnapshotPolicyName?: string
  resourceGroupId?: string
}

function policyConditions (filter: PolicyFilter): Condition[] {
  const conditions: Condition[] = []
  if (filter.autoSnapshotPolicyIds !== undefined) conditions.push(inList('auto_snapshot_policy_id', filter.autoSnapshotPolicyIds))
  if (filter.zoneIds !== undefined) conditions.push(inList('zone_id', filter.zoneIds))
  if (filter.autoSnapshotPolicyName !== undefined) conditions.push(['auto_snapshot_policy_name REGEXP ?', filter.autoSnapshotPolicyName])
  if (filter.resourceGroupId !== undefined) conditions.push(['resource_group_id = ?', filter.resourceGroupId])
  conditions.push(...tagConditions(filter))
  return conditions
}

export function createPolicies (db: Db) {
  const table = createTable<PolicyRecord>(db, 'auto_snapshot_policies', 'autoSnapshotPolicyId', policyColumns)
  const selectBound = db.prepare(`SELECT disk_id AS diskId, auto_snapshot_policy_id AS policyId FROM disks
    WHERE account_id = ? AND auto_snapshot_policy_id IN (SELECT value FROM json_each(?)) ORDER BY create_time, disk_id`)
  const bindDisks = db.prepare('UPDATE disks SET auto_snapshot_policy_id = ? WHERE account_id = ? AND disk_id IN (SELECT value FROM json_each(?))')
  const unbindDisks = db.prepare('UPDATE disks SET auto_snapshot_policy_id = NULL WHERE account_id = ? AND auto_snapshot_policy_id = ? AND disk_id IN (SELECT value FROM json_each(?))')
  const unbindAll = db.prepare('UPDATE disks SET auto_snapshot_policy_id = NULL WHERE account_id = ? AND auto_snapshot_policy_id IN (SELECT value FROM json_each(?))')

  return {
    ...table,
    list: (accountId: string, filter: PolicyFilter, pageNum: number, pageSize: number) =>
      table.page(accountId, policyConditions(filter), pageNum, pageSize),
    /** Policies with a schedule slot at or before `now` that has not run, oldest slot first. */
    dueToRun: (accountId: string, now: number) =>
      table.select([['account_id = ?', accountId], ['next_run_at <= ?', now]], 'ORDER BY next_run_at, auto_snapshot_policy_id'),
    /** Policy id → the ids of the disks bound to it (oldest disk first); every asked id is present. */
    boundDiskIds (accountId: string, policyIds: readonly string[]): Map<string, string[]> {
      const bound = new Map(policyIds.map(id => [id, [] as string[]]))
      if (policyIds.length === 0) return bound
      for (const row of selectBound.all(accountId, JSON.stringify(policyIds)) as { diskId: string, policyId: string }[]) {
        bound.get(row.policyId)?.push(row.diskId)
      }
      return bound
    },
    bind: (accountId: string, policyId: string, diskIds: readonly string[]) => { bindDisks.run(policyId, accountId, JSON.stringify(diskIds)) },
    /** Unbinds those of `diskIds` that are bound to `policyId`; others are left alone. */
    unbind: (accountId: string, policyId: string, diskIds: readonly string[]) => { unbindDisks.run(accountId, policyId, JSON.stringify(diskIds)) },
    unbindAllOf: (accountId: string, policyIds: readonly string[]) => { unbindAll.run(accountId, JSON.stringify(policyIds)) }
  }
}
export type Policies = ReturnType<typeof createPolicies>
