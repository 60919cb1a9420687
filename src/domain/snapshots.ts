/** Snapshot rules from the CreateSnapshot page and zec-api.md §3.5: statuses, retention, quotas. */
import { formatZecTime, parseZecTime } from './time.js'

/** "The disk must be IN_USE or AVAILABLE." */
export const SNAPSHOTTABLE_DISK_STATUSES: readonly string[] = ['IN_USE', 'AVAILABLE']

export const MIN_RETENTION_MS = 24 * 3_600_000

/**
 * Checks a requested retention time: `YYYY-MM-ddTHH:mm:ssZ`, a real instant, and at least 24 hours
 * after now. Returns the instant, or a message that says which rule was broken.
 */
export function checkRetentionTime (text: string, now: number): number | string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(text)) {
    return `The retentionTime \`${text}\` is malformed: use the format YYYY-MM-ddTHH:mm:ssZ (UTC), e.g. ${formatZecTime(now + 2 * MIN_RETENTION_MS)}.`
  }
  const at = parseZecTime(text)
  if (at === null) return `The retentionTime \`${text}\` is not a valid date and time.`
  if (at <= now) return `The retentionTime \`${text}\` is in the past (now is ${formatZecTime(now)}); it must be at least 24 hours after the current time.`
  if (at - now < MIN_RETENTION_MS) {
    return `The retentionTime \`${text}\` is too soon: it must be at least 24 hours after the current time, i.e. not before ${formatZecTime(now + MIN_RETENTION_MS + 999)}.`
  }
  return at
}

export interface SnapshotQuota { perDisk: number, perAccount: number }

/** A message when one more snapshot would exceed a quota, else null. */
export function quotaProblem (quota: SnapshotQuota, diskId: string, onDisk: number, inAccount: number): string | null {
  if (onDisk >= quota.perDisk) return `The number of snapshots of disk \`${diskId}\` has reached the limit of ${quota.perDisk}.`
  if (inAccount >= quota.perAccount) return `The number of snapshots in this account has reached the limit of ${quota.perAccount}.`
  return null
}
