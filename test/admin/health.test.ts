import t from 'tap'
import { buildApp } from '../../src/app.js'
import { makeConfig } from '../../src/config.js'
import { call } from '../helper.js'

t.test('ready answers 503 in the envelope until the state is loaded, then 200; health answers throughout', async t => {
  const app = await buildApp(makeConfig(), { deferLoad: true })
  t.teardown(() => app.close())
  const before = await app.inject({ method: 'GET', url: '/_emulator/ready' })
  t.equal(before.statusCode, 503)
  t.match(before.json(), { code: 'SERVICE_TEMPORARY_UNAVAILABLE', requestId: /^T/, message: /loading/ })
  t.equal((await app.inject({ method: 'GET', url: '/_emulator/health' })).statusCode, 200, 'alive while loading')
  const early = await call(app, 'DescribeZones')
  t.equal(early.status, 503, 'ZEC calls wait for ready too')
  await app.emulator.load()
  t.same((await app.inject({ method: 'GET', url: '/_emulator/ready' })).json(), { status: 'ready' })
  t.equal((await call(app, 'DescribeZones')).status, 200)
  t.match((await app.inject({ method: 'GET', url: '/_emulator/health' })).json(), { status: 'ok', version: /^\d+\.\d+\.\d+/, uptimeSeconds: Number })
})
