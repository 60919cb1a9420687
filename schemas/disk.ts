/** DiskInfo as DescribeDisks returns it, in both API versions (zec-api.md §3.3–3.4). */
import { Type, type Static } from '@sinclair/typebox'
import { Nullable, Tags } from './common.js'

export const DISK_STATUSES = ['CREATING', 'IN_USE', 'AVAILABLE', 'CHANGING', 'ATTACHING', 'DETACHING', 'DELETING', 'RECYCLED', 'RECYCLING', 'FAILED', 'SNAPSHOT_CREATING', 'ROLLING_BACK'] as const
export type DiskStatus = typeof DISK_STATUSES[number]
export const DISK_TYPES = ['SYSTEM', 'DATA'] as const
export type DiskType = typeof DISK_TYPES[number]
export const DISK_CATEGORIES = ['Basic NVMe SSD', 'Standard NVMe SSD'] as const
export const DEFAULT_DISK_CATEGORY = 'Standard NVMe SSD'

const diskFields = {
  diskId: Type.String(),
  diskName: Type.String(),
  zoneId: Type.String(),
  diskType: Type.String(),
  portable: Type.Boolean(),
  diskCategory: Type.String(),
  diskSize: Type.Integer(),
  diskStatus: Type.String(),
  instanceId: Type.String(),
  instanceName: Type.String(),
  createTime: Type.String(),
  expiredTime: Nullable(Type.String()),
  period: Nullable(Type.Integer()),
  resourceGroupId: Type.String(),
  resourceGroupName: Type.String(),
  serial: Type.String(),
  snapshotAbility: Type.Boolean(),
  autoSnapshotPolicyId: Type.String()
}

export const DiskInfo2025 = Type.Object({
  ...diskFields,
  regionId: Type.String(),
  tags: Tags,
  burstingEnabled: Type.Boolean()
})
export type DiskInfo2025 = Static<typeof DiskInfo2025>

export const DiskInfo2024 = Type.Object({
  ...diskFields,
  chargeType: Type.String()
})
export type DiskInfo2024 = Static<typeof DiskInfo2024>
