import t from 'tap'
import { outcomeOf } from '../../src/domain/outcomes.js'

t.test('each transition ends where ZEC ends it', async t => {
  const attached = { instanceId: '1300000000000000001', returnStatus: 'IN_USE' }
  const free = { instanceId: null, returnStatus: 'AVAILABLE' }
  t.same(outcomeOf('disk.create', free, false), { gone: false, status: 'AVAILABLE' })
  t.same(outcomeOf('disk.create', attached, false), { gone: false, status: 'IN_USE' })
  t.same(outcomeOf('disk.attach', attached, false), { gone: false, status: 'IN_USE' })
  t.same(outcomeOf('disk.detach', attached, false), { gone: false, status: 'AVAILABLE', detach: true })
  t.same(outcomeOf('disk.change', attached, false), { gone: false, status: 'IN_USE' })
  t.same(outcomeOf('disk.rollback', free, false), { gone: false, status: 'AVAILABLE' })
  t.same(outcomeOf('disk.recycle', attached, false), { gone: false, status: 'RECYCLED', detach: true })
  t.same(outcomeOf('disk.delete', free, false), { gone: true })
  t.same(outcomeOf('snapshot.create', free, false), { gone: false, status: 'AVAILABLE' })
  t.same(outcomeOf('snapshot.delete', free, false), { gone: true })
})

t.test('a failed transition ends in FAILED; a failed create or attach is attached to nothing', async t => {
  const attached = { instanceId: '1300000000000000001', returnStatus: 'AVAILABLE' }
  t.same(outcomeOf('disk.create', attached, true), { gone: false, status: 'FAILED', detach: true })
  t.same(outcomeOf('disk.attach', attached, true), { gone: false, status: 'FAILED', detach: true })
  t.same(outcomeOf('disk.change', attached, true), { gone: false, status: 'FAILED', detach: false })
  t.same(outcomeOf('snapshot.create', attached, true), { gone: false, status: 'FAILED', detach: false })
})
