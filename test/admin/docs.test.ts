import t from 'tap'
import { build } from '../helper.js'

t.test('every admin route is in the OpenAPI document, and only admin routes', async t => {
  const { app } = await build(t)
  const res = await app.inject({ method: 'GET', url: '/_emulator/openapi.json' })
  t.equal(res.statusCode, 200)
  const spec = res.json()
  t.match(spec, { openapi: /^3\./, info: { title: /zec-emulator/ } })
  const paths = Object.keys(spec.paths)
  for (const path of ['/_emulator/health', '/_emulator/ready', '/_emulator/clock', '/_emulator/lifecycle', '/_emulator/lifecycle/complete', '/_emulator/reset',
    '/_emulator/quotas', '/_emulator/accounts', '/_emulator/state/checkpoints', '/_emulator/state/checkpoints/{name}/restore', '/_emulator/state/checkpoints/{name}',
    '/_emulator/state/export', '/_emulator/state/import']) {
    t.ok(paths.includes(path), `${path} is described`)
  }
  t.ok(paths.every(path => path.startsWith('/_emulator/')), 'the ZEC wire is not an admin route')
  t.notOk(paths.some(path => path.startsWith('/_emulator/docs')), 'the docs page does not describe itself')
  t.match(spec.paths['/_emulator/clock'].post.requestBody.content['application/json'].schema, { properties: { action: Object } }, 'bodies come from the TypeBox schemas')
})

t.test('the docs page is served from the package, with no CDN', async t => {
  const { app } = await build(t)
  const page = await app.inject({ method: 'GET', url: '/_emulator/docs/' })
  t.equal(page.statusCode, 200)
  t.match(page.headers['content-type'], /text\/html/)
  t.notMatch(page.body, /(src|href)="https?:\/\//, 'every asset is local')
  const script = await app.inject({ method: 'GET', url: '/_emulator/docs/static/swagger-ui-bundle.js' })
  t.equal(script.statusCode, 200)
})

t.test('bad admin input gets the envelope with a 4xx', async t => {
  const { app } = await build(t)
  const cases: [string, string, string | object, RegExp][] = [
    ['POST', '/_emulator/clock', { action: 'rewind' }, /`action`/],
    ['POST', '/_emulator/clock', '{not json', /JSON/],
    ['POST', '/_emulator/clock', '[1,2]', /object/],
    ['PUT', '/_emulator/lifecycle', { policies: { 'disk.create': 5 } }, /`policies.disk.create`/]
  ]
  for (const [method, url, payload, message] of cases) {
    const res = await app.inject({ method: method as 'POST', url, headers: { 'content-type': 'application/json' }, payload: typeof payload === 'string' ? payload : JSON.stringify(payload) })
    t.ok(res.statusCode >= 400 && res.statusCode < 500, `${method} ${url} ${res.statusCode}`)
    t.same(Object.keys(res.json()).sort(), ['code', 'message', 'requestId'])
    t.match(res.json().message, message)
  }
})
