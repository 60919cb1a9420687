import t from 'tap'
import { build, DISK, fails, ok, UNKNOWN_ID } from '../../helper.js'
import { diskOf } from './support.js'

const STAGING = '2d9e7f10-6a3b-4e8c-b5d4-7c1f0e9a8b32'

t.test('moves disks into an existing group', async t => {
  const { app } = await build(t)
  await ok(t, app, 'ModifyDisksResourceGroup', { diskIds: [DISK.spare, DISK.webData], resourceGroupId: STAGING })
  t.match(await diskOf(t, app, DISK.spare), { resourceGroupId: STAGING, resourceGroupName: 'staging' })
  t.match(await diskOf(t, app, DISK.webData, '2024-04-01'), { resourceGroupId: STAGING, resourceGroupName: 'staging' })
})

t.test('unknown group or disk: nothing moves', async t => {
  const { app } = await build(t)
  await fails(t, app, 'ModifyDisksResourceGroup', { diskIds: [DISK.spare], resourceGroupId: 'nope' }, 404, 'OPERATION_FAILED_RESOURCE_GROUP_NOT_FOUND')
  await fails(t, app, 'ModifyDisksResourceGroup', { diskIds: [DISK.spare, UNKNOWN_ID], resourceGroupId: STAGING }, 404, 'INVALID_DISK_NOT_FOUND')
  await fails(t, app, 'ModifyDisksResourceGroup', { diskIds: [DISK.spare] }, 400, 'MISSING_PARAMETER')
  t.equal((await diskOf(t, app, DISK.spare))?.resourceGroupName, 'Default Resource Group')
})
