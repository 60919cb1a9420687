import t from 'tap'
import { decide, fires, isLive, latencyOf, matches, roll, stringValues, type FaultCall, type FaultRule } from '../../src/domain/faults.js'

const rule = (overrides: Partial<FaultRule> = {}): FaultRule => ({
  id: 'fault-1',
  createdAt: 0,
  action: null,
  account: null,
  accessKeyId: null,
  resourceId: null,
  probability: 1,
  timesLeft: null,
  expiresAt: null,
  effect: { throttle: true },
  matched: 0,
  hits: 0,
  ...overrides
})

const call = (overrides: { action?: string, account?: string, accessKeyId?: string | null, ids?: string[] } = {}): FaultCall => ({
  action: overrides.action ?? 'DescribeDisks',
  caller: () => ({ account: overrides.account ?? 'demo', accessKeyId: overrides.accessKeyId ?? null }),
  resourceIds: () => new Set(overrides.ids ?? [])
})

t.test('matches: every given field must equal; absent fields match anything', async t => {
  t.ok(matches(rule(), call()), 'a rule with no match fields matches every call')
  t.ok(matches(rule({ action: 'DescribeDisks' }), call()))
  t.notOk(matches(rule({ action: 'CreateSnapshot' }), call()))
  t.ok(matches(rule({ account: 'key:A' }), call({ account: 'key:A' })))
  t.notOk(matches(rule({ account: 'key:A' }), call({ account: 'demo' })))
  t.ok(matches(rule({ accessKeyId: 'A' }), call({ accessKeyId: 'A' })))
  t.notOk(matches(rule({ accessKeyId: 'A' }), call({ accessKeyId: null })), 'a token call has no access key id')
  t.ok(matches(rule({ resourceId: '14' }), call({ ids: ['13', '14'] })))
  t.notOk(matches(rule({ resourceId: '14' }), call({ ids: ['13'] })))
  t.notOk(matches(rule({ action: 'DescribeDisks', account: 'other' }), call()), 'all fields must match, not any')
})

t.test('matches asks for the caller and the body ids only when a rule needs them', async t => {
  let asked = 0
  const lazy: FaultCall = { action: 'X', caller: () => { asked++; return { account: 'demo', accessKeyId: null } }, resourceIds: () => { asked++; return new Set() } }
  matches(rule({ action: 'X' }), lazy)
  t.equal(asked, 0)
})

t.test('isLive: expiry on the given (virtual) instant, and times left', async t => {
  t.ok(isLive(rule({ expiresAt: 1000 }), 999))
  t.notOk(isLive(rule({ expiresAt: 1000 }), 1000), 'expired at the instant itself')
  t.ok(isLive(rule({ timesLeft: 1 }), 0))
  t.notOk(isLive(rule({ timesLeft: 0 }), 0))
  t.ok(isLive(rule(), Number.MAX_SAFE_INTEGER))
})

t.test('the dice: deterministic in [0, 1), different per seed, rule and match', async t => {
  t.equal(roll(7, 'fault-1', 3), roll(7, 'fault-1', 3))
  const rolls = new Set<number>()
  for (let n = 0; n < 200; n++) {
    const r = roll(1, 'fault-1', n)
    t.ok(r >= 0 && r < 1)
    rolls.add(r)
  }
  t.equal(rolls.size, 200, 'no two matches roll the same')
  t.not(roll(1, 'fault-1', 0), roll(2, 'fault-1', 0))
  t.not(roll(1, 'fault-1', 0), roll(1, 'fault-2', 0))
  const hits = [...Array(1000).keys()].filter(n => fires(rule({ probability: 0.5, matched: n }), 1)).length
  t.ok(hits > 400 && hits < 600, `a 0.5 rule fires about half the time (${hits}/1000)`)
})

t.test('probability 1 always fires, 0 never', async t => {
  for (let n = 0; n < 100; n++) {
    t.ok(fires(rule({ probability: 1, matched: n }), n))
    t.notOk(fires(rule({ probability: 0, matched: n }), n))
  }
})

t.test('latencyOf: a number as is; a range seeded, whole, within bounds', async t => {
  t.equal(latencyOf(250, 1, 'fault-1', 0), 250)
  const seen = new Set<number>()
  for (let n = 0; n < 200; n++) {
    const ms = latencyOf({ min: 10, max: 20 }, 1, 'fault-1', n)
    t.ok(Number.isInteger(ms) && ms >= 10 && ms <= 20, String(ms))
    seen.add(ms)
  }
  t.equal(seen.size, 11, 'both ends and everything between are reached')
  t.equal(latencyOf({ min: 10, max: 20 }, 1, 'fault-1', 5), latencyOf({ min: 10, max: 20 }, 1, 'fault-1', 5))
  t.equal(latencyOf({ min: 5, max: 5 }, 1, 'fault-1', 0), 5)
})

t.test('stringValues: every string anywhere, not the keys', async t => {
  const values = stringValues({ diskIds: ['a', 'b'], tags: { tags: [{ key: 'k', value: 'v' }] }, n: 3, deep: [[['c']]] })
  t.same([...values].sort(), ['a', 'b', 'c', 'k', 'v'])
  t.notOk(values.has('diskIds'))
})

t.test('decide: creation order, the first that fires decides, dead rules are not consulted', async t => {
  const never = rule({ id: 'fault-1', probability: 0 })
  const expired = rule({ id: 'fault-2', expiresAt: 10 })
  const other = rule({ id: 'fault-3', action: 'CreateSnapshot' })
  const first = rule({ id: 'fault-4' })
  const second = rule({ id: 'fault-5' })
  const { consulted, fired } = decide([never, expired, other, first, second], call(), 100, 0)
  t.equal(fired?.id, 'fault-4')
  t.same(consulted.map(r => r.id), ['fault-1', 'fault-4'], 'the probability-0 rule counts a match; later rules are not consulted')
  t.same(decide([never], call(), 0, 0), { consulted: [never], fired: null })
  t.same(decide([], call(), 0, 0), { consulted: [], fired: null })
})
