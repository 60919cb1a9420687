/**
 * Hostile bytes on the socket (node:net against a listening emulator), below what fetch or
 * app.inject can send: bad methods, chunked and lying Content-Length bodies, 20 KiB headers,
 * a duplicated x-zc-action, invalid UTF-8, wrong content types, bodies over 1 MiB. Every answer
 * is the ZEC envelope with a 4xx (or a 200 where the bytes are in fact acceptable), leaks
 * nothing, a refused request changes nothing, and the server keeps answering.
 */
import t from 'tap'
import { connect } from 'node:net'
import { build, DISK } from '../helper.js'
import { isEnvelope, LEAK, listen, report } from './support.js'

interface RawReply { status: number, headers: string, body: string, raw: string }

/** Writes `bytes`, reads until the server closes (or 10 s pass), parses the first response. */
function exchange (port: number, bytes: Buffer | string, { halfClose = false } = {}): Promise<RawReply | null> {
  return new Promise(resolve => {
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    const done = () => {
      clearTimeout(timer)
      socket.destroy()
      const raw = Buffer.concat(chunks).toString('latin1')
      const m = /^HTTP\/1\.[01] (\d{3})[^\r\n]*\r\n([\s\S]*?)\r\n\r\n([\s\S]*)$/.exec(raw)
      if (m === null) { resolve(null); return }
      let body = m[3]
      const length = /^content-length:\s*(\d+)/im.exec(m[2])
      if (length !== null) body = Buffer.from(body, 'latin1').subarray(0, Number(length[1])).toString('utf8')
      else if (/^transfer-encoding:\s*chunked/im.test(m[2])) body = dechunk(body)
      resolve({ status: Number(m[1]), headers: m[2], body, raw })
    }
    const timer = setTimeout(done, 10_000)
    socket.on('data', chunk => chunks.push(chunk))
    socket.on('error', () => {})
    socket.on('close', done)
    socket.write(bytes, () => { if (halfClose) socket.end() })
  })
}

function dechunk (text: string): string {
  let out = ''
  let rest = text
  for (;;) {
    const m = /^([0-9a-fA-F]+)\r\n/.exec(rest)
    if (m === null) return out
    const size = parseInt(m[1], 16)
    if (size === 0) return out
    out += rest.slice(m[0].length, m[0].length + size)
    rest = rest.slice(m[0].length + size + 2)
  }
}

