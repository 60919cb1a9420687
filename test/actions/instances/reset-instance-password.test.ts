import t from 'tap'
import { build, fails, ok, UNKNOWN_ID } from '../../helper.js'
import { INSTANCE } from '../disks/support.js'

t.test('a RUNNING instance takes a new password (2024-04-01, as Terraform calls it)', async t => {
  const { app } = await build(t)
  await ok(t, app, 'ResetInstancePassword', { instanceId: INSTANCE.web, password: 'N3w-Passw0rd' }, { version: '2024-04-01' })
  await ok(t, app, 'ResetInstancePassword', { instanceId: INSTANCE.web, password: 'N3w-Passw0rd' })
  await fails(t, app, 'ResetInstancePassword', { instanceId: INSTANCE.db, password: 'N3w-Passw0rd' }, 400, 'OPERATION_DENIED_INSTANCE_NOT_RUNNING')
  await fails(t, app, 'ResetInstancePassword', { instanceId: INSTANCE.web, password: 'weak' }, 400, 'INVALID_PARAMETER_VALUE_PASSWORD_MALFORMED')
  await fails(t, app, 'ResetInstancePassword', { instanceId: UNKNOWN_ID, password: 'N3w-Passw0rd' }, 404, 'INVALID_INSTANCE_NOT_FOUND')
  await fails(t, app, 'ResetInstancePassword', { instanceId: INSTANCE.web }, 400, 'MISSING_PARAMETER')
})
