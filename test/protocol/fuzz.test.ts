/**
 * Bad input is answered, not suffered: random bodies for every registered action, in both API
 * versions, must get either a success or a 4xx ZEC error envelope — never a 500, never a crash.
 * Deterministic (seeded) and bounded.
 */
import t from 'tap'
import { ACTIONS } from '../../src/actions/index.js'
import { build, call, DISK, SNAPSHOT } from '../helper.js'

function prng (seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    return seed / 0x7fffffff
  }
}

const FIELDS = ['diskId', 'diskIds', 'snapshotId', 'snapshotIds', 'snapshotName', 'diskName', 'retentionTime', 'pageNum', 'pageSize', 'zoneId', 'zoneIds', 'instanceId', 'instanceIds', 'diskSize', 'diskAmount', 'diskStatus', 'status', 'tags', 'hours', 'repeatWeekDays', 'retentionDays', 'autoSnapshotPolicyId', 'autoSnapshotPolicyIds', 'autoSnapshotPolicyName', 'isPermanent', 'metricType', 'startTime', 'endTime', 'step', 'resourceGroupId', 'diskCategory', 'instanceCheckFlag', 'snapshotAbility']

function randomValue (random: () => number, depth = 0): unknown {
  const pick = Math.floor(random() * 14)
  switch (pick) {
    case 0: return null
    case 1: return random() < 0.5
    case 2: return Math.floor(random() * 2_000_000) - 1_000_000
    case 3: return random() * 1e6
    case 4: return ''
    case 5: return 'x'.repeat(Math.floor(random() * 300))
    case 6: return [DISK.spare, DISK.webData, SNAPSHOT.webDataAuto][Math.floor(random() * 3)]
    case 7: return '2027-01-01T00:00:00Z'
    case 8: return depth > 2 ? 1 : Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth + 1))
    case 9: return depth > 2 ? {} : { tags: [{ key: 'k', value: randomValue(random, depth + 1) }] }
    case 10: return '^(a+)+$'
    case 11: return Number.MAX_SAFE_INTEGER
    case 12: return '\u0000\ud800💥'
    default: return 'asia-east-1a'
  }
}

t.test('random bodies never produce a 500', async t => {
  const { app } = await build(t)
  const random = prng(20261127)
  let requests = 0
  for (const action of ACTIONS) {
    for (let i = 0; i < 40; i++) {
      const body: Record<string, unknown> = {}
      const count = Math.floor(random() * 5)
      for (let f = 0; f < count; f++) body[FIELDS[Math.floor(random() * FIELDS.length)]] = randomValue(random)
      const version = random() < 0.5 ? '2025-09-01' : '2024-04-01'
      const res = await call(app, action.name, body, { version })
      requests++
      if (res.status === 200) continue
      if (res.status >= 500 || typeof res.body.code !== 'string' || typeof res.body.message !== 'string' || typeof res.body.requestId !== 'string') {
        t.fail(`${action.name} ${version} ${JSON.stringify(body)} → ${res.status} ${JSON.stringify(res.body)}`)
      }
    }
  }
  t.pass(`${requests} random requests answered`)
  const health = await app.inject({ method: 'GET', url: '/_emulator/health' })
  t.equal(health.statusCode, 200, 'still healthy')
})

t.test('random raw payloads never produce a 500', async t => {
  const { app } = await build(t)
  const random = prng(7)
  const samples = ['{', '}', '[]', '{"a":', '\u0000', '{"diskId":"1"}{"x":1}', '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{}}}', 'true', '1e999999', '"\\ud800"']
  for (let i = 0; i < 60; i++) {
    const payload = samples[Math.floor(random() * samples.length)] + (random() < 0.3 ? samples[Math.floor(random() * samples.length)] : '')
    const res = await call(app, 'DescribeDisks', payload)
    t.ok(res.status === 200 || (res.status >= 400 && res.status < 500), `${JSON.stringify(payload)} → ${res.status}`)
  }
  t.equal(({} as Record<string, unknown>).polluted, undefined, 'no prototype pollution')
})

t.test('random admin bodies never produce a 500', async t => {
  const { app } = await build(t)
  const random = prng(99)
  const routes: [string, string][] = [['POST', '/_emulator/clock'], ['PUT', '/_emulator/lifecycle'], ['POST', '/_emulator/lifecycle/complete'], ['POST', '/_emulator/reset']]
  const keys = ['action', 'to', 'by', 'policies', 'failNext', 'resource', 'id', 'account', 'accessKeyId']
  const values = ['advance', 'set', 'freeze', 'PT1H', 'P99999D', '2026-01-01T00:00:00Z', 'x', 'disk', 'snapshot', DISK.creating, SNAPSHOT.spareCreating, { 'disk.create': 'after:1s' }, { 'disk.create': -1 }, { nope: 'manual' }, 5, null, [], true]
  for (let i = 0; i < 120; i++) {
    const [method, url] = routes[Math.floor(random() * routes.length)]
    const body: Record<string, unknown> = {}
    for (let k = 0; k < 1 + Math.floor(random() * 3); k++) body[keys[Math.floor(random() * keys.length)]] = values[Math.floor(random() * values.length)]
    const res = await app.inject({ method: method as 'POST', url, payload: body })
    t.ok(res.statusCode < 500, `${method} ${url} ${JSON.stringify(body)} → ${res.statusCode}`)
  }
})
