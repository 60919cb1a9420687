/**
 * Every HTTP-level failure answers the ZEC envelope with a 4xx, including what never reaches a
 * route: Node's parser refusals, CONNECT, a missing Host, an unmeetable Expect, Fastify's router
 * refusals. Sent as raw bytes over a socket to a listening emulator; after all of them the same
 * server still answers.
 */
import t, { type Test } from 'tap'
import { connect } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { startEmulator } from '../../src/index.js'
import { build, call, DISK } from '../helper.js'

interface RawAnswer { status: number, headers: Record<string, string>, body: string }

/** Sends bytes, reads one HTTP answer (by Content-Length, or until the server closes). */
function send (port: number, bytes: string | Buffer): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let data = Buffer.alloc(0)
    const guard = setTimeout(() => { socket.destroy(); reject(new Error(`no complete answer: ${JSON.stringify(data.toString())}`)) }, 10_000)
    const parse = (final: boolean) => {
      const text = data.toString('latin1')
      const end = text.indexOf('\r\n\r\n')
      if (end === -1) {
        if (final) { clearTimeout(guard); reject(new Error(`no answer: ${JSON.stringify(text)}`)) }
        return
      }
      const [statusLine, ...lines] = text.slice(0, end).split('\r\n')
      const headers = Object.fromEntries(lines.map(line => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]))
      const body = data.subarray(end + 4)
      const length = Number(headers['content-length'])
      if (!final && !(body.length >= length)) return
      clearTimeout(guard)
      socket.destroy()
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: body.toString('utf8') })
    }
    socket.on('data', chunk => { data = Buffer.concat([data, chunk]); parse(false) })
    socket.on('end', () => { parse(true) })
    socket.on('error', () => { parse(true) })
    socket.write(bytes)
  })
}

/** A real emulator on 127.0.0.1 port 0, started the way a test suite embeds it. */
async function listening (t: Test): Promise<{ app: FastifyInstance, port: number }> {
  const emulator = await startEmulator({ port: 0 })
  t.teardown(() => emulator.close())
  return { app: emulator.app, port: Number(new URL(emulator.url).port) }
}

const post = (headers: string, body = '') => `POST /api/v2/zec HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nx-zc-action: DescribeZones\r\n${headers}\r\n${body}`
const get = (extra = '', target = '/_emulator/health', version = 'HTTP/1.1') => `GET ${target} ${version}\r\nHost: 127.0.0.1\r\n${extra}\r\n`

