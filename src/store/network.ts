/** VPCs, subnets and security groups: storage and the filters of their Describe actions. */
import type { Db } from './db.js'
import { securityGroupColumns, subnetColumns, vpcColumns, type SecurityGroupRecord, type SubnetRecord, type VpcRecord } from './records.js'
import { createTable, inList, type Condition } from './table.js'
import { tagConditions, type TagFilter } from './tags.js'

export interface VpcFilter extends TagFilter {
  vpcIds?: string[]
  name?: string
  cidrBlock?: string
  resourceGroupId?: string
}

export interface SubnetFilter {
  subnetIds?: string[]
  name?: string
  cidrBlock?: string
  regionId?: string
  vpcIds?: string[]
}

export interface SecurityGroupFilter {
  securityGroupIds?: string[]
  securityGroupName?: string
}

export function createVpcs (db: Db) {
  const table = createTable<VpcRecord>(db, 'vpcs', 'vpcId', vpcColumns)
  return {
    ...table,
    list (accountId: string, filter: VpcFilter, pageNum: number, pageSize: number) {
      const conditions: Condition[] = []
      if (filter.vpcIds !== undefined) conditions.push(inList('vpc_id', filter.vpcIds))
      if (filter.name !== undefined) conditions.push(['vpc_name REGEXP ?', filter.name])
      // "Fuzzy" as the SDK documents it: a substring of the CIDR text.
      if (filter.cidrBlock !== undefined) conditions.push(['instr(cidr_block, ?) > 0', filter.cidrBlock])
      if (filter.resourceGroupId !== undefined) conditions.push(['resource_group_id = ?', filter.resourceGroupId])
      conditions.push(...tagConditions(filter))
      return table.page(accountId, conditions, pageNum, pageSize)
    },
    usingSecurityGroup: (accountId: string, securityGroupId: string) =>
      table.select([['account_id = ?', accountId], ['security_group_id = ?', securityGroupId]])
  }
}

export function createSubnets (db: Db) {
  const table = createTable<SubnetRecord>(db, 'subnets', 'subnetId', subnetColumns)
  return {
    ...table,
    list (accountId: string, filter: SubnetFilter, pageNum: number, pageSize: number) {
      const conditions: Condition[] = []
      if (filter.subnetIds !== undefined) conditions.push(inList('subnet_id', filter.subnetIds))
      if (filter.name !== undefined) conditions.push(['subnet_name REGEXP ?', filter.name])
      if (filter.cidrBlock !== undefined) conditions.push(['cidr_block = ?', filter.cidrBlock])
      if (filter.regionId !== undefined) conditions.push(['region_id = ?', filter.regionId])
      if (filter.vpcIds !== undefined) conditions.push(inList('vpc_id', filter.vpcIds))
      return table.page(accountId, conditions, pageNum, pageSize)
    },
    inVpc: (accountId: string, vpcId: string) =>
      table.select([['account_id = ?', accountId], ['vpc_id = ?', vpcId]], 'ORDER BY create_time, subnet_id')
  }
}

export function createSecurityGroups (db: Db) {
  const table = createTable<SecurityGroupRecord>(db, 'security_groups', 'securityGroupId', securityGroupColumns)
  return {
    ...table,
    list (accountId: string, filter: SecurityGroupFilter, pageNum: number, pageSize: number) {
      const conditions: Condition[] = []
      if (filter.securityGroupIds !== undefined) conditions.push(inList('security_group_id', filter.securityGroupIds))
      if (filter.securityGroupName !== undefined) conditions.push(['security_group_name REGEXP ?', filter.securityGroupName])
      return table.page(accountId, conditions, pageNum, pageSize)
    },
    defaultOf: (accountId: string) =>
      table.select([['account_id = ?', accountId], ['is_default = 1']], 'ORDER BY create_time LIMIT 1')[0] as SecurityGroupRecord | undefined
  }
}

export type Vpcs = ReturnType<typeof createVpcs>
export type Subnets = ReturnType<typeof createSubnets>
export type SecurityGroups = ReturnType<typeof createSecurityGroups>
