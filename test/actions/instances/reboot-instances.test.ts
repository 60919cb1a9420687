import t from 'tap'
import { build, fails, ok } from '../../helper.js'
import { INSTANCE } from '../disks/support.js'
import { instanceOf } from '../network-support.js'

t.test('RUNNING → REBOOT → RUNNING; a STOPPED instance cannot reboot', async t => {
  const { app, clock } = await build(t)
  await ok(t, app, 'RebootInstances', { instanceIds: [INSTANCE.web] })
  t.equal((await instanceOf(t, app, INSTANCE.web))?.status, 'REBOOT')
  clock.advance(3000)
  t.equal((await instanceOf(t, app, INSTANCE.web))?.status, 'RUNNING')
  await fails(t, app, 'RebootInstances', { instanceIds: [INSTANCE.db] }, 400, 'OPERATION_DENIED_INSTANCE_NOT_RUNNING', { version: '2024-04-01' })
})
