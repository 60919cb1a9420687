import t from 'tap'
import { formatPolicy, Lifecycle, parsePolicy, parsePolicyList, scheduleFor } from '../../src/domain/lifecycle.js'

t.test('policies parse and print', async t => {
  t.same(parsePolicy('immediate'), { kind: 'immediate' })
  t.same(parsePolicy('manual'), { kind: 'manual' })
  t.same(parsePolicy('after:10s'), { kind: 'after', ms: 10_000 })
  t.same(parsePolicy('PT1M'), { kind: 'after', ms: 60_000 })
  t.same(parsePolicy('0'), { kind: 'immediate' }, '0 means at once')
  t.same(parsePolicy('describes:3'), { kind: 'describes', count: 3 })
  for (const bad of ['describes:0', 'describes:x', 'after:', 'later']) t.equal(parsePolicy(bad), null, bad)
  t.equal(formatPolicy({ kind: 'after', ms: 1500 }), 'after:1500ms')
  t.match(parsePolicyList('disk.create=manual, snapshot.delete=1s'), { 'disk.create': { kind: 'manual' }, 'snapshot.delete': { kind: 'after', ms: 1000 } })
  t.type(parsePolicyList('disk.create'), 'string')
})

t.test('schedules and failure injection', async t => {
  t.same(scheduleFor({ kind: 'after', ms: 10 }, 100), { dueAt: 110, dueDescribes: null, immediate: false })
  t.same(scheduleFor({ kind: 'describes', count: 2 }, 100), { dueAt: null, dueDescribes: 2, immediate: false })
  t.same(scheduleFor({ kind: 'manual' }, 100), { dueAt: null, dueDescribes: null, immediate: false })
  const lifecycle = new Lifecycle()
  lifecycle.failNext('disk.create', 2)
  t.same([lifecycle.takeFailure('disk.create'), lifecycle.takeFailure('disk.create'), lifecycle.takeFailure('disk.create')], [true, true, false])
  t.equal(lifecycle.snapshot()['snapshot.create'], 'after:3000ms')
})
