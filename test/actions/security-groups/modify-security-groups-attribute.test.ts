import t from 'tap'
import { build, fails, ok, UNKNOWN_ID } from '../../helper.js'
import { NET } from '../network-support.js'

t.test('renames groups, all or nothing', async t => {
  const { app } = await build(t)
  await fails(t, app, 'ModifySecurityGroupsAttribute', { securityGroupIds: [NET.webGroup, UNKNOWN_ID], securityGroupName: 'renamed' }, 404, 'INVALID_SECURITY_GROUP_NOT_FOUND')
  t.equal((await ok(t, app, 'DescribeSecurityGroups', { securityGroupIds: [NET.webGroup] })).dataSet[0].securityGroupName, 'web-ingress', 'nothing changed')
  await ok(t, app, 'ModifySecurityGroupsAttribute', { securityGroupIds: [NET.webGroup], securityGroupName: 'renamed' }, { version: '2024-04-01' })
  t.equal((await ok(t, app, 'DescribeSecurityGroups', { securityGroupIds: [NET.webGroup] })).dataSet[0].securityGroupName, 'renamed')
  await fails(t, app, 'ModifySecurityGroupsAttribute', { securityGroupIds: [], securityGroupName: 'x' }, 400, 'INVALID_PARAMETER_LESS_LENGTH')
})
