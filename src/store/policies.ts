/**
 * Auto-snapshot policies: storage, the filters of DescribeAutoSnapshotPolicies and the policies
 * whose next slot is due. Which disks a policy covers lives on the disks (store/disks.ts).
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
  return {
    ...table,
    list: (accountId: string, filter: PolicyFilter, pageNum: number, pageSize: number) =>
      table.page(accountId, policyConditions(filter), pageNum, pageSize),
    /** Policies with a schedule slot at or before `now` that has not run, oldest slot first. */
    dueToRun: (accountId: string, now: number) =>
      table.select([['account_id = ?', accountId], ['next_run_at <= ?', now]], 'ORDER BY next_run_at, auto_snapshot_policy_id')
  }
}
export type Policies = ReturnType<typeof createPolicies>
