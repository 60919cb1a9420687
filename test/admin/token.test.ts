import t from 'tap'
import { build, call } from '../helper.js'

const TOKEN = 'admin-secret-123'

t.test('with an admin token, every admin route but the public ones needs it', async t => {
  const { app } = await build(t, { adminToken: TOKEN })
  const spec = (await app.inject({ method: 'GET', url: '/_emulator/openapi.json' })).json()
  const routes = Object.entries(spec.paths as Record<string, Record<string, unknown>>)
    .flatMap(([path, methods]) => Object.keys(methods).map(method => [method.toUpperCase(), path.replace(/\{name\}/, 'x').replace(/\{id\}/, 'x')] as const))
  t.ok(routes.length >= 14, `${routes.length} admin routes are described`)
  let guarded = 0
  for (const [method, url] of routes) {
    const publicRoute = /^\/_emulator\/(health|ready)$/.test(url)
    const without = await app.inject({ method: method as 'GET', url })
    const wrong = await app.inject({ method: method as 'GET', url, headers: { authorization: 'Bearer nope' } })
    if (publicRoute) {
      t.not(without.statusCode, 401, `${method} ${url} is public`)
      continue
    }
    guarded++
    for (const res of [without, wrong]) {
      t.equal(res.statusCode, 401, `${method} ${url} → 401`)
      t.match(res.json(), { code: 'AUTHFAILURE_INVALID_AUTHORIZATION', requestId: /^T/, message: /admin token/ })
    }
  }
  t.ok(guarded >= 12)
  const clock = await app.inject({ method: 'GET', url: '/_emulator/clock', headers: { authorization: `Bearer ${TOKEN}` } })
  t.equal(clock.statusCode, 200, 'the right token passes')
  const reset = await app.inject({ method: 'POST', url: '/_emulator/reset', payload: {} })
  t.equal(reset.statusCode, 401, 'nobody resets without it')
  t.equal((await call(app, 'DescribeZones')).status, 200, 'the ZEC route never needs the admin token')
})

t.test('without a token the admin API is open', async t => {
  const { app } = await build(t)
  t.equal((await app.inject({ method: 'GET', url: '/_emulator/clock' })).statusCode, 200)
})
