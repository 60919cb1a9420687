import t from 'tap'
import { build, fails, ok } from '../../helper.js'
import { newGroup } from './security-group-support.js'

t.test('creates a global group with its rules; DescribeSecurityGroups shows it', async t => {
  const { app } = await build(t)
  const id = await newGroup(t, app, 'ssh-only')
  t.match((await ok(t, app, 'DescribeSecurityGroups', { securityGroupIds: [id] })).dataSet[0], { securityGroupId: id, securityGroupName: 'ssh-only', scope: 'Global', isDefault: false, vpcIds: [], nicIdList: [] })
  await ok(t, app, 'CreateSecurityGroup', { securityGroupName: 'old-api' }, { version: '2024-04-01' })
})

t.test('refusals', async t => {
  const { app } = await build(t)
  await fails(t, app, 'CreateSecurityGroup', {}, 400, 'MISSING_PARAMETER')
  await fails(t, app, 'CreateSecurityGroup', { securityGroupName: 'a'.repeat(65) }, 400, 'INVALID_PARAMETER_EXCEED_LENGTH')
  await fails(t, app, 'CreateSecurityGroup', { securityGroupName: 'ok', scope: 'Region' }, 400, 'INVALID_PARAMETER_VALUE')
  await fails(t, app, 'CreateSecurityGroup', { securityGroupName: 'ok', ruleInfos: [{ direction: 'sideways', policy: 'accept', ipProtocol: 'tcp' }] }, 400, 'INVALID_PARAMETER_VALUE')
})
