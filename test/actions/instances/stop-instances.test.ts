import t from 'tap'
import { build, fails, ok, UNKNOWN_ID } from '../../helper.js'
import { INSTANCE } from '../disks/support.js'
import { instanceOf } from '../network-support.js'

t.test('RUNNING → STOPPING → STOPPED; a STOPPED instance is left as it is', async t => {
  const { app, clock } = await build(t)
  const res = await ok(t, app, 'StopInstances', { instanceIds: [INSTANCE.web, INSTANCE.db], forceShutdown: true }, { version: '2024-04-01' })
  t.same(res.instanceIds, [])
  t.equal((await instanceOf(t, app, INSTANCE.web))?.status, 'STOPPING')
  clock.advance(3000)
  t.equal((await instanceOf(t, app, INSTANCE.web))?.status, 'STOPPED')
})

t.test('describes:2 policy, and refusals', async t => {
  const { app } = await build(t, { lifecycle: { 'instance.stop': { kind: 'describes', count: 2 } } })
  await ok(t, app, 'StopInstances', { instanceIds: [INSTANCE.sg] })
  t.equal((await instanceOf(t, app, INSTANCE.sg))?.status, 'STOPPING')
  t.equal((await instanceOf(t, app, INSTANCE.sg))?.status, 'STOPPING')
  t.equal((await instanceOf(t, app, INSTANCE.sg))?.status, 'STOPPED')
  await fails(t, app, 'StopInstances', { instanceIds: [UNKNOWN_ID] }, 404, 'INVALID_INSTANCE_NOT_FOUND')
  app.runtime.store.instances.update(INSTANCE.web, { status: 'BOOTING' })
  await fails(t, app, 'StopInstances', { instanceIds: [INSTANCE.web] }, 400, 'OPERATION_DENIED_INSTANCE_NOT_RUNNING')
  app.runtime.store.instances.update(INSTANCE.web, { status: 'RECYCLING' })
  await fails(t, app, 'StopInstances', { instanceIds: [INSTANCE.web] }, 400, 'OPERATION_DENIED_INSTANCE_RECYCLED')
})
