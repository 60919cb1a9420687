import t from 'tap'
import { build, fails, ok } from '../../helper.js'
import { INSTANCE } from '../disks/support.js'
import { instanceOf } from '../network-support.js'

t.test('a STOPPED instance: REBUILDING → RUNNING with the new image and login', async t => {
  const { app, clock } = await build(t)
  await ok(t, app, 'ResetInstance', { instanceId: INSTANCE.db, imageId: 'ubuntu-24.04', keyId: 'key-abc', timezone: 'UTC', enableAgent: false })
  t.match(await instanceOf(t, app, INSTANCE.db), { status: 'REBUILDING', imageId: 'ubuntu-24.04', imageName: 'Ubuntu 24.04 LTS', keyId: 'key-abc', timeZone: 'UTC', enableAgent: false })
  clock.advance(5000)
  t.match(await instanceOf(t, app, INSTANCE.db), { status: 'RUNNING', systemDisk: { diskId: '1400000000000000004', diskSize: 60 } })
})

t.test('a failure injection ends REINSTALL_FAILED, from where it can be reset again', async t => {
  const { app } = await build(t, { lifecycle: { 'instance.reset': { kind: 'immediate' } } })
  app.runtime.lifecycle.failNext('instance.reset', 1)
  await ok(t, app, 'ResetInstance', { instanceId: INSTANCE.db, password: 'Passw0rd!x' }, { version: '2024-04-01' })
  t.equal((await instanceOf(t, app, INSTANCE.db))?.status, 'REINSTALL_FAILED')
  await ok(t, app, 'ResetInstance', { instanceId: INSTANCE.db, password: 'Passw0rd!x' })
  t.equal((await instanceOf(t, app, INSTANCE.db))?.status, 'RUNNING')
})

t.test('refusals', async t => {
  const { app } = await build(t)
  await fails(t, app, 'ResetInstance', { instanceId: INSTANCE.web, password: 'Passw0rd!x' }, 400, 'OPERATION_DENIED_INSTANCE_NOT_STOPPED')
  await fails(t, app, 'ResetInstance', { instanceId: INSTANCE.db, imageId: 'nope', password: 'Passw0rd!x' }, 404, 'INVALID_IMAGE_NOT_FOUND')
  await fails(t, app, 'ResetInstance', { instanceId: INSTANCE.db, password: 'Passw0rd!x', keyId: 'k' }, 400, 'INVALID_PARAMETER_INSTANCE_LOGIN_CONFLICT')
  await fails(t, app, 'ResetInstance', { instanceId: INSTANCE.db }, 400, 'MISSING_PARAMETER')
  await fails(t, app, 'ResetInstance', { instanceId: INSTANCE.db, password: 'weak' }, 400, 'INVALID_PARAMETER_VALUE_PASSWORD_MALFORMED')
  await fails(t, app, 'ResetInstance', { instanceId: '1999999999999999999', password: 'Passw0rd!x' }, 404, 'INVALID_INSTANCE_NOT_FOUND')
  t.equal((await instanceOf(t, app, INSTANCE.db))?.status, 'STOPPED')
})
