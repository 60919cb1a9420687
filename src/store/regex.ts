/**
 * Name filters are regular-expression searches (zec-api.md §3.2: the CSI driver sends `^name$`).
 * User patterns run on RE2 (re2js), which matches in linear time, so a pattern such as `(a+)+$`
 * cannot run away. A pattern RE2 cannot compile falls back to a plain substring search.
 */
import { RE2JS } from 're2js'

const cache = new Map<string, (value: string) => boolean>()
const CACHE_LIMIT = 256

export function regexMatcher (pattern: string): (value: string) => boolean {
  let matcher = cache.get(pattern)
  if (matcher === undefined) {
    try {
      const compiled = RE2JS.compile(pattern)
      matcher = value => compiled.matcher(value).find()
    } catch {
      matcher = value => value.includes(pattern)
    }
    if (cache.size >= CACHE_LIMIT) cache.clear()
    cache.set(pattern, matcher)
  }
  return matcher
}
