import t from 'tap'
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildApp } from '../../src/app.js'
import { makeConfig } from '../../src/config.js'
import { PROJECT_ROOT } from '../../src/paths.js'
import { build, ok } from '../helper.js'
import { asKey } from '../state-helper.js'

const demo = JSON.parse(readFileSync(join(PROJECT_ROOT, 'fixtures', 'demo.json'), 'utf8'))
const zones = demo.zones.slice(0, 1)
const team = (name: string, diskId: string) => JSON.stringify({
  zones,
  credentials: [{ accessKeyId: `${name}-KEY`, accessKeyPassword: 'pw', account: name }],
  disks: [{ diskId, diskName: `${name}-disk`, zoneId: zones[0].zoneId, diskType: 'DATA', diskCategory: 'Standard NVMe SSD', diskSize: 50, diskStatus: 'AVAILABLE' }]
})

t.test('the init folder loads fixtures and state files in name order, before ready', async t => {
  const source = await build(t)
  await ok(t, source.app, 'CreateDisks', { zoneId: 'asia-east-1a', diskName: 'from-state-file', diskSize: 20 })
  const state = (await source.app.inject({ method: 'GET', url: '/_emulator/state/export' })).rawPayload
  const dir = t.testdir({
    '10-team-a.json': team('team-a', '1800000000000000001'),
    '20-base.sqlite': '',
    '30-team-b.json': team('team-b', '1800000000000000002'),
    '.hidden.json': '{broken',
    'README.txt': 'passed over'
  })
  writeFileSync(join(dir, '20-base.sqlite'), state)
  const app = await buildApp(makeConfig({ initDir: dir }))
  t.teardown(() => app.close())
  t.same((await app.inject({ method: 'GET', url: '/_emulator/ready' })).json(), { status: 'ready' })
  t.equal((await ok(t, app, 'DescribeDisks', { diskName: '^from-state-file$' })).totalCount, 1, 'the state file replaced what came before it')
  const accounts = (await app.inject({ method: 'GET', url: '/_emulator/accounts' })).json().accounts.map((a: { account: string }) => a.account)
  t.same(accounts, ['demo', 'team-b'], 'so team-a (loaded before it) is gone')
  t.match(await ok(t, app, 'DescribeDisks', {}, asKey('team-b-KEY')), { totalCount: 1, dataSet: [{ diskName: 'team-b-disk', diskSize: 50 }] }, 'team-b came after it')
})

t.test('a broken init file stops the start, naming the file', async t => {
  const dir = t.testdir({ '01-broken.json': '{"zones": "nope"}' })
  await t.rejects(buildApp(makeConfig({ initDir: dir })), { message: /01-broken\.json/ })
  const garbage = t.testdir({ 'state.sqlite': 'not a database' })
  await t.rejects(buildApp(makeConfig({ initDir: garbage })), { message: /state\.sqlite.*not a SQLite database/ })
  await t.rejects(buildApp(makeConfig({ initDir: join(dir, 'missing') })), { message: /init folder/ })
})

t.test('the server exits 2 with the file named when an init file is broken', async t => {
  const dir = t.testdir({ 'bad.json': '[' })
  const run = spawnSync(process.execPath, [join(PROJECT_ROOT, 'dist', 'src', 'server.js'), '--port', '0', '--init-dir', dir], { encoding: 'utf8', timeout: 20_000 })
  t.equal(run.status, 2)
  t.match(run.stderr, /bad\.json/)
})

t.test('a restart with --db keeps its state instead of loading the init folder again', async t => {
  const dir = t.testdir({ init: { 'a.json': team('team-a', '1800000000000000001') } })
  const config = makeConfig({ db: join(dir, 'zec.db'), initDir: join(dir, 'init') })
  const first = await buildApp(config)
  await first.close()
  const second = await buildApp(config)
  t.teardown(() => second.close())
  t.equal((await ok(t, second, 'DescribeDisks', {}, asKey('team-a-KEY'))).totalCount, 1, 'loaded once, not twice')
})
