/** Disks: storage and the filters of DescribeDisks. */
import type { Db } from './db.js'
import { diskColumns, type DiskRecord } from './records.js'
import { createTable, inList, type Condition } from './table.js'
import { tagConditions, type TagFilter } from './tags.js'

export interface DiskFilter extends TagFilter {
  diskIds?: string[]
  diskName?: string
  diskStatus?: string
  diskType?: string
  diskCategory?: string
  instanceId?: string
  zoneId?: string
  zoneIds?: string[]
  snapshotAbility?: boolean
  resourceGroupId?: string
}

export function diskConditions (filter: DiskFilter): Condition[] {
  const conditions: Condition[] = []
  if (filter.diskIds !== undefined) conditions.push(inList('disk_id', filter.diskIds))
  if (filter.diskName !== undefined) conditions.push(['disk_name REGEXP ?', filter.diskName])
  if (filter.diskStatus !== undefined) conditions.push(['status = ?', filter.diskStatus])
  if (filter.diskType !== undefined) conditions.push(['disk_type = ?', filter.diskType])
  if (filter.diskCategory !== undefined) conditions.push(['disk_category = ?', filter.diskCategory])
  if (filter.instanceId !== undefined) conditions.push(['instance_id = ?', filter.instanceId])
  if (filter.zoneId !== undefined) conditions.push(['zone_id = ?', filter.zoneId])
  if (filter.zoneIds !== undefined) conditions.push(inList('zone_id', filter.zoneIds))
  if (filter.snapshotAbility !== undefined) conditions.push(['snapshot_ability = ?', filter.snapshotAbility ? 1 : 0])
  if (filter.resourceGroupId !== undefined) conditions.push(['resource_group_id = ?', filter.resourceGroupId])
  conditions.push(...tagConditions(filter))
  return conditions
}

/** Disks bound to any of `policyIds`, in a form the partial index disks_by_policy serves. */
const bindingOf = (policyIds: readonly string[]): Condition[] =>
  [['auto_snapshot_policy_id IS NOT NULL'], inList('auto_snapshot_policy_id', policyIds)]

export function createDisks (db: Db) {
  const table = createTable<DiskRecord>(db, 'disks', 'diskId', diskColumns)
  return {
    ...table,
    list: (accountId: string, filter: DiskFilter, pageNum: number, pageSize: number) =>
      table.page(accountId, diskConditions(filter), pageNum, pageSize),
    /** A page of only the fields a view reads. */
    listOf: <F extends keyof DiskRecord>(fields: readonly F[], accountId: string, filter: DiskFilter, pageNum: number, pageSize: number) =>
      table.pageOf(fields, accountId, diskConditions(filter), pageNum, pageSize),
    attachedTo: (accountId: string, instanceId: string) =>
      table.select([['account_id = ?', accountId], ['instance_id = ?', instanceId]], 'ORDER BY disk_type DESC, create_time'),
    /** The disks on any of `instanceIds`, grouped by instance, in one query (for a page of instances). */
    attachedToEach (accountId: string, instanceIds: readonly string[]): Map<string, DiskRecord[]> {
      const byInstance = new Map(instanceIds.map(id => [id, [] as DiskRecord[]]))
      if (instanceIds.length === 0) return byInstance
      for (const disk of table.select([['account_id = ?', accountId], inList('instance_id', instanceIds)], 'ORDER BY disk_type DESC, create_time')) {
        byInstance.get(disk.instanceId as string)?.push(disk)
      }
      return byInstance
    },
    // Auto-snapshot policy bindings live only here, in disks.auto_snapshot_policy_id. The SQL is
    // shaped so SQLite looks rows up by key or through disks_by_policy, never scanning the
    // account: `+account_id` keeps the account index out of id-list updates, and `IS NOT NULL`
    // lets the partial policy index serve (checked with EXPLAIN QUERY PLAN).
    /** Policy id → the ids of the disks bound to it (oldest disk first); every asked id is present. */
    boundDiskIds (accountId: string, policyIds: readonly string[]): Map<string, string[]> {
      const bound = new Map(policyIds.map(id => [id, [] as string[]]))
      if (policyIds.length === 0) return bound
      const disks = table.select([['account_id = ?', accountId], ...bindingOf(policyIds)])
      disks.sort((a, b) => a.createTime - b.createTime || a.diskId.localeCompare(b.diskId))
      for (const disk of disks) bound.get(disk.autoSnapshotPolicyId as string)?.push(disk.diskId)
      return bound
    },
    bindPolicy: (accountId: string, policyId: string, diskIds: readonly string[]) =>
      table.updateWhere([['+account_id = ?', accountId], inList('disk_id', diskIds)], { autoSnapshotPolicyId: policyId }),
    /** Unbinds those of `diskIds` that are bound to `policyId`; others are left alone. */
    unbindPolicy: (accountId: string, policyId: string, diskIds: readonly string[]) =>
      table.updateWhere([['+account_id = ?', accountId], ['+auto_snapshot_policy_id = ?', policyId], inList('disk_id', diskIds)], { autoSnapshotPolicyId: null }),
    unbindPolicies: (accountId: string, policyIds: readonly string[]) =>
      table.updateWhere([['account_id = ?', accountId], ...bindingOf(policyIds)], { autoSnapshotPolicyId: null })
  }
}
export type Disks = ReturnType<typeof createDisks>
