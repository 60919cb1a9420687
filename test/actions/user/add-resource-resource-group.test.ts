import t from 'tap'
import { build, DISK, fails, ok, UNKNOWN_ID } from '../../helper.js'
import { INSTANCE } from '../disks/support.js'
import { instanceOf, NET } from '../network-support.js'

const USER = { path: '/api/v2/user' }
const STAGING = '2d9e7f10-6a3b-4e8c-b5d4-7c1f0e9a8b32'

t.test('POST /api/v2/user moves resources of any kind into a group; each Describe shows it', async t => {
  const { app } = await build(t)
  await ok(t, app, 'AddResourceResourceGroup', { resources: [INSTANCE.web, DISK.spare, NET.vpc], resourceGroupId: STAGING }, USER)
  t.match(await instanceOf(t, app, INSTANCE.web), { resourceGroupId: STAGING, resourceGroupName: 'staging' })
  t.match((await ok(t, app, 'DescribeDisks', { diskIds: [DISK.spare] })).dataSet[0], { resourceGroupId: STAGING })
  t.match((await ok(t, app, 'DescribeVpcs', { vpcIds: [NET.vpc] })).dataSet[0].resourceGroup, { resourceGroupId: STAGING, resourceGroupName: 'staging' })
})

t.test('refusals, all or nothing', async t => {
  const { app } = await build(t)
  await fails(t, app, 'AddResourceResourceGroup', { resources: [DISK.spare, UNKNOWN_ID], resourceGroupId: STAGING }, 404, 'OPERATION_FAILED_RESOURCE_NOT_FOUND', USER)
  await fails(t, app, 'AddResourceResourceGroup', { resources: [DISK.spare], resourceGroupId: 'nope' }, 404, 'OPERATION_FAILED_RESOURCE_GROUP_NOT_FOUND', USER)
  await fails(t, app, 'AddResourceResourceGroup', { resources: [], resourceGroupId: STAGING }, 400, 'INVALID_PARAMETER_LESS_LENGTH', USER)
  t.not((await ok(t, app, 'DescribeDisks', { diskIds: [DISK.spare] })).dataSet[0].resourceGroupId, STAGING)
})
