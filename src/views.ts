/**
 * Stored records → the exact JSON models ZEC answers with (schemas/). Every field the models
 * declare is always present with its exact JSON type; absent values are `null` or `""` as the
 * SDKs and Terraform expect (zec-api.md §3.4).
 */
import type { ApiVersion } from '../schemas/common.js'
import type { DiskInfo2024, DiskInfo2025 } from '../schemas/disk.js'
import type { AutoSnapshotPolicy2024, AutoSnapshotPolicy2025 } from '../schemas/policy.js'
import type { InstanceInfo, NicInfo } from '../schemas/instance.js'
import type { SnapshotInfo } from '../schemas/snapshot.js'
import type { ZoneInfo } from '../schemas/zone.js'
import { formatZecTime } from './domain/time.js'
import { macAddressOf } from './domain/instances.js'
import type { DiskRecord, InstanceRecord, PolicyRecord, SnapshotRecord, SubnetRecord, ZoneRecord } from './store/records.js'
import type { Store } from './store/index.js'

const optionalTime = (ms: number | null) => ms === null ? null : formatZecTime(ms)

/** Names that answers show next to ids, looked up once per request. */
export interface Names {
  /** A group's name ('' for a group the account no longer has). */
  resourceGroupName (resourceGroupId: string): string
  instanceName (instanceId: string): string
  regionOf (zoneId: string): string
}

/** The instances and zones a page refers to, so their names come with the groups in one query. */
export interface Related {
  instanceIds?: readonly (string | null)[]
  zoneIds?: readonly string[]
}

const distinct = (ids: readonly (string | null)[] = []) => [...new Set(ids.filter((id): id is string => id !== null))]

export function namesFor (store: Store, accountId: string, related: Related = {}): Names {
  const instanceIds = distinct(related.instanceIds)
  const zoneIds = distinct(related.zoneIds)
  const { groups, instances, regions } = store.names.lookup(accountId, instanceIds, zoneIds)
  // Ids named up front that do not exist answer '' without another query; others are looked up once.
  for (const id of instanceIds) if (!instances.has(id)) instances.set(id, '')
  for (const id of zoneIds) if (!regions.has(id)) regions.set(id, '')
  return {
    resourceGroupName: (resourceGroupId) => groups.get(resourceGroupId) ?? '',
    instanceName (instanceId) {
      if (!instances.has(instanceId)) instances.set(instanceId, store.instances.get(accountId, instanceId)?.instanceName ?? '')
      return instances.get(instanceId) as string
    },
    regionOf (zoneId) {
      if (!regions.has(zoneId)) regions.set(zoneId, store.zones.get(zoneId)?.regionId ?? '')
      return regions.get(zoneId) as string
    }
  }
}

/** The stored fields toDiskInfo reads: a page of disks selects just these columns. */
export const DISK_VIEW_FIELDS = ['diskId', 'diskName', 'zoneId', 'diskType', 'portable', 'diskCategory', 'diskSize', 'status', 'instanceId',
  'createTime', 'expiredTime', 'period', 'resourceGroupId', 'serial', 'snapshotAbility', 'autoSnapshotPolicyId', 'chargeType', 'tags', 'burstingEnabled'] as const
export type DiskView = Pick<DiskRecord, typeof DISK_VIEW_FIELDS[number]>

export function toDiskInfo (disk: DiskView, version: ApiVersion, names: Names): DiskInfo2025 | DiskInfo2024 {
  const common = {
    diskId: disk.diskId,
    diskName: disk.diskName,
    zoneId: disk.zoneId,
    diskType: disk.diskType,
    portable: disk.portable,
    diskCategory: disk.diskCategory,
    diskSize: disk.diskSize,
    diskStatus: disk.status,
    instanceId: disk.instanceId ?? '',
    instanceName: disk.instanceId === null ? '' : names.instanceName(disk.instanceId),
    createTime: formatZecTime(disk.createTime),
    expiredTime: optionalTime(disk.expiredTime),
    period: disk.period,
    resourceGroupId: disk.resourceGroupId,
    resourceGroupName: names.resourceGroupName(disk.resourceGroupId),
    serial: disk.serial,
    snapshotAbility: disk.snapshotAbility,
    autoSnapshotPolicyId: disk.autoSnapshotPolicyId ?? ''
  }
  return version === '2024-04-01'
    ? { ...common, chargeType: disk.chargeType }
    : { ...common, regionId: names.regionOf(disk.zoneId), tags: { tags: disk.tags }, burstingEnabled: disk.burstingEnabled }
}

/** The stored fields toSnapshotInfo reads. */
export const SNAPSHOT_VIEW_FIELDS = ['snapshotId', 'snapshotName', 'zoneId', 'status', 'snapshotType', 'retentionTime', 'diskId', 'createTime', 'diskType', 'resourceGroupId'] as const
export type SnapshotView = Pick<SnapshotRecord, typeof SNAPSHOT_VIEW_FIELDS[number]>

