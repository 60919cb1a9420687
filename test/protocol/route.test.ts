import t from 'tap'
import { build, call, DISK, fails, ok } from '../helper.js'

const REQUEST_ID = /^T[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/

t.test('success envelope: 200, the same T-id outside and inside response', async t => {
  const { app } = await build(t)
  const res = await call(app, 'DescribeZones', {})
  t.equal(res.status, 200)
  t.match(res.body.requestId, REQUEST_ID)
  t.equal((res.body.response as any).requestId, res.body.requestId)
  t.same(Object.keys(res.body).sort(), ['requestId', 'response'])
  t.match(res.headers['content-type'], /application\/json/)
})

t.test('both API versions are served; absent means the newest; unknown is refused', async t => {
  const { app } = await build(t)
  const v2025 = await ok(t, app, 'DescribeDisks', { diskIds: [DISK.spare] }, { version: '2025-09-01' })
  t.equal(v2025.dataSet[0].regionId, 'asia-east-1', '2025 DiskInfo has regionId')
  t.notOk('chargeType' in v2025.dataSet[0])
  const v2024 = await ok(t, app, 'DescribeDisks', { diskIds: [DISK.spare] }, { version: '2024-04-01' })
  t.equal(v2024.dataSet[0].chargeType, 'POSTPAID', '2024 DiskInfo has chargeType')
  t.notOk('regionId' in v2024.dataSet[0])
  const res = await app.inject({ method: 'POST', url: '/api/v2/zec', headers: { 'content-type': 'application/json', 'x-zc-action': 'DescribeDisks' }, payload: '{}' })
  t.equal(res.statusCode, 200)
  t.ok('regionId' in res.json().response.dataSet[0], 'no version header → 2025-09-01')
  const bad = await fails(t, app, 'DescribeZones', {}, 400, 'INVALID_API_VERSION', { version: '2022-11-20' })
  t.match(bad.message, /x-zc-version `2022-11-20`/)
})

t.test('header names are case-insensitive', async t => {
  const { app } = await build(t)
  const res = await app.inject({ method: 'POST', url: '/api/v2/zec', headers: { 'Content-Type': 'application/json; charset=utf-8', 'X-ZC-Action': 'DescribeZones', 'X-ZC-Version': '2024-04-01' }, payload: '{}' })
  t.equal(res.statusCode, 200)
})

t.test('missing and unknown actions', async t => {
  const { app } = await build(t)
  const res = await app.inject({ method: 'POST', url: '/api/v2/zec', headers: { 'content-type': 'application/json' }, payload: '{}' })
  t.equal(res.statusCode, 400)
  t.match(res.json(), { code: 'MISSING_PARAMETER', message: /x-zc-action/ })
  const unknown = await fails(t, app, 'DeleteDisks', {}, 403, 'AUTHFAILURE_UNAUTHORIZED_OPERATION')
  t.match(unknown.message, /DeleteDisks/)
})

t.test('malformed bodies are answered with the error envelope', async t => {
  const { app } = await build(t)
  const cases: [string, RegExp][] = [
    ['{"diskId":', /not valid JSON/],
    ['[1,2]', /must be a JSON object/],
    ['"text"', /must be a JSON object/],
    ['null', /must be a JSON object/],
    ['42', /must be a JSON object/]
  ]
  for (const [payload, message] of cases) {
    const body = await fails(t, app, 'DescribeDisks', payload, 400, 'INVALID_REQUEST_BODY')
    t.match(body.message, message, payload)
  }
  t.equal((await call(app, 'DescribeZones', '')).status, 200, 'an empty body counts as {}')
  for (const depth of [40, 200_000]) {
    const deep = await fails(t, app, 'DescribeDisks', '{"tags":' + '['.repeat(depth) + ']'.repeat(depth) + '}', 400, 'INVALID_REQUEST_BODY')
    t.match(deep.message, /nests deeper than 32 levels/, `nested ${depth} deep`)
  }
})

t.test('unsupported content types, wrong methods, wrong paths, oversized bodies', async t => {
  const { app } = await build(t)
  const xml = await app.inject({ method: 'POST', url: '/api/v2/zec', headers: { 'content-type': 'application/xml', 'x-zc-action': 'DescribeZones' }, payload: '<a/>' })
  t.equal(xml.statusCode, 415)
  t.match(xml.json(), { code: 'UNSUPPORTED_CONTENT_TYPE', message: /application\/xml/ })

  const form = await app.inject({ method: 'POST', url: '/api/v2/zec', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-zc-action': 'DescribeZones' }, payload: 'a=1' })
  t.equal(form.statusCode, 415)

  const get = await app.inject({ method: 'GET', url: '/api/v2/zec' })
  t.equal(get.statusCode, 405)
  t.match(get.json(), { code: 'UNSUPPORTED_HTTP_METHOD', requestId: REQUEST_ID })

  const path = await app.inject({ method: 'POST', url: '/api/v2/bmc', headers: { 'content-type': 'application/json' }, payload: '{}' })
  t.equal(path.statusCode, 404)
  t.match(path.json(), { code: 'INVALID_REQUEST_PATH', message: /\/api\/v2\/bmc/ })

  const big = await call(app, 'DescribeDisks', JSON.stringify({ diskName: 'x'.repeat(2 * 1024 * 1024) }))
  t.equal(big.status, 413)
  t.match(big.body, { code: 'REQUEST_ENTITY_TOO_LARGE' })
})

t.test('null is absent and unknown fields are ignored', async t => {
  const { app } = await build(t)
  const all = await ok(t, app, 'DescribeDisks', { zoneId: null, pageSize: null, somethingNew: [1, 2] })
  t.equal(all.totalCount, 13)
  t.equal(all.dataSet.length, 13)
})

t.test('a failed request writes nothing', async t => {
  const { app } = await build(t, { snapshotQuotaPerDisk: 0 })
  await fails(t, app, 'CreateSnapshot', { diskId: DISK.spare, snapshotName: 'nope' }, 400, 'INVALID_SNAPSHOT_QUOTA_EXCEED')
  t.equal((await ok(t, app, 'DescribeSnapshots', { diskIds: [DISK.spare] })).totalCount, 1, 'only the fixture snapshot')
})

t.test('health answers once the app is built', async t => {
  const { app } = await build(t)
  const res = await app.inject({ method: 'GET', url: '/_emulator/health' })
  t.equal(res.statusCode, 200)
  t.match(res.json(), { status: 'ok', version: /^\d+\.\d+\.\d+/, uptimeSeconds: Number })
})
