import t from 'tap'
import { build, DISK, fails, ok, UNKNOWN_ID } from '../../helper.js'
import { diskOf } from './support.js'

t.test('renames disks in any live status, in both versions', async t => {
  const { app } = await build(t)
  await ok(t, app, 'ModifyDisksAttributes', { diskIds: [DISK.spare, DISK.creating], diskName: 'renamed' })
  await ok(t, app, 'ModifyDisksAttributes', { diskIds: [DISK.webData], diskName: 'web_data.v2' }, { version: '2024-04-01' })
  t.equal((await diskOf(t, app, DISK.spare))?.diskName, 'renamed')
  t.equal((await diskOf(t, app, DISK.creating))?.diskName, 'renamed')
  t.equal((await diskOf(t, app, DISK.webData))?.diskName, 'web_data.v2')
})

t.test('refusals leave every name as it was', async t => {
  const { app } = await build(t)
  await fails(t, app, 'ModifyDisksAttributes', { diskIds: [DISK.spare, UNKNOWN_ID], diskName: 'x' }, 404, 'INVALID_DISK_NOT_FOUND')
  const bin = await fails(t, app, 'ModifyDisksAttributes', { diskIds: [DISK.spare, DISK.recycled], diskName: 'x' }, 400, 'OPERATION_FAILED_FOR_RECYCLE_RESOURCE')
  t.match(bin.message, /recycle bin/)
  await fails(t, app, 'ModifyDisksAttributes', { diskIds: [DISK.spare], diskName: '.dot-first' }, 400, 'INVALID_PARAMETER_PATTERN_ERROR')
  await fails(t, app, 'ModifyDisksAttributes', { diskIds: [DISK.spare] }, 400, 'MISSING_PARAMETER')
  await fails(t, app, 'ModifyDisksAttributes', { diskIds: Array.from({ length: 101 }, () => DISK.spare), diskName: 'x' }, 400, 'INVALID_PARAMETER_EXCEED_LENGTH')
  t.equal((await diskOf(t, app, DISK.spare))?.diskName, 'spare-data')
})