const json = '{"diskIds":["' + DISK.spare + '"]}'
const head = (lines: string[]) => lines.join('\r\n') + '\r\n\r\n'
const zecHead = (extra: string[], method = 'POST') => [`${method} /api/v2/zec HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close', ...extra]

interface Case {
  name: string
  bytes: Buffer | string
  /** `refused`: must be a 4xx envelope; `either`: a 200 or a 4xx envelope. */
  expect: 'refused' | 'either'
  halfClose?: boolean
  /** Refused by Node's HTTP parser before Fastify sees the request: the envelope needs a clientErrorHandler. */
  parser?: boolean
}

const big = (n: number) => '{"diskName":"' + 'a'.repeat(n) + '"}'
const CASES: Case[] = [
  { name: 'unknown method FOO', bytes: head(zecHead(['Content-Length: 2'], 'FOO')) + '{}', expect: 'refused', parser: true },
  { name: 'lower-case method post', bytes: head(zecHead(['Content-Length: 2'], 'post')) + '{}', expect: 'refused', parser: true },
  ...['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'].map(method => ({ name: `${method} on the ZEC path`, bytes: head(zecHead(['x-zc-action: DescribeDisks', 'Content-Length: 0'], method)), expect: 'refused' as const })),
  { name: 'CONNECT', bytes: head(['CONNECT 127.0.0.1:1 HTTP/1.1', 'Host: 127.0.0.1:1']), expect: 'refused', parser: true },
  { name: 'a request line with no version', bytes: 'POST /api/v2/zec\r\n\r\n', expect: 'refused', parser: true },
  { name: 'HTTP/2 preface on an HTTP/1 port', bytes: 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', expect: 'refused', parser: true },
  { name: 'garbage bytes', bytes: Buffer.from([0x16, 0x03, 0x01, 0x00, 0xff, 0x00, 0x0d, 0x0a, 0x0d, 0x0a]), expect: 'refused', parser: true },
  { name: 'chunked body, valid', bytes: head(zecHead(['x-zc-action: DescribeDisks', 'Content-Type: application/json', 'Transfer-Encoding: chunked'])) + `${json.length.toString(16)}\r\n${json}\r\n0\r\n\r\n`, expect: 'either' },
  { name: 'chunked body in 1-byte chunks', bytes: head(zecHead(['x-zc-action: DescribeDisks', 'Content-Type: application/json', 'Transfer-Encoding: chunked'])) + [...json].map(c => `1\r\n${c}\r\n`).join('') + '0\r\n\r\n', expect: 'either' },
  { name: 'chunked body with a bad chunk size', bytes: head(zecHead(['x-zc-action: DescribeDisks', 'Content-Type: application/json', 'Transfer-Encoding: chunked'])) + 'zz\r\n{}\r\n0\r\n\r\n', expect: 'refused', parser: true },
  { name: 'chunk size larger than the chunk, then close', bytes: head(zecHead(['x-zc-action: DescribeDisks', 'Content-Type: application/json', 'Transfer-Encoding: chunked'])) + 'ff\r\n{}\r\n', expect: 'refused', halfClose: true, parser: true },
  { name: 'both Content-Length and Transfer-Encoding', bytes: head(zecHead(['x-zc-action: DescribeDisks', 'Content-Type: application/json', 'Content-Length: 2', 'Transfer-Encoding: chunked'])) + '2\r\n{}\r\n0\r\n\r\n', expect: 'refused', parser: true },
  { name: 'Content-Length larger than the body, then close', bytes: head(zecHead(['x-zc-action: DescribeDisks', 'Content-Type: application/json', 'Content-Length: 100'])) + '{}', expect: 'refused', halfClose: true, parser: true },
  { name: 'Content-Length smaller than the body', bytes: head(zecHead(['x-zc-action: DescribeDisks', 'Content-Type: application/json', `Content-Length: ${json.length - 5}`])) + json, expect: 'refused', parser: true },
  { name: 'Content-Length not a number', bytes: head(zecHead(['x-zc-action: DescribeDisks', 'Content-Type: application/json', 'Content-Length: abc'])) + '{}', expect: 'refused', parser: true },
  { name: 'Content-Length negative', bytes: head(zecHead(['x-zc-action: DescribeDisks', 'Content-Type: application/json', 'Content-Length: -1'])) + '{}', expect: 'refused', parser: true },
  { name: 'two different Content-Lengths', bytes: head(zecHead(['x-zc-action: DescribeDisks', 'Content-Type: application/json', 'Content-Length: 2', 'Content-Length: 3'])) + '{} ', expect: 'refused', parser: true },
  { name: 'Content-Length over the 1 MiB limit, no body sent', bytes: head(zecHead(['x-zc-action: DescribeDisks', 'Content-Type: application/json', 'Content-Length: 2000000'])), expect: 'refused' },
  { name: 'a 1.5 MiB body', bytes: head(zecHead(['x-zc-action: DescribeDisks', 'Content-Type: application/json', `Content-Length: ${big(1_572_864).length}`])) + big(1_572_864), expect: 'refused' },
  { name: 'a chunked 1.5 MiB body', bytes: head(zecHead(['x-zc-action: DescribeDisks', 'Content-Type: application/json', 'Transfer-Encoding: chunked'])) + `${big(1_572_864).length.toString(16)}\r\n${big(1_572_864)}\r\n0\r\n\r\n`, expect: 'refused' },
  { name: 'a 20 KiB header', bytes: head(zecHead(['x-zc-action: DescribeDisks', 'Content-Type: application/json', 'Content-Length: 2', 'x-padding: ' + 'p'.repeat(20 * 1024)])) + '{}', expect: 'refused', parser: true },
  { name: '400 small headers', bytes: head(zecHead(['x-zc-action: DescribeDisks', 'Content-Type: application/json', 'Content-Length: 2', ...Array.from({ length: 400 }, (_, i) => `x-h${i}: v`)])) + '{}', expect: 'either' },
  { name: 'a header line without a colon', bytes: head(zecHead(['x-zc-action DescribeDisks', 'Content-Length: 2'])) + '{}', expect: 'refused', parser: true },
  { name: 'x-zc-action twice, the same action', bytes: head(zecHead(['x-zc-action: DescribeDisks', 'x-zc-action: DescribeDisks', 'Content-Type: application/json', 'Content-Length: 2'])) + '{}', expect: 'refused' },
  { name: 'x-zc-action twice, a read and a destructive write', bytes: head(zecHead(['x-zc-action: DescribeDisks', 'x-zc-action: ReleaseDisk', 'Content-Type: application/json', `Content-Length: ${`{"diskId":"${DISK.spare}"}`.length}`])) + `{"diskId":"${DISK.spare}"}`, expect: 'refused' },
  { name: 'x-zc-version twice', bytes: head(zecHead(['x-zc-action: DescribeDisks', 'x-zc-version: 2025-09-01', 'x-zc-version: 2024-04-01', 'Content-Type: application/json', 'Content-Length: 2'])) + '{}', expect: 'refused' },
  { name: 'x-zc-action with bytes that are not UTF-8', bytes: Buffer.concat([Buffer.from(head(zecHead(['Content-Type: application/json', 'Content-Length: 2'])).replace('\r\n\r\n', '\r\nx-zc-action: Describe')), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('Disks\r\n\r\n{}')]), expect: 'refused' },
  { name: 'a body that is not UTF-8', bytes: Buffer.concat([Buffer.from(head(zecHead(['x-zc-action: DescribeDisks', 'Content-Type: application/json', 'Content-Length: 18']))), Buffer.from('{"diskName":"'), Buffer.from([0xff, 0xc0, 0x80]), Buffer.from('"}')]), expect: 'either' },
  { name: 'a body that is UTF-16', bytes: Buffer.concat([Buffer.from(head(zecHead(['x-zc-action: DescribeDisks', 'Content-Type: application/json', `Content-Length: ${Buffer.from('\ufeff{}', 'utf16le').length}`]))), Buffer.from('\ufeff{}', 'utf16le')]), expect: 'refused' },
  { name: 'a NUL in the body', bytes: head(zecHead(['x-zc-action: DescribeDisks', 'Content-Type: application/json', 'Content-Length: 3'])) + '{\u0000}', expect: 'refused' },
  ...['text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/octet-stream', '', 'json', 'application/json-patch+json'].map(type => ({
    name: `Content-Type \`${type}\``,
    bytes: head(zecHead(['x-zc-action: DescribeDisks', ...(type === '' ? [] : [`Content-Type: ${type}`]), 'Content-Length: 2'])) + '{}',
    expect: 'refused' as const
  })),
  ...['application/json; charset=utf-8', 'APPLICATION/JSON', 'application/json;charset=latin1'].map(type => ({
    name: `Content-Type \`${type}\``,
    bytes: head(zecHead(['x-zc-action: DescribeDisks', `Content-Type: ${type}`, 'Content-Length: 2'])) + '{}',
    expect: 'either' as const
  })),
  { name: 'no Host header on HTTP/1.1', bytes: head(['POST /api/v2/zec HTTP/1.1', 'Connection: close', 'x-zc-action: DescribeDisks', 'Content-Type: application/json', 'Content-Length: 2']) + '{}', expect: 'either', parser: true },
  { name: 'HTTP/1.0 with no Host', bytes: head(['POST /api/v2/zec HTTP/1.0', 'x-zc-action: DescribeDisks', 'Content-Type: application/json', 'Content-Length: 2']) + '{}', expect: 'either' },
  { name: 'a path with a NUL and traversal', bytes: head(['POST /api/v2/zec/../../%00etc HTTP/1.1', 'Host: x', 'Connection: close', 'Content-Length: 0']), expect: 'refused' },
  { name: 'a 10 KiB URL', bytes: head([`POST /api/v2/zec?${'q'.repeat(10 * 1024)} HTTP/1.1`, 'Host: x', 'Connection: close', 'x-zc-action: DescribeDisks', 'Content-Type: application/json', 'Content-Length: 2']) + '{}', expect: 'either' },
  { name: 'an absolute-form URL', bytes: head(['POST http://evil.example/api/v2/zec HTTP/1.1', 'Host: x', 'Connection: close', 'x-zc-action: DescribeDisks', 'Content-Type: application/json', 'Content-Length: 2']) + '{}', expect: 'either' },
  { name: 'a pipelined second request that is garbage', bytes: head(zecHead(['x-zc-action: DescribeDisks', 'Content-Type: application/json', 'Content-Length: 2']).filter(l => l !== 'Connection: close')) + '{}' + 'NOT HTTP\r\n\r\n', expect: 'either', parser: true }
]

