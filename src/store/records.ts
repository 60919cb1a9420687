/**
 * The stored shape of each resource, as the domain and actions see it (camelCase, JS types),
 * with the column each field lives in. Times are milliseconds on the virtual clock.
 */
import type { Columns } from './table.js'

export interface Tag { key: string, value: string }

/** The pending lifecycle transition of a disk, snapshot or instance (lifecycle.ts). */
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

export interface InstanceRecord extends Pending {
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
  /** The subnet its Primary NIC lives in (null: a fixture instance outside any subnet). */
  subnetId: string | null
  securityGroupId: string | null
  nicId: string | null
  nicName: string | null
  keyId: string | null
  /** null: the zone's time zone. */
  timeZone: string | null
  enableAgent: boolean
  enableIpForward: boolean
  /** Exactly what CreateZecInstances was sent (null when nothing was), so a plan stays empty. */
  instanceOptions: { nestedVirtualization: boolean } | null
  tags: Tag[]
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
  createTime: ['create_time', 'int'],
  subnetId: ['subnet_id', 'text'],
  securityGroupId: ['security_group_id', 'text'],
  nicId: ['nic_id', 'text'],
  nicName: ['nic_name', 'text'],
  keyId: ['key_id', 'text'],
  timeZone: ['time_zone', 'text'],
  enableAgent: ['enable_agent', 'bool'],
  enableIpForward: ['enable_ip_forward', 'bool'],
  instanceOptions: ['instance_options', 'json'],
  tags: ['tags', 'json'],
  ...pendingColumns
}

/** An image of the catalogue (shared by every account); `zoneIds` null = sold in every zone. */
export interface ImageRecord {
  imageId: string
  imageName: string
  zoneIds: string[] | null
  imageType: string
  imageSource: string
  imageSize: string
  imageDescription: string
  imageVersion: string
  imageStatus: string
  nicNetworkType: string[]
  category: string
  osType: string
}

export const imageColumns: Columns<ImageRecord> = {
  imageId: ['image_id', 'text'],
  imageName: ['image_name', 'text'],
  zoneIds: ['zone_ids', 'json'],
  imageType: ['image_type', 'text'],
  imageSource: ['image_source', 'text'],
  imageSize: ['image_size', 'text'],
  imageDescription: ['image_description', 'text'],
  imageVersion: ['image_version', 'text'],
  imageStatus: ['image_status', 'text'],
  nicNetworkType: ['nic_network_type', 'json'],
  category: ['category', 'text'],
  osType: ['os_type', 'text']
}

export interface SecurityGroupRule {
  direction: string
  policy: string
  priority: number
  ipProtocol: string
  portRange: string
  cidrIp: string
  desc: string
}

export interface SecurityGroupRecord {
  securityGroupId: string
  accountId: string
  securityGroupName: string
  scope: string
  isDefault: boolean
  rules: SecurityGroupRule[]
  createTime: number
}

export const securityGroupColumns: Columns<SecurityGroupRecord> = {
  securityGroupId: ['security_group_id', 'text'],
  accountId: ['account_id', 'text'],
  securityGroupName: ['security_group_name', 'text'],
  scope: ['scope', 'text'],
  isDefault: ['is_default', 'bool'],
  rules: ['rules', 'json'],
  createTime: ['create_time', 'int']
}

/** A VPC: global (its subnets are regional), bound to one security group. */
export interface VpcRecord {
  vpcId: string
  accountId: string
  vpcName: string
  cidrBlock: string
  ipv6CidrBlock: string | null
  mtu: number
  isDefault: boolean
  securityGroupId: string | null
  resourceGroupId: string
  tags: Tag[]
  createTime: number
}

export const vpcColumns: Columns<VpcRecord> = {
  vpcId: ['vpc_id', 'text'],
  accountId: ['account_id', 'text'],
  vpcName: ['vpc_name', 'text'],
  cidrBlock: ['cidr_block', 'text'],
  ipv6CidrBlock: ['ipv6_cidr_block', 'text'],
  mtu: ['mtu', 'int'],
  isDefault: ['is_default', 'bool'],
  securityGroupId: ['security_group_id', 'text'],
  resourceGroupId: ['resource_group_id', 'text'],
  tags: ['tags', 'json'],
  createTime: ['create_time', 'int']
}

export interface SubnetRecord {
  subnetId: string
  accountId: string
  vpcId: string
  regionId: string
  subnetName: string
  cidrBlock: string
  stackType: string
  isDefault: boolean
  createTime: number
}

export const subnetColumns: Columns<SubnetRecord> = {
  subnetId: ['subnet_id', 'text'],
  accountId: ['account_id', 'text'],
  vpcId: ['vpc_id', 'text'],
  regionId: ['region_id', 'text'],
  subnetName: ['subnet_name', 'text'],
  cidrBlock: ['cidr_block', 'text'],
  stackType: ['stack_type', 'text'],
  isDefault: ['is_default', 'bool'],
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
