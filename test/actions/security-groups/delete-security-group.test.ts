import t from 'tap'
import { build, fails, ok, UNKNOWN_ID } from '../../helper.js'
import { NET } from '../network-support.js'
import { newGroup } from './security-group-support.js'

t.test('deletes an unused group; the default group and groups in use are refused', async t => {
  const { app } = await build(t)
  const id = await newGroup(t, app)
  await ok(t, app, 'DeleteSecurityGroup', { securityGroupId: id }, { version: '2024-04-01' })
  t.equal((await ok(t, app, 'DescribeSecurityGroups', { securityGroupIds: [id] })).totalCount, 0)
  await fails(t, app, 'DeleteSecurityGroup', { securityGroupId: id }, 404, 'INVALID_SECURITY_GROUP_NOT_FOUND')
  await fails(t, app, 'DeleteSecurityGroup', { securityGroupId: UNKNOWN_ID }, 404, 'INVALID_SECURITY_GROUP_NOT_FOUND')
  await fails(t, app, 'DeleteSecurityGroup', { securityGroupId: NET.defaultGroup }, 400, 'OPERATION_DENIED_SECURITY_GROUP_DEFAULT')
  const inUse = await fails(t, app, 'DeleteSecurityGroup', { securityGroupId: NET.webGroup }, 400, 'OPERATION_DENIED_SECURITY_GROUP_IN_USE')
  t.match(inUse.message, /1300000000000000001/)
})