t.test(`${CASES.length} raw-socket cases`, async t => {
  const { app } = await build(t)
  const url = await listen(app)
  const port = Number(new URL(url).port)
  const db = app.runtime.store.db
  const codes: Record<string, number> = {}
  let parserCases = 0
  const waiting: string[] = []
  for (const c of CASES) {
    const before = db.serialize()
    const reply = await exchange(port, c.bytes, { halfClose: c.halfClose })
    let held = true
    // Node's own HTTP parser answers the parser cases before Fastify runs; the clientErrorHandler
    // (src/protocol/client-errors.ts) gives them the envelope too, so a miss is a failure.
    const extra = {}
    const check = (ok: boolean, what: string) => {
      if (!ok) {
        held = false
        t.ok(ok, `${c.name}: ${what} (got ${reply === null ? 'no answer' : `${reply.status} ${reply.raw.slice(0, 300).replace(/\r\n/g, ' ')}`})`, extra)
      }
      return ok
    }
    if (check(reply !== null, 'an HTTP answer')) {
      const r = reply as RawReply
      let body: unknown
      try { body = JSON.parse(r.body) } catch { body = undefined }
      check(r.status < 500, 'no 5xx')
      check(!LEAK.test(r.raw), 'nothing leaked')
      if (r.status === 200) {
        check(c.expect === 'either', 'refused')
      } else {
        check(r.status >= 400 && r.status < 500, 'a 4xx')
        check(isEnvelope(body), 'exactly {requestId, code, message}')
        check(db.serialize().equals(before), 'the database unchanged')
        if (isEnvelope(body)) codes[(body as { code: string }).code] = (codes[(body as { code: string }).code] ?? 0) + 1
      }
    }
    if (c.parser === true) parserCases++
    if (c.parser === true && !held) waiting.push(c.name)
    const health = await fetch(`${url}/_emulator/health`)
    if (health.status !== 200) t.fail(`${c.name}: the server stopped answering`)
  }
  const disk = await (await fetch(`${url}/api/v2/zec`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-zc-action': 'DescribeDisks' }, body: JSON.stringify({ diskIds: [DISK.spare] }) })).json() as any
  t.equal(disk.response.dataSet[0]?.diskStatus, 'AVAILABLE', 'the disk a duplicated header named for release is untouched')
  t.pass(`${CASES.length} cases answered`)
  report(t, 'raw-socket', { cases: CASES.length, parserLevel: parserCases, waitingForClientErrorHandler: waiting, codes })
})
