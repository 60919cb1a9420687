import t from 'tap'
import { build, fails, ok, UNKNOWN_ID } from '../../helper.js'
import { INSTANCE } from '../disks/support.js'
import { instanceOf } from '../network-support.js'

t.test('STOPPED → BOOTING → RUNNING; a RUNNING instance is left as it is (Terraform starts before a password reset)', async t => {
  const { app, clock } = await build(t)
  const res = await ok(t, app, 'StartInstances', { instanceIds: [INSTANCE.db, INSTANCE.web] }, { version: '2024-04-01' })
  t.same(res.instanceIds, [], 'no instance failed to start')
  t.equal((await instanceOf(t, app, INSTANCE.db))?.status, 'BOOTING')
  t.equal((await instanceOf(t, app, INSTANCE.web))?.status, 'RUNNING')
  clock.advance(3000)
  t.equal((await instanceOf(t, app, INSTANCE.db))?.status, 'RUNNING')
  await ok(t, app, 'StartInstances', { instanceIds: [INSTANCE.db] })
})

t.test('refusals, all or nothing', async t => {
  const { app } = await build(t)
  await fails(t, app, 'StartInstances', { instanceIds: [INSTANCE.db, UNKNOWN_ID] }, 404, 'INVALID_INSTANCE_NOT_FOUND')
  app.runtime.store.instances.update(INSTANCE.web, { status: 'RECYCLE' })
  await fails(t, app, 'StartInstances', { instanceIds: [INSTANCE.db, INSTANCE.web] }, 400, 'OPERATION_DENIED_INSTANCE_RECYCLED')
  app.runtime.store.instances.update(INSTANCE.web, { status: 'DEPLOYING' })
  await fails(t, app, 'StartInstances', { instanceIds: [INSTANCE.web] }, 400, 'OPERATION_DENIED_INSTANCE_CREATING')
  app.runtime.store.instances.update(INSTANCE.web, { status: 'STOPPING' })
  await fails(t, app, 'StartInstances', { instanceIds: [INSTANCE.web] }, 400, 'OPERATION_DENIED_INSTANCE_NOT_STOPPED')
  t.equal((await instanceOf(t, app, INSTANCE.db))?.status, 'STOPPED', 'nothing was started')
  await fails(t, app, 'StartInstances', { instanceIds: [] }, 400, 'INVALID_PARAMETER_LESS_LENGTH')
})
