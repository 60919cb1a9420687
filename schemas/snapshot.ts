/** SnapshotInfo as DescribeSnapshots returns it; the same in both API versions (zec-api.md §3.4). */
import { Type, type Static } from '@sinclair/typebox'
import { Nullable, ResourceGroupInfo } from './common.js'

export const SNAPSHOT_STATUSES = ['CREATING', 'AVAILABLE', 'FAILED', 'ROLLING_BACK', 'DELETING'] as const
export type SnapshotStatus = typeof SNAPSHOT_STATUSES[number]
export const SNAPSHOT_TYPES = ['Auto', 'Manual'] as const
export type SnapshotType = typeof SNAPSHOT_TYPES[number]

/** Snapshot names (Terraform's rule): 2–63 chars of letters, digits, `-` and `.`, alphanumeric at both ends. */
export const SnapshotName = Type.String({ minLength: 2, maxLength: 63, pattern: '^[A-Za-z0-9][A-Za-z0-9.-]*[A-Za-z0-9]$' })

export const SnapshotInfo = Type.Object({
  snapshotId: Type.String(),
  snapshotName: Type.String(),
  zoneId: Type.String(),
  status: Type.String(),
  snapshotType: Type.String(),
  retentionTime: Nullable(Type.String()),
  diskId: Type.String(),
  createTime: Type.String(),
  diskAbility: Type.Boolean(),
  resourceGroup: ResourceGroupInfo,
  // A doc example shows the flat keys too; the SDKs read the nested object. Both are sent.
  resourceGroupId: Type.String(),
  resourceGroupName: Type.String()
})
export type SnapshotInfo = Static<typeof SnapshotInfo>
