/** Instances: storage, the filters of DescribeInstances, and who lives in which subnet. */
import type { Db } from './db.js'
import { instanceColumns, type InstanceRecord } from './records.js'
import { createTable, inList, type Condition } from './table.js'
import { tagConditions, type TagFilter } from './tags.js'

export interface InstanceFilter extends TagFilter {
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
  conditions.push(...tagConditions(filter))
  return conditions
}

export function createInstances (db: Db) {
  const table = createTable<InstanceRecord>(db, 'instances', 'instanceId', instanceColumns)
  return {
    ...table,
    list: (accountId: string, filter: InstanceFilter, pageNum: number, pageSize: number) =>
      table.page(accountId, instanceConditions(filter), pageNum, pageSize),
    inSubnet: (accountId: string, subnetId: string) =>
      table.select([['account_id = ?', accountId], ['subnet_id = ?', subnetId]]),
    inSubnets: (accountId: string, subnetIds: readonly string[]) =>
      table.select([['account_id = ?', accountId], inList('subnet_id', subnetIds)]),
    usingSecurityGroup: (accountId: string, securityGroupId: string) =>
      table.select([['account_id = ?', accountId], ['security_group_id = ?', securityGroupId]]),
    byNic: (accountId: string, nicId: string) =>
      table.select([['account_id = ?', accountId], ['nic_id = ?', nicId]])[0] as InstanceRecord | undefined
  }
}
export type Instances = ReturnType<typeof createInstances>
