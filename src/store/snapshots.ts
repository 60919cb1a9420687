/** Snapshots: storage, the filters of DescribeSnapshots, quota counts and retention expiry. */
import type { Db } from './db.js'
import { snapshotColumns, type SnapshotRecord } from './records.js'
import { createTable, inList, type Condition } from './table.js'

export interface SnapshotFilter {
  snapshotIds?: string[]
  zoneId?: string
  status?: string
  diskIds?: string[]
  diskType?: string
  snapshotType?: string
  snapshotName?: string
  resourceGroupId?: string
}

function snapshotConditions (filter: SnapshotFilter): Condition[] {
  const conditions: Condition[] = []
  if (filter.snapshotIds !== undefined) conditions.push(inList('snapshot_id', filter.snapshotIds))
  if (filter.zoneId !== undefined) conditions.push(['zone_id = ?', filter.zoneId])
  if (filter.status !== undefined) conditions.push(['status = ?', filter.status])
  if (filter.diskIds !== undefined) conditions.push(inList('disk_id', filter.diskIds))
  if (filter.diskType !== undefined) conditions.push(['disk_type = ?', filter.diskType])
  if (filter.snapshotType !== undefined) conditions.push(['snapshot_type = ?', filter.snapshotType])
  if (filter.snapshotName !== undefined) conditions.push(['snapshot_name REGEXP ?', filter.snapshotName])
  if (filter.resourceGroupId !== undefined) conditions.push(['resource_group_id = ?', filter.resourceGroupId])
  return conditions
}

export function createSnapshots (db: Db) {
  const table = createTable<SnapshotRecord>(db, 'snapshots', 'snapshotId', snapshotColumns)
  const accountTotal = db.prepare("SELECT n FROM row_counts WHERE account_id = ? AND kind = 'snapshots'")
  const diskTotal = db.prepare("SELECT n FROM dimension_counts WHERE account_id = ? AND kind = 'snapshots' AND dimension = 'disk_id' AND value = ?")
  return {
    ...table,
    list: (accountId: string, filter: SnapshotFilter, pageNum: number, pageSize: number) =>
      table.page(accountId, snapshotConditions(filter), pageNum, pageSize),
    /** A page of only the fields a view reads. */
    listOf: <F extends keyof SnapshotRecord>(fields: readonly F[], accountId: string, filter: SnapshotFilter, pageNum: number, pageSize: number) =>
      table.pageOf(fields, accountId, snapshotConditions(filter), pageNum, pageSize),
    /** From the trigger-kept per-disk counts: the quota check never counts a disk's snapshots. */
    countForDisk: (accountId: string, diskId: string) =>
      (diskTotal.get(accountId, diskId) as { n: number } | undefined)?.n ?? 0,
    countForAccount: (accountId: string) => (accountTotal.get(accountId) as { n: number } | undefined)?.n ?? 0,
    forDisk: (accountId: string, diskId: string) =>
      table.select([['account_id = ?', accountId], ['disk_id = ?', diskId]], 'ORDER BY create_time, snapshot_id'),
    /** Snapshots whose retention time has come (at or before `now`), oldest first. */
    expired: (accountId: string, now: number) =>
      table.select([['account_id = ?', accountId], ['retention_time IS NOT NULL AND retention_time <= ?', now]], 'ORDER BY retention_time')
  }
}
export type Snapshots = ReturnType<typeof createSnapshots>
