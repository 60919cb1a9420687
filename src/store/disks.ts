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

export function createDisks (db: Db) {
  const table = createTable<DiskRecord>(db, 'disks', 'diskId', diskColumns)
  return {
    ...table,
    list: (accountId: string, filter: DiskFilter, pageNum: number, pageSize: number) =>
      table.page(accountId, diskConditions(filter), pageNum, pageSize),
    attachedTo: (accountId: string, instanceId: string) =>
      table.select([['account_id = ?', accountId], ['instance_id = ?', instanceId]], 'ORDER BY disk_type DESC, create_time'),
    boundTo: (accountId: string, policyId: string) =>
      table.select([['account_id = ?', accountId], ['auto_snapshot_policy_id = ?', policyId]], 'ORDER BY create_time, disk_id')
  }
}
export type Disks = ReturnType<typeof createDisks>
