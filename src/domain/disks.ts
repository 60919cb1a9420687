/**
 * Disk rules from zec-api.md §3.5 and the choices we made where the sources are silent
 * (docs/behaviour-disks.md): size bounds, which statuses allow which operation, which instance
 * statuses allow attaching and detaching, and how many data disks one instance can hold.
 */

export const MIN_DISK_SIZE = 20
export const MAX_DISK_SIZE = 32768
export const MAX_DISK_AMOUNT = 50

/**
 * Data disks one instance can hold (system disk not counted). The legacy VM docs say "usually
 * 15"; disks on their way in (ATTACHING) count, so parallel attaches cannot overshoot.
 */
export const MAX_DATA_DISKS_PER_INSTANCE = 15

/**
 * Disk names: 1–64 characters, first a letter or digit, then letters, digits, `-`, `.` or `_`.
 * The sources disagree on `_` and on the last character (§3.5 CreateDisks); we take the lenient
 * reading, so every name any SDK documents is accepted.
 */
export const DISK_NAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]*$'
export const DISK_NAME_MAX = 64

/** An instance in one of these statuses can take or give up a data disk. */
export const ATTACHABLE_INSTANCE_STATUSES: readonly string[] = ['RUNNING', 'STOPPED']

/** `instanceCheckFlag: true` (the default) detaches only from a shut-down instance. */
export const OFFLINE_INSTANCE_STATUSES: readonly string[] = ['STOPPED']

/** Statuses in which a disk is in, or on its way into, the recycle bin. */
export const RECYCLE_STATUSES: readonly string[] = ['RECYCLING', 'RECYCLED']

/** A disk can be resized only when it is stable. */
export const RESIZABLE_STATUSES: readonly string[] = ['AVAILABLE', 'IN_USE']

/** What the first and second ReleaseDisk do to a disk in `status` (null: refused). */
export type ReleaseStep = 'recycle' | 'destroy' | 'being-recycled' | null

export function releaseStep (status: string): ReleaseStep {
  switch (status) {
    case 'AVAILABLE': return 'recycle'
    // A disk whose creation failed holds no data worth a recycle bin: it is destroyed at once.
    case 'FAILED':
    case 'RECYCLED': return 'destroy'
    case 'RECYCLING': return 'being-recycled'
    default: return null
  }
}

/** Basic NVMe SSD disks cannot be snapshotted (as the demo's basic disk shows); Standard ones can. */
export const snapshotAbilityOf = (diskCategory: string) => diskCategory !== 'Basic NVMe SSD'

/** Duplicate tag keys in a write request; ZEC requires keys to be unique. */
export function duplicateTagKey (tags: readonly { key: string }[]): string | null {
  const seen = new Set<string>()
  for (const { key } of tags) {
    if (seen.has(key)) return key
    seen.add(key)
  }
  return null
}
