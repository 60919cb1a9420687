/** The tag filters every Describe shares (zec-api.md §3.2): `tagKeys` and `tags`, over a JSON `tags` column. */
import type { Condition } from './table.js'

export interface TagFilter {
  tagKeys?: string[]
  tags?: { key: string, value: string }[]
}

/** One condition per key or key/value pair, all of which must hold. */
export function tagConditions (filter: TagFilter): Condition[] {
  return [
    ...(filter.tagKeys ?? []).map((key): Condition =>
      ['EXISTS (SELECT 1 FROM json_each(tags) WHERE json_extract(value, \'$.key\') = ?)', key]),
    ...(filter.tags ?? []).map((tag): Condition =>
      ['EXISTS (SELECT 1 FROM json_each(tags) WHERE json_extract(value, \'$.key\') = ? AND json_extract(value, \'$.value\') = ?)', tag.key, tag.value])
  ]
}
