import t from 'tap'
import { build, fails, ok, UNKNOWN_ID } from '../../helper.js'
import { INSTANCE } from '../disks/support.js'
import { instanceOf } from '../network-support.js'

t.test('StartIpForward sets enableIpForward, in both versions', async t => {
  const { app } = await build(t)
  app.runtime.store.instances.update(INSTANCE.web, { enableIpForward: false })
  await ok(t, app, 'StartIpForward', { instanceId: INSTANCE.web }, { version: '2024-04-01' })
  t.equal((await instanceOf(t, app, INSTANCE.web))?.enableIpForward, true)
  await ok(t, app, 'StartIpForward', { instanceId: INSTANCE.db })
  await fails(t, app, 'StartIpForward', { instanceId: UNKNOWN_ID }, 404, 'INVALID_INSTANCE_NOT_FOUND')
  app.runtime.store.instances.update(INSTANCE.sg, { status: 'BOOTING' })
  await fails(t, app, 'StartIpForward', { instanceId: INSTANCE.sg }, 400, 'OPERATION_DENIED_INSTANCE_STATUS')
  app.runtime.store.instances.update(INSTANCE.sg, { status: 'RECYCLE' })
  await fails(t, app, 'StartIpForward', { instanceId: INSTANCE.sg }, 400, 'OPERATION_DENIED_INSTANCE_RECYCLED')
})
