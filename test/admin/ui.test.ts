/**
 * How the emulator serves the console (src/admin/ui.ts): the redirect, the page and its assets
 * with their types, cache and security headers, gzip, 304s, no path outside dist/ui/, public
 * under --admin-token, an envelope when the console was not built, and a small total size with
 * nothing taken from another host. Needs `npm run build` (npm test builds first).
 */
import t from 'tap'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import Fastify from 'fastify'
import { readAssets, registerUi, UI_DIR } from '../../src/admin/ui.js'
import { registerErrorHandling } from '../../src/protocol/route.js'
import { build } from '../helper.js'

const built = existsSync(join(UI_DIR, 'index.html'))

t.test('the console is built into dist/ui', async t => {
  t.ok(built, 'dist/ui/index.html exists (run `npm run build`)')
  if (!built) return
  t.ok(existsSync(join(UI_DIR, 'main.js')), 'the script is compiled beside it')
  t.ok(existsSync(join(UI_DIR, 'console.css')), 'and the style sheet copied')
})

t.test('GET /_emulator/ redirects to the console, which serves its page', { skip: built ? false : 'the console is not built' }, async t => {
  const { app } = await build(t)
  const redirect = await app.inject({ method: 'GET', url: '/_emulator/' })
  t.equal(redirect.statusCode, 302)
  t.equal(redirect.headers.location, '/_emulator/ui')

  for (const url of ['/_emulator/ui', '/_emulator/ui/']) {
    const page = await app.inject({ method: 'GET', url })
    t.equal(page.statusCode, 200, url)
    t.match(page.headers['content-type'], /^text\/html; charset=utf-8/)
    t.equal(page.headers['cache-control'], 'no-cache')
    t.match(page.headers['content-security-policy'], /default-src 'none'; script-src 'self'; style-src 'self'/)
    t.equal(page.headers['x-content-type-options'], 'nosniff')
    t.match(page.body, /<script type="module" src="\/_emulator\/ui\/main\.js"><\/script>/)
  }

  const script = await app.inject({ method: 'GET', url: '/_emulator/ui/main.js' })
  t.equal(script.statusCode, 200)
  t.match(script.headers['content-type'], /^text\/javascript/)
  const style = await app.inject({ method: 'GET', url: '/_emulator/ui/console.css' })
  t.match(style.headers['content-type'], /^text\/css/)
})

t.test('assets are gzipped when asked and answered 304 when unchanged', { skip: built ? false : 'the console is not built' }, async t => {
  const { app } = await build(t)
  const plain = await app.inject({ method: 'GET', url: '/_emulator/ui/main.js' })
  const zipped = await app.inject({ method: 'GET', url: '/_emulator/ui/main.js', headers: { 'accept-encoding': 'gzip, deflate, br' } })
  t.equal(zipped.headers['content-encoding'], 'gzip')
  t.equal(zipped.headers.vary, 'accept-encoding')
  t.equal(gunzipSync(zipped.rawPayload).toString(), plain.body, 'the same script, compressed')
  t.notOk(plain.headers['content-encoding'], 'plain when gzip is not accepted')

  const etag = plain.headers.etag as string
  t.match(etag, /^"[\w-]{22}"$/)
  const again = await app.inject({ method: 'GET', url: '/_emulator/ui/main.js', headers: { 'if-none-match': etag } })
  t.equal(again.statusCode, 304)
  t.equal(again.body, '')
})

t.test('only files of dist/ui are served, never a path outside it', { skip: built ? false : 'the console is not built' }, async t => {
  const { app } = await build(t)
  for (const url of ['/_emulator/ui/nope.js', '/_emulator/ui/..%2Fsrc%2Fserver.js', '/_emulator/ui/..%2F..%2Fpackage.json', '/_emulator/ui/..%5C..%5Cpackage.json', '/_emulator/ui/main.js.map']) {
    const res = await app.inject({ method: 'GET', url })
    t.equal(res.statusCode, 404, url)
    t.equal(res.json().code, 'INVALID_REQUEST_PATH', url)
    t.same(Object.keys(res.json()).sort(), ['code', 'message', 'requestId'])
  }
  const deeper = await app.inject({ method: 'GET', url: '/_emulator/ui/a/b.js' })
  t.equal(deeper.statusCode, 404)
})

t.test('the console is public under --admin-token; the admin API it calls is not', { skip: built ? false : 'the console is not built' }, async t => {
  const { app } = await build(t, { adminToken: 's3cret' })
  t.equal((await app.inject({ method: 'GET', url: '/_emulator/' })).statusCode, 302)
  t.equal((await app.inject({ method: 'GET', url: '/_emulator/ui' })).statusCode, 200)
  t.equal((await app.inject({ method: 'GET', url: '/_emulator/ui/main.js' })).statusCode, 200)
  t.equal((await app.inject({ method: 'GET', url: '/_emulator/clock' })).statusCode, 401)
})

t.test('a console that was not built answers the envelope saying so', async t => {
  const empty = mkdtempSync(join(tmpdir(), 'zec-ui-'))
  t.teardown(() => { rmSync(empty, { recursive: true, force: true }) })
  const app = Fastify()
  registerErrorHandling(app)
  registerUi(app, join(empty, 'missing'))
  t.teardown(() => app.close())
  const res = await app.inject({ method: 'GET', url: '/_emulator/ui' })
  t.equal(res.statusCode, 404)
  t.equal(res.json().code, 'INVALID_REQUEST_PATH')
  t.match(res.json().message, /npm run build/)
})

t.test('readAssets keeps only known types and the gzip form only when smaller', async t => {
  const dir = mkdtempSync(join(tmpdir(), 'zec-ui-'))
  t.teardown(() => { rmSync(dir, { recursive: true, force: true }) })
  writeFileSync(join(dir, 'index.html'), '<!doctype html>' + '<p>x</p>'.repeat(200))
  writeFileSync(join(dir, 'a.js'), 'x')
  writeFileSync(join(dir, 'a.js.map'), '{}')
  writeFileSync(join(dir, 'notes.txt'), 'hi')
  const assets = readAssets(dir)
  t.same([...assets.keys()].sort(), ['a.js', 'index.html'])
  t.ok(assets.get('index.html')?.gzip, 'a repetitive page is kept gzipped')
  t.equal(assets.get('a.js')?.gzip, undefined, 'a one-byte script is not')
})

t.test('the console is small and names no other host', { skip: built ? false : 'the console is not built' }, async t => {
  let gzipped = 0
  for (const name of readdirSync(UI_DIR)) {
    if (!/\.(html|css|js)$/.test(name)) continue
    const body = readFileSync(join(UI_DIR, name))
    gzipped += gzipSync(body, { level: 9 }).length
    t.notMatch(body.toString(), /(https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}\//i, `${name} loads nothing from another host`)
  }
  t.ok(gzipped < 150 * 1024, `${gzipped} bytes gzipped, under 150 KB`)
})
