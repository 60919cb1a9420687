/** Auto-snapshot policy rules (zec-api.md §3.5 CreateAutoSnapshotPolicy): retention days, schedule lists, tags. */

/** "-1 or [1, 65535]": the schema bounds the range, this refuses the 0 in between. Message or null. */
export function retentionDaysProblem (retentionDays: number): string | null {
  return retentionDays === 0
    ? 'The parameter `retentionDays` must be -1 (keep Auto snapshots forever) or between 1 and 65535 days; 0 is not allowed.'
    : null
}

/** Weekdays and hours are sets: stored sorted and without duplicates, shown the same way. */
export const asSortedSet = (values: readonly number[]): number[] => [...new Set(values)].sort((a, b) => a - b)

/** Tag keys must be unique (zec-api.md §3.2). Message naming the repeated key, or null. */
export function duplicateTagProblem (tags: readonly { key: string }[]): string | null {
  const seen = new Set<string>()
  for (const { key } of tags) {
    if (seen.has(key)) return `The parameter \`tags.tags\` repeats the key \`${key}\`; tag keys must be unique.`
    seen.add(key)
  }
  return null
}