const CASES: [name: string, bytes: string | Buffer, status: number, code: string, message: RegExp][] = [
  ['an unknown method', 'FOO / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', 405, 'UNSUPPORTED_HTTP_METHOD', /`FOO`/],
  ['a header section over 16 KiB', get(`X-Big: ${'x'.repeat(17 * 1024)}\r\n`), 431, 'REQUEST_HEADER_FIELDS_TOO_LARGE', /16 KiB/],
  ['a Content-Length that is not a number', post('Content-Length: abc\r\n'), 400, 'INVALID_HTTP_REQUEST', /Content-Length/],
  ['a negative Content-Length', post('Content-Length: -1\r\n'), 400, 'INVALID_HTTP_REQUEST', /Content-Length/],
  ['a repeated Content-Length', post('Content-Length: 2\r\nContent-Length: 3\r\n', '{}'), 400, 'INVALID_HTTP_REQUEST', /Content-Length/],
  ['Content-Length beside Transfer-Encoding', post('Content-Length: 2\r\nTransfer-Encoding: chunked\r\n', '{}'), 400, 'INVALID_HTTP_REQUEST', /Transfer-Encoding/],
  ['an invalid Transfer-Encoding', post('Transfer-Encoding: gzip, foo\r\n'), 400, 'INVALID_HTTP_REQUEST', /Transfer-Encoding/],
  ['a chunk size that is not hex', post('Transfer-Encoding: chunked\r\n', 'zz\r\n{}\r\n0\r\n\r\n'), 400, 'INVALID_REQUEST_BODY', /chunked request body/],
  ['a chunk without its CRLF', post('Transfer-Encoding: chunked\r\n', '2\r\n{}XX0\r\n\r\n'), 400, 'INVALID_REQUEST_BODY', /chunked request body/],
  ['chunk extensions over the limit', post('Transfer-Encoding: chunked\r\n', `2;${'a'.repeat(20_000)}\r\n{}\r\n0\r\n\r\n`), 413, 'REQUEST_ENTITY_TOO_LARGE', /chunk extensions/],
  ['a control character in a header value', get('X-Bad: a\x01b\r\n'), 400, 'INVALID_HTTP_REQUEST', /header/],
  ['a space in a header name', get('X Bad: a\r\n'), 400, 'INVALID_HTTP_REQUEST', /header/],
  ['a space before the colon', get('Host : a\r\n'), 400, 'INVALID_HTTP_REQUEST', /header/],
  ['an obsolete folded header line', get('X-A: b\r\n c\r\n'), 400, 'INVALID_HTTP_REQUEST', /header/],
  ['an unknown HTTP version', get('', '/_emulator/health', 'HTTP/9.9'), 400, 'INVALID_HTTP_REQUEST', /HTTP version/],
  ['a request target that is not a path', get('', 'not-a-path'), 400, 'INVALID_HTTP_REQUEST', /request target/],
  ['bare LF line ends', 'GET /_emulator/health HTTP/1.1\nHost: a\n\n', 400, 'INVALID_HTTP_REQUEST', /CRLF/],
  ['TLS sent to the plain HTTP port', Buffer.from([0x16, 0x03, 0x01, 0x00, 0xa5, 0x01, 0x00, 0x00, 0xa1, 0x03, 0x03]), 400, 'INVALID_HTTP_REQUEST', /TLS/],
  ['the HTTP/2 preface', 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 400, 'INVALID_HTTP_REQUEST', /HTTP\/2/],
  ['HTTP/1.1 without Host', 'GET /_emulator/health HTTP/1.1\r\n\r\n', 400, 'INVALID_HTTP_REQUEST', /Host header/],
  ['an Expect other than 100-continue', post('Expect: foo\r\nContent-Length: 2\r\n', '{}'), 417, 'EXPECTATION_FAILED', /Expect header `foo`/],
  ['CONNECT', 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n', 405, 'UNSUPPORTED_HTTP_METHOD', /CONNECT example\.com:443/],
  ['a path that is not valid percent-encoding', get('', '/%zz'), 400, 'INVALID_HTTP_REQUEST', /`\/%zz`/],
  ['a body larger than 1 MiB announced by Content-Length', post('Content-Length: 99999999999\r\n', '{}'), 413, 'REQUEST_ENTITY_TOO_LARGE', /larger than the limit/],
  ['PROPFIND on the root', 'PROPFIND / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', 404, 'INVALID_REQUEST_PATH', /PROPFIND/],
  ['PROPFIND on the ZEC path', 'PROPFIND /api/v2/zec HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', 405, 'UNSUPPORTED_HTTP_METHOD', /PROPFIND/],
  ['OPTIONS on the ZEC path (no CORS preflight is served)', 'OPTIONS /api/v2/zec HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', 405, 'UNSUPPORTED_HTTP_METHOD', /OPTIONS/],
  ['OPTIONS *', 'OPTIONS * HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', 404, 'INVALID_REQUEST_PATH', /OPTIONS/]
]

t.test('every HTTP-level failure answers the ZEC envelope with a 4xx, and the server goes on', async t => {
  const { port } = await listening(t)
  for (const [name, bytes, status, code, message] of CASES) {
    const answer = await send(port, bytes)
    t.equal(answer.status, status, `${name}: status`)
    t.match(answer.headers['content-type'], /^application\/json/, `${name}: JSON`)
    let body: Record<string, unknown> = {}
    try { body = JSON.parse(answer.body) } catch { t.fail(`${name}: the body is not JSON: ${answer.body}`) }
    t.same(Object.keys(body).sort(), ['code', 'message', 'requestId'], `${name}: exactly the envelope's keys`)
    t.match(body.requestId, /^T[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/, `${name}: a request id`)
    t.equal(body.code, code, `${name}: code`)
    t.match(body.message, message, `${name}: the message names what is wrong`)
  }
  const health = await fetch(`http://127.0.0.1:${port}/_emulator/health`)
  t.equal(health.status, 200, 'the same server still answers')
})

t.test('a path parameter over 100 characters: 414 in the envelope', async t => {
  const { app } = await build(t)
  // A route with a path parameter, only to reach Fastify's max-param-length refusal.
  app.get('/_emulator/test-param/:name', async () => ({}))
  await app.listen({ host: '127.0.0.1', port: 0 })
  const answer = await send((app.server.address() as { port: number }).port, get('', `/_emulator/test-param/${'n'.repeat(101)}`))
  t.equal(answer.status, 414)
  t.match(JSON.parse(answer.body), { requestId: /^T/, code: 'REQUEST_URI_TOO_LONG', message: /longer than 100/ })
})

t.test('an answer written by the parser handler closes the connection and has its own request id', async t => {
  const { port } = await listening(t)
  const first = await send(port, 'FOO / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')
  const second = await send(port, 'FOO / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')
  t.equal(first.headers.connection, 'close')
  t.equal(Number(first.headers['content-length']), Buffer.byteLength(first.body))
  t.not(JSON.parse(first.body).requestId, JSON.parse(second.body).requestId)
})

t.test('a bad request pipelined after a good one: the good one is answered, then the envelope', async t => {
  const { port } = await listening(t)
  const socket = connect(port, '127.0.0.1')
  let text = ''
  socket.on('data', chunk => { text += chunk.toString() })
  const closed = new Promise(resolve => socket.on('close', resolve))
  socket.write(get() + 'GET / HTTP/1.1\r\nHost: a\r\nX Bad: a\r\n\r\n')
  await closed
  const answers = text.split(/(?=HTTP\/1\.1 )/)
  t.equal(answers.length, 2, 'two answers on the connection')
  t.match(answers[0], /^HTTP\/1\.1 200 /)
  t.match(answers[1], /^HTTP\/1\.1 400 [^]*"code":"INVALID_HTTP_REQUEST"/)
})

t.test('a ZEC call whose chunked body breaks mid-way changes nothing', async t => {
  const { app, port } = await listening(t)
  const before = ((await call(app, 'DescribeSnapshots', {})).body as { response: { totalCount: number } }).response.totalCount
  const body = JSON.stringify({ diskId: DISK.spare, snapshotName: 'never-made' })
  const head = 'POST /api/v2/zec HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nx-zc-action: CreateSnapshot\r\nTransfer-Encoding: chunked\r\n\r\n'
  const chunk = `${body.length.toString(16)}\r\n${body}\r\n`
  const answer = await send(port, `${head}${chunk}zz\r\n`)
  t.equal(answer.status, 400)
  t.equal(JSON.parse(answer.body).code, 'INVALID_REQUEST_BODY')
  const count = async () => ((await call(app, 'DescribeSnapshots', {})).body as { response: { totalCount: number } }).response.totalCount
  t.equal(await count(), before, 'no snapshot was made')
  const control = await send(port, `${head}${chunk}0\r\n\r\n`)
  t.equal(control.status, 200, 'the same call, well chunked, succeeds')
  t.equal(await count(), before + 1)
})
