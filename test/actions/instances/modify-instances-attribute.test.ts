import t from 'tap'
import { build, fails, ok, UNKNOWN_ID } from '../../helper.js'
import { INSTANCE } from '../disks/support.js'
import { instanceOf } from '../network-support.js'

t.test('renames instances; disks show the new name', async t => {
  const { app } = await build(t)
  await ok(t, app, 'ModifyInstancesAttribute', { instanceIds: [INSTANCE.web], instanceName: 'web-renamed' })
  t.equal((await instanceOf(t, app, INSTANCE.web))?.instanceName, 'web-renamed')
  t.equal((await ok(t, app, 'DescribeDisks', { diskIds: ['1400000000000000001'] })).dataSet[0].instanceName, 'web-renamed')
  await ok(t, app, 'ModifyInstancesAttribute', { instanceIds: [INSTANCE.db], instanceName: 'db-renamed' }, { version: '2024-04-01' })
})

t.test('refusals', async t => {
  const { app } = await build(t)
  await fails(t, app, 'ModifyInstancesAttribute', { instanceIds: [INSTANCE.web, UNKNOWN_ID], instanceName: 'xx' }, 404, 'INVALID_INSTANCE_NOT_FOUND')
  await fails(t, app, 'ModifyInstancesAttribute', { instanceIds: [INSTANCE.web], instanceName: 'x' }, 400, 'INVALID_PARAMETER_LESS_LENGTH')
  await fails(t, app, 'ModifyInstancesAttribute', { instanceIds: [INSTANCE.web] }, 400, 'MISSING_PARAMETER')
  app.runtime.store.instances.update(INSTANCE.db, { status: 'RECYCLE' })
  await fails(t, app, 'ModifyInstancesAttribute', { instanceIds: [INSTANCE.web, INSTANCE.db], instanceName: 'xx' }, 400, 'OPERATION_DENIED_INSTANCE_RECYCLED')
  t.equal((await instanceOf(t, app, INSTANCE.web))?.instanceName, 'web-01')
})
