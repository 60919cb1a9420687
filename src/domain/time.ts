/**
 * ZEC's time formats: timestamps are `yyyy-MM-ddTHH:mm:ssZ` in UTC with no fractional seconds
 * (zec-api.md §3.2), and the emulator's own options take durations such as `3s`, `500ms` or
 * ISO-8601 `PT10M` / `P7D`.
 */
const ZEC_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/

export function formatZecTime (ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z')
}

/** Parses a ZEC timestamp; null when it is malformed or names a day or hour that does not exist. */
export function parseZecTime (text: string): number | null {
  const m = ZEC_TIME.exec(text)
  if (m === null) return null
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number)
  const ms = Date.UTC(year, month - 1, day, hour, minute, second)
  const back = new Date(ms)
  const exists = back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day &&
    back.getUTCHours() === hour && back.getUTCMinutes() === minute && back.getUTCSeconds() === second
  return exists ? ms : null
}

const SHORT_DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/
const ISO_DURATION = /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }

/** Parses `0`, `500ms`, `3s`, `10m`, `2h`, `1d` or an ISO-8601 duration (`PT10M`, `P1DT2H`); null when invalid. */
export function parseDuration (text: string): number | null {
  if (text === '0') return 0
  const short = SHORT_DURATION.exec(text)
  if (short !== null) return Math.round(Number(short[1]) * UNIT_MS[short[2]])
  const iso = ISO_DURATION.exec(text)
  if (iso === null || text === 'P' || text.endsWith('T')) return null
  const [weeks, days, hours, minutes, seconds] = iso.slice(1).map(part => Number(part ?? 0))
  return Math.round(((((weeks * 7 + days) * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000)
}

/** Parses a signed duration such as `-P30D` or `+PT5M`, used by fixtures for times relative to load. */
export function parseSignedDuration (text: string): number | null {
  const sign = text[0]
  if (sign !== '+' && sign !== '-') return null
  const ms = parseDuration(text.slice(1))
  return ms === null ? null : (sign === '-' ? -ms : ms)
}
