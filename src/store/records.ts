/**
 * The stored shape of each resource, as the domain and actions see it (camelCase, JS types),
 * with the column each field lives in. Times are milliseconds on the virtual clock.
 */
import type { Columns } from './table.js'

export interface Tag { key: string, value: string }

/** The pending lifecycle transition of a disk or snapshot (lifecycle.ts). */
export interface Pending {
  transition: string | null
  transitionStarted: number | null
  dueAt: number | null
  dueDescribes: number | null
  describesSeen: number
  endsFailed: boolean
  returnStatus: string | null
}

const pendingColumns: Columns<Pending> = {
  transition: ['transition', 'text'],
  transitionStarted: ['transition_started', 'int'],
  dueAt: ['due_at', 'int'],
  dueDescribes: ['due_describes', 'int'],
  describesSeen: ['describes_seen', 'int'],
  endsFailed: ['ends_failed', 'bool'],
  returnStatus: ['return_status', 'text']
}

export const NO_PENDING: Pending = { transition: null, transitionStarted: null, dueAt: null, dueDescribes: null, describesSeen: 0, endsFailed: false, returnStatus: null }

export interface ZoneRecord {
  zoneId: string
  regionId: string
  zoneName: string
  cityName: string
  cityCode: string
  countryCode: string
  countryName: string
  timeZone: string
  supportSecurityGroup: boolean
  supportHaVip: boolean
}

export const zoneColumns: Columns<ZoneRecord> = {
  zoneId: ['zone_id', 'text'],
  regionId: ['region_id', 'text'],
  zoneName: ['zone_name', 'text'],
  cityName: ['city_name', 'text'],
  cityCode: ['city_code', 'text'],
  countryCode: ['country_code', 'text'],
  countryName: ['country_name', 'text'],
  timeZone: ['time_zone', 'text'],
  supportSecurityGroup: ['support_security_group', 'bool'],
  supportHaVip: ['support_ha_vip', 'bool']
}

export interface InstanceRecord {
  instanceId: string
  accountId: string
  instanceName: string
  zoneId: string
  status: string
  instanceType: string
  cpu: number
  memory: number
  imageId: string
  imageName: string
  resourceGroupId: string
  publicIpAddresses: string[]
  privateIpAddresses: string[]
  createTime: number
}

export const instanceColumns: Columns<InstanceRecord> = {
  instanceId: ['instance_id', 'text'],
  accountId: ['account_id', 'text'],
  instanceName: ['instance_name', 'text'],
  zoneId: ['zone_id', 'text'],
  status: ['status', 'text'],
  instanceType: ['instance_type', 'text'],
  cpu: ['cpu', 'int'],
  memory: ['memory', 'int'],
  imageId: ['image_id', 'text'],
  imageName: ['image_name', 'text'],
  resourceGroupId: ['resource_group_id', 'text'],
  publicIpAddresses: ['public_ips', 'json'],
  privateIpAddresses: ['private_ips', 'json'],
  createTime: ['create_time', 'int']
}

export interface DiskRecord extends Pending {
  diskId: string
  accountId: string
  diskName: string
  zoneId: string
  diskType: string
  diskCategory: string
  diskSize: number
  status: string
  instanceId: string | null
  portable: boolean
  snapshotAbility: boolean
  resourceGroupId: string
  serial: string
  chargeType: string
  period: number | null
  expiredTime: number | null
  autoSnapshotPolicyId: string | null
  burstingEnabled: boolean
  tags: Tag[]
  createTime: number
}

export const diskColumns: Columns<DiskRecord> = {
  diskId: ['disk_id', 'text'],
  accountId: ['account_id', 'text'],
  diskName: ['disk_name', 'text'],
  zoneId: ['zone_id', 'text'],
  diskType: ['disk_type', 'text'],
  diskCategory: ['disk_category', 'text'],
  diskSize: ['disk_size', 'int'],
  status: ['status', 'text'],
  instanceId: ['instance_id', 'text'],
  portable: ['portable', 'bool'],
  snapshotAbility: ['snapshot_ability', 'bool'],
  resourceGroupId: ['resource_group_id', 'text'],
  serial: ['serial', 'text'],
  chargeType: ['charge_type', 'text'],
  period: ['period', 'int'],
  expiredTime: ['expired_time', 'int'],
  autoSnapshotPolicyId: ['auto_snapshot_policy_id', 'text'],
  burstingEnabled: ['bursting_enabled', 'bool'],
  tags: ['tags', 'json'],
  createTime: ['create_time', 'int'],
  ...pendingColumns
}

export interface SnapshotRecord extends Pending {
  snapshotId: string
  accountId: string
  snapshotName: string
  diskId: string
  diskType: string
  diskSize: number
  zoneId: string
  resourceGroupId: string
  snapshotType: string
  status: string
  retentionTime: number | null
  createTime: number
}

export const snapshotColumns: Columns<SnapshotRecord> = {
  snapshotId: ['snapshot_id', 'text'],
  accountId: ['account_id', 'text'],
  snapshotName: ['snapshot_name', 'text'],
  diskId: ['disk_id', 'text'],
  diskType: ['disk_type', 'text'],
  diskSize: ['disk_size', 'int'],
  zoneId: ['zone_id', 'text'],
  resourceGroupId: ['resource_group_id', 'text'],
  snapshotType: ['snapshot_type', 'text'],
  status: ['status', 'text'],
  retentionTime: ['retention_time', 'int'],
  createTime: ['create_time', 'int'],
  ...pendingColumns
}

/**
 * An auto-snapshot policy. Its bound disks are not stored here: each disk row names its policy,
 * so `diskIdSet`/`diskNum` are read from the disks table and can never disagree with it.
 */
export interface PolicyRecord {
  autoSnapshotPolicyId: string
  accountId: string
  autoSnapshotPolicyName: string
  zoneId: string
  repeatWeekDays: number[]
  hours: number[]
  retentionDays: number
  resourceGroupId: string
  tags: Tag[]
  createTime: number
  /** The first schedule slot that has not run yet (schedules.ts). */
  nextRunAt: number
}

export const policyColumns: Columns<PolicyRecord> = {
  autoSnapshotPolicyId: ['auto_snapshot_policy_id', 'text'],
  accountId: ['account_id', 'text'],
  autoSnapshotPolicyName: ['auto_snapshot_policy_name', 'text'],
  zoneId: ['zone_id', 'text'],
  repeatWeekDays: ['repeat_week_days', 'json'],
  hours: ['hours', 'json'],
  retentionDays: ['retention_days', 'int'],
  resourceGroupId: ['resource_group_id', 'text'],
  tags: ['tags', 'json'],
  createTime: ['create_time', 'int'],
  nextRunAt: ['next_run_at', 'int']
}
