/**
 * Auto-snapshot schedule math, pure: a policy runs on its weekdays (1 = Monday … 7 = Sunday) at
 * its hours, on the hour, in UTC. Instants are milliseconds on the virtual clock; nothing here
 * reads a clock or a database, so catch-up over any jump is the same function of its inputs.
 */
export const HOUR_MS = 3_600_000
export const DAY_MS = 24 * HOUR_MS

export interface Schedule {
  repeatWeekDays: readonly number[]
  hours: readonly number[]
}

/** ISO weekday of an instant in UTC: 1 = Monday … 7 = Sunday. */
export const isoWeekday = (at: number): number => ((new Date(at).getUTCDay() + 6) % 7) + 1

const startOfDay = (at: number) => Math.floor(at / DAY_MS) * DAY_MS

/** The slots of one UTC day that starts at `day`, ascending (empty when the weekday is not chosen). */
function slotsOfDay (schedule: Schedule, day: number): number[] {
  if (!schedule.repeatWeekDays.includes(isoWeekday(day))) return []
  return [...new Set(schedule.hours)].sort((a, b) => a - b).map(hour => day + hour * HOUR_MS)
}

/** The first slot strictly after `after`. A schedule always has one within 8 days. */
export function nextSlotAfter (schedule: Schedule, after: number): number {
  for (let day = startOfDay(after); day <= startOfDay(after) + 8 * DAY_MS; day += DAY_MS) {
    const slot = slotsOfDay(schedule, day).find(at => at > after)
    if (slot !== undefined) return slot
  }
  throw new Error('a schedule needs at least one weekday and one hour')
}

/**
 * The slots in [from, until], ascending, keeping only the latest `limit`. It walks back from
 * `until`, so the work is bounded by `limit` (plus at most a week of empty days per slot)
 * however far apart the two instants are.
 */
export function slotsBetween (schedule: Schedule, from: number, until: number, limit: number): number[] {
  const found: number[] = []
  for (let day = startOfDay(until); day >= startOfDay(from) && found.length < limit; day -= DAY_MS) {
    const slots = slotsOfDay(schedule, day)
    for (let i = slots.length - 1; i >= 0 && found.length < limit; i--) {
      if (slots[i] >= from && slots[i] <= until) found.push(slots[i])
    }
  }
  return found.reverse()
}

/** `auto-<policyId>-20260116T0000Z`: which policy made the snapshot, and which run. Fits the snapshot-name rule. */
export function autoSnapshotName (policyId: string, slot: number): string {
  const iso = new Date(slot).toISOString()
  return `auto-${policyId}-${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}Z`
}

/** When an Auto snapshot taken at `slot` expires; null when the policy keeps it forever (-1). */
export const autoRetentionTime = (retentionDays: number, slot: number): number | null =>
  retentionDays === -1 ? null : slot + retentionDays * DAY_MS

/**
 * The earliest slot still worth running at `now`: an older slot's snapshot would already have
 * expired (retention_time <= now), so creating and deleting it would change nothing visible.
 */
export const earliestLiveSlot = (retentionDays: number, now: number): number =>
  retentionDays === -1 ? -Infinity : now - retentionDays * DAY_MS + 1
