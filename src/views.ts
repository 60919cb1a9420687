/**
 * Stored records → the exact JSON models ZEC answers with (schemas/). Every field the models
 * declare is always present with its exact JSON type; absent values are `null` or `""` as the
 * SDKs and Terraform expect (zec-api.md §3.4).
 */
import type { ApiVersion } from '../schemas/common.js'
import type { DiskInfo2024, DiskInfo2025 } from '../schemas/disk.js'
import type { SnapshotInfo } from '../schemas/snapshot.js'
import type { ZoneInfo } from '../schemas/zone.js'
import { formatZecTime } from './domain/time.js'
import type { DiskRecord, SnapshotRecord, ZoneRecord } from './store/records.js'
import type { Store } from './store/index.js'

const optionalTime = (ms: number | null) => ms === null ? null : formatZecTime(ms)

/** Names that answers show next to ids, looked up once per request. */
export interface Names {
  resourceGroups: Map<string, string>
  instanceName (instanceId: string): string
  regionOf (zoneId: string): string
}

export function namesFor (store: Store, accountId: string): Names {
  const instances = new Map<string, string>()
  const regions = new Map<string, string>()
  return {
    resourceGroups: store.accounts.resourceGroupNames(accountId),
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

export function toDiskInfo (disk: DiskRecord, version: ApiVersion, names: Names): DiskInfo2025 | DiskInfo2024 {
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
    resourceGroupName: names.resourceGroups.get(disk.resourceGroupId) ?? '',
    serial: disk.serial,
    snapshotAbility: disk.snapshotAbility,
    autoSnapshotPolicyId: disk.autoSnapshotPolicyId ?? ''
  }
  return version === '2024-04-01'
    ? { ...common, chargeType: disk.chargeType }
    : { ...common, regionId: names.regionOf(disk.zoneId), tags: { tags: disk.tags }, burstingEnabled: disk.burstingEnabled }
}

export function toSnapshotInfo (snapshot: SnapshotRecord, names: Names): SnapshotInfo {
  const resourceGroupName = names.resourceGroups.get(snapshot.resourceGroupId) ?? ''
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

