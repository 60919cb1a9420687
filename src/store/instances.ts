/** Instances: fixture-backed, with the filters of DescribeInstances. */
import type { Db } from './db.js'
import { instanceColumns, type InstanceRecord } from './records.js'
import { createTable, inList, type Condition } from './table.js'

export interface InstanceFilter {
  instanceIds?: string[]
  zoneId?: string
  imageId?: string
  status?: string
  name?: string
  resourceGroupId?: string
  ipv4Address?: string
}

function instanceConditions (filter: InstanceFilter): Condition[] {
  const conditions: Condition[] = []
  if (filter.instanceIds !== undefined) conditions.push(inList('instance_id', filter.instanceIds))
  if (filter.zoneId !== undefined) conditions.push(['zone_id = ?', filter.zoneId])
  if (filter.imageId !== undefined) conditions.push(['image_id = ?', filter.imageId])
  if (filter.status !== undefined) conditions.push(['status = ?', filter.status])
  if (filter.name !== undefined) conditions.push(['instance_name REGEXP ?', filter.name])
  if (filter.resourceGroupId !== undefined) conditions.push(['resource_group_id = ?', filter.resourceGroupId])
  if (filter.ipv4Address !== undefined) {
    // Plain `?` twice: a numbered `?1` would clash with the positional parameters of the other filters.
    conditions.push(['EXISTS (SELECT 1 FROM json_each(public_ips) WHERE value = ?) OR EXISTS (SELECT 1 FROM json_each(private_ips) WHERE value = ?)', filter.ipv4Address, filter.ipv4Address])
  }
  return conditions
}

export function createInstances (db: Db) {
  const table = createTable<InstanceRecord>(db, 'instances', 'instanceId', instanceColumns)
  return {
    ...table,
    list: (accountId: string, filter: InstanceFilter, pageNum: number, pageSize: number) =>
      table.page(accountId, instanceConditions(filter), pageNum, pageSize)
  }
}
export type Instances = ReturnType<typeof createInstances>
