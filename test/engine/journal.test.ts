import t from 'tap'
import { cut, Journal, keepBody, REDACTED, type JournalRecord } from '../../src/engine/journal.js'

const record = (n: number, overrides: Partial<JournalRecord> = {}): JournalRecord => ({
  id: `T${n}`,
  time: n,
  virtualTime: n,
  account: 'demo',
  accessKeyId: null,
  service: 'zec',
  action: 'DescribeZones',
  version: '2025-09-01',
  status: 200,
  code: null,
  durationMs: 1,
  fault: null,
  request: '{}',
  response: '{}',
  ...overrides
})

t.test('cut: at most the limit in UTF-8 bytes, never half a character', async t => {
  t.same(cut('hello', 5), { text: 'hello', truncated: false })
  t.same(cut('hello!', 5), { text: 'hello', truncated: true })
  t.same(cut('ab€', 4), { text: 'ab', truncated: true }, '€ is three bytes: it does not fit in two')
  t.same(cut('ab€', 5), { text: 'ab€', truncated: false })
  t.same(cut('x'.repeat(10), 0), { text: '', truncated: true })
})

t.test('keepBody: secret-looking keys redacted at any depth, in JSON and in text that is not', async t => {
  const json = keepBody(JSON.stringify({ instanceName: 'a', password: 'hunter2', nested: [{ accessKeySecret: 's3', apiToken: 't0k' }], tokenCount: 3 }), 10_000)
  t.same(JSON.parse(json.text), { instanceName: 'a', password: REDACTED, nested: [{ accessKeySecret: REDACTED, apiToken: REDACTED }], tokenCount: REDACTED })
  t.notMatch(json.text, /hunter2|s3|t0k/)
  const broken = keepBody('{"Password": "hunter2", "name": "x", ', 10_000)
  t.notMatch(broken.text, /hunter2/)
  t.match(broken.text, /"name": "x"/)
  const cutInside = keepBody(`{"name":"x","password":"${'p'.repeat(100)}"}`, 30)
  t.notMatch(cutInside.text, /ppp/, 'a secret cut in the middle is still redacted')
  t.ok(Buffer.byteLength(cutInside.text) <= 30)
  t.equal(keepBody('{"name":"plain"}', 100).text, '{"name":"plain"}', 'bodies with no secret keys are kept as sent')
  // A hostile body nested too deep to walk (the wire refuses it, the journal still keeps it).
  const deep = `{"password":"hunter2","x":${'['.repeat(5000)}${']'.repeat(5000)}}`
  const kept = keepBody(deep, 10_000)
  t.notMatch(kept.text, /hunter2/, 'JSON too deep to walk is redacted by the pattern')
  t.ok(kept.truncated)
})

t.test('the ring keeps the newest N, newest first', async t => {
  const journal = new Journal(3, 100)
  for (let n = 1; n <= 9; n++) journal.add(record(n))
  t.equal(journal.length, 3)
  t.same(journal.list({ limit: 10 }).map(e => e.id), ['T9', 'T8', 'T7'])
  t.same(journal.list({ limit: 2 }).map(e => e.id), ['T9', 'T8'])
  t.equal(journal.clear(), 3)
  t.same(journal.list({ limit: 10 }), [])
  journal.add(record(10))
  t.same(journal.list({ limit: 10 }).map(e => e.id), ['T10'])
})

t.test('filters by action, account and status', async t => {
  const journal = new Journal(10, 100)
  journal.add(record(1, { action: 'CreateSnapshot', status: 400, code: 'X' }))
  journal.add(record(2, { account: 'key:B' }))
  journal.add(record(3))
  t.same(journal.list({ action: 'CreateSnapshot', limit: 10 }).map(e => e.id), ['T1'])
  t.same(journal.list({ account: 'key:B', limit: 10 }).map(e => e.id), ['T2'])
  t.same(journal.list({ status: 200, limit: 10 }).map(e => e.id), ['T3', 'T2'])
  t.same(journal.list({ status: 200, account: 'demo', limit: 10 }).map(e => e.id), ['T3'])
})

t.test('the view: ISO times, truncated flags', async t => {
  const journal = new Journal(2, 8)
  journal.add(record(Date.UTC(2026, 0, 15), { request: '{"a":"long enough"}' }))
  const [entry] = journal.list({ limit: 1 })
  t.equal(entry.time, '2026-01-15T00:00:00.000Z')
  t.equal(entry.request, '{"a":"lo')
  t.same(entry.truncated, { request: true, response: false })
})
