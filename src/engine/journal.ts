/**
 * The request journal: the last N calls of the ZEC wire, in process memory, as a bounded ring
 * (architecture.md: the journal observes, it is not state a checkpoint restores). Bodies are
 * kept as text cut at a byte cap, with every JSON field whose key looks like a secret
 * (password, secret, token) redacted first; the Authorization header is never kept at all.
 * Entries are stored compact and turned into their view only when someone reads the journal.
 */

export const REDACTED = '[redacted]'
const SECRET_KEY = /password|secret|token/i
// For bodies that are not JSON: a quoted key that looks like a secret, and its quoted value (or
// what is left of it where the text ends).
const SECRET_PAIR = /("[^"\\]*(?:password|secret|token)[^"\\]*"\s*:\s*)"(?:[^"\\]|\\.)*(?:"|$)/gi

export interface JournalRecord {
  id: string
  /** Real and virtual instants (ms) the call arrived at. */
  time: number
  virtualTime: number
  account: string | null
  accessKeyId: string | null
  service: string
  action: string | null
  version: string | null
  /** The HTTP status answered; 0 when a fault rule dropped the connection. */
  status: number
  code: string | null
  durationMs: number
  fault: string | null
  request: string
  response: string
}

export interface JournalFilter {
  action?: string
  account?: string
  status?: number
  limit: number
}

function redactValue (value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactValue)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, SECRET_KEY.test(key) ? REDACTED : redactValue(v)]))
  }
  return value
}

/** At most `limit` bytes of UTF-8, never splitting a character; and whether anything was cut. */
export function cut (text: string, limit: number): { text: string, truncated: boolean } {
  // A UTF-16 unit is at most 3 bytes of UTF-8: short text needs no byte count.
  if (text.length * 3 <= limit) return { text, truncated: false }
  const bytes = Buffer.from(text, 'utf8')
  if (bytes.length <= limit) return { text, truncated: false }
  let end = limit
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--
  return { text: bytes.subarray(0, end).toString('utf8'), truncated: true }
}

/**
 * A body as the journal keeps it: every secret-looking field's value replaced, then cut at
 * `limit` bytes. Text with no key that could be a secret is only cut. JSON is redacted whole;
 * anything else is cut first, so the fallback pattern never scans more than the cap.
 */
export function keepBody (text: string, limit: number): { text: string, truncated: boolean } {
  if (!SECRET_KEY.test(text)) return cut(text, limit)
  let redacted: string
  try {
    redacted = JSON.stringify(redactValue(JSON.parse(text)))
  } catch {
    // Not JSON, or JSON nested too deep to walk (a refused hostile body): the pattern redacts it.
    const kept = cut(text, limit)
    const replaced = cut(kept.text.replace(SECRET_PAIR, `$1"${REDACTED}"`), limit)
    return { text: replaced.text, truncated: kept.truncated || replaced.truncated }
  }
  return cut(redacted, limit)
}

export interface StoredRecord extends JournalRecord {
  truncated: { request: boolean, response: boolean }
}

export const journalView = (record: StoredRecord) => ({
  ...record,
  time: new Date(record.time).toISOString(),
  virtualTime: new Date(record.virtualTime).toISOString()
})
export type JournalEntry = ReturnType<typeof journalView>

export class Journal {
  private readonly ring: (StoredRecord | undefined)[]
  private next = 0
  private count = 0

  constructor (readonly size: number, readonly bodyLimit: number) {
    this.ring = new Array(size)
  }

  /** Keeps the call, forgetting the oldest when full; bodies are redacted and cut here, so memory stays bounded. */
  add (record: JournalRecord): void {
    const request = keepBody(record.request, this.bodyLimit)
    const response = keepBody(record.response, this.bodyLimit)
    this.ring[this.next] = { ...record, request: request.text, response: response.text, truncated: { request: request.truncated, response: response.truncated } }
    this.next = (this.next + 1) % this.size
    if (this.count < this.size) this.count++
  }

  get length (): number { return this.count }

  /** Newest first, filtered, at most `limit`. */
  list (filter: JournalFilter): JournalEntry[] {
    const found: JournalEntry[] = []
    for (let i = 1; i <= this.count && found.length < filter.limit; i++) {
      const record = this.ring[(this.next - i + this.size) % this.size] as StoredRecord
      if (filter.action !== undefined && record.action !== filter.action) continue
      if (filter.account !== undefined && record.account !== filter.account) continue
      if (filter.status !== undefined && record.status !== filter.status) continue
      found.push(journalView(record))
    }
    return found
  }

  /** Forgets every call; how many there were. */
  clear (): number {
    const cleared = this.count
    this.ring.fill(undefined)
    this.next = 0
    this.count = 0
    return cleared
  }
}