export function toSnapshotInfo (snapshot: SnapshotView, names: Names): SnapshotInfo {
  const resourceGroupName = names.resourceGroupName(snapshot.resourceGroupId)
  return {
    snapshotId: snapshot.snapshotId,
    snapshotName: snapshot.snapshotName,
    zoneId: snapshot.zoneId,
    status: snapshot.status,
    snapshotType: snapshot.snapshotType,
    retentionTime: optionalTime(snapshot.retentionTime),
    diskId: snapshot.diskId,
    createTime: formatZecTime(snapshot.createTime),
    // A disk can be created only from a finished snapshot of a data disk.
    diskAbility: snapshot.status === 'AVAILABLE' && snapshot.diskType === 'DATA',
    resourceGroup: { resourceGroupId: snapshot.resourceGroupId, resourceGroupName },
    resourceGroupId: snapshot.resourceGroupId,
    resourceGroupName
  }
}

export function toZoneInfo (zone: ZoneRecord): ZoneInfo {
  return { ...zone }
}

/**
 * `diskIds` are the disks bound now, read from the disks table: a destroyed disk's row is gone,
 * so it simply drops out of `diskIdSet` and `diskNum`; nothing here looks a disk up.
 */
export function toPolicyInfo (policy: PolicyRecord, diskIds: string[], version: ApiVersion, names: Names): AutoSnapshotPolicy2025 | AutoSnapshotPolicy2024 {
  const common = {
    autoSnapshotPolicyId: policy.autoSnapshotPolicyId,
    zoneId: policy.zoneId,
    autoSnapshotPolicyName: policy.autoSnapshotPolicyName,
    repeatWeekDays: policy.repeatWeekDays,
    hours: policy.hours,
    retentionDays: policy.retentionDays,
    diskNum: diskIds.length,
    createTime: formatZecTime(policy.createTime),
    resourceGroup: { resourceGroupId: policy.resourceGroupId, resourceGroupName: names.resourceGroupName(policy.resourceGroupId) },
    diskIdSet: diskIds
  }
  return version === '2024-04-01' ? common : { ...common, tags: { tags: policy.tags } }
}

/**
 * InstanceInfo from an instance, the disks on it (`disks`: every disk whose instanceId is this
 * instance; a failed create or attach leaves the disk detached, so it is not among them) and the
 * subnet its Primary NIC lives in. What CreateZecInstances was sent is echoed as sent, so a
 * second `terraform plan` is empty (zec-instances.md).
 */
export function toInstanceInfo (instance: InstanceRecord, disks: readonly DiskRecord[], zoneTimeZone: string, subnet: SubnetRecord | undefined, names: Names): InstanceInfo {
  const system = disks.find(d => d.diskType === 'SYSTEM')
  const resourceGroupName = names.resourceGroupName(instance.resourceGroupId)
  const nics: NicInfo[] = instance.nicId === null || subnet === undefined
    ? []
    : [{
        nicId: instance.nicId,
        name: instance.nicName ?? instance.nicId,
        status: 'IN_USE',
        nicType: 'Primary',
        regionId: subnet.regionId,
        nicSubnetType: 'IPv4',
        publicIpList: instance.publicIpAddresses,
        privateIpList: instance.privateIpAddresses,
        primaryIpv4: instance.privateIpAddresses[0] ?? '',
        primaryIpv6: null,
        ipv6Cidr: null,
        secondaryIpv4s: instance.privateIpAddresses.slice(1),
        macAddress: macAddressOf(instance.nicId),
        instanceId: instance.instanceId,
        vpcId: subnet.vpcId,
        subnetId: subnet.subnetId,
        createTime: formatZecTime(instance.createTime),
        updateTime: formatZecTime(instance.createTime),
        resourceGroup: { resourceGroupId: instance.resourceGroupId, resourceGroupName },
        securityGroupId: instance.securityGroupId,
        tags: { tags: [] }
      }]
  return {
    instanceId: instance.instanceId,
    instanceName: instance.instanceName,
    zoneId: instance.zoneId,
    instanceType: instance.instanceType,
    cpu: instance.cpu,
    memory: instance.memory,
    imageId: instance.imageId,
    imageName: instance.imageName,
    timeZone: instance.timeZone ?? zoneTimeZone,
    nicNetworkType: 'Auto',
    status: instance.status,
    systemDisk: system === undefined
      ? null
      : { diskId: system.diskId, diskSize: system.diskSize, diskCategory: system.diskCategory, burstingEnabled: system.burstingEnabled },
    dataDisks: disks.filter(d => d.diskType === 'DATA').map(d => ({
      diskId: d.diskId,
      diskName: d.diskName,
      diskSize: d.diskSize,
      diskAmount: 1,
      portable: d.portable,
      burstingEnabled: d.burstingEnabled,
      diskCategory: d.diskCategory
    })),
    publicIpAddresses: instance.publicIpAddresses,
    privateIpAddresses: instance.privateIpAddresses,
    keyId: instance.keyId,
    subnetId: instance.subnetId,
    securityGroupId: instance.securityGroupId,
    enableAgent: instance.enableAgent,
    enableAgentMonitor: instance.enableAgent,
    enableIpForward: instance.enableIpForward,
    createTime: formatZecTime(instance.createTime),
    expiredTime: null,
    resourceGroupId: instance.resourceGroupId,
    resourceGroupName,
    nics,
    tags: { tags: instance.tags },
    loadBalancerIds: [],
    placementGroupId: null,
    instanceOptions: instance.instanceOptions
  }
}
