/**
 * AutoSnapshotPolicy as DescribeAutoSnapshotPolicies returns it, and the request pieces its
 * actions share (zec-api.md §3.4–3.5; field rules from the Go SDK comments).
 */
import { Type, type Static } from '@sinclair/typebox'
import { ResourceGroupInfo, Tags } from './common.js'

/** 2–63 chars of letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit. */
export const PolicyName = Type.String({ minLength: 2, maxLength: 63, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9]$' })
/** 1 = Monday … 7 = Sunday. Duplicates are accepted and folded. */
export const RepeatWeekDays = Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { minItems: 1, maxItems: 7 })
/** Hours of the day in UTC, 0–23; the run is on the hour. */
export const Hours = Type.Array(Type.Integer({ minimum: 0, maximum: 23 }), { minItems: 1, maxItems: 24 })
/** -1 keeps Auto snapshots forever, else 1–65535 days; 0 is refused by the domain with a clear message. */
export const RetentionDays = Type.Integer({ minimum: -1, maximum: 65535 })

const policyFields = {
  autoSnapshotPolicyId: Type.String(),
  zoneId: Type.String(),
  autoSnapshotPolicyName: Type.String(),
  repeatWeekDays: Type.Array(Type.Integer()),
  hours: Type.Array(Type.Integer()),
  retentionDays: Type.Integer(),
  diskNum: Type.Integer({ minimum: 0 }),
  createTime: Type.String(),
  resourceGroup: ResourceGroupInfo,
  diskIdSet: Type.Array(Type.String())
}

export const AutoSnapshotPolicy2025 = Type.Object({ ...policyFields, tags: Tags })
export type AutoSnapshotPolicy2025 = Static<typeof AutoSnapshotPolicy2025>

/** The 2024-04-01 model has no tags. */
export const AutoSnapshotPolicy2024 = Type.Object(policyFields)
export type AutoSnapshotPolicy2024 = Static<typeof AutoSnapshotPolicy2024>
