import t from 'tap'
import { build, ok, UNKNOWN_ID } from '../../helper.js'
import { NET } from '../network-support.js'

t.test('the demo groups with the VPCs and NICs bound to them; filters and paging', async t => {
  const { app } = await build(t)
  const all = await ok(t, app, 'DescribeSecurityGroups', {}, { version: '2024-04-01' })
  t.equal(all.totalCount, 2)
  const byId = Object.fromEntries(all.dataSet.map((g: any) => [g.securityGroupId, g]))
  t.match(byId[NET.defaultGroup], { isDefault: true, vpcIds: [NET.vpc], nicIdList: ['1800000000000000002', '1800000000000000003'] })
  t.match(byId[NET.webGroup], { isDefault: false, vpcIds: [], nicIdList: ['1800000000000000001'] })
  t.equal((await ok(t, app, 'DescribeSecurityGroups', { securityGroupName: '^web' })).totalCount, 1)
  t.equal((await ok(t, app, 'DescribeSecurityGroups', { securityGroupIds: [UNKNOWN_ID] })).totalCount, 0)
  t.equal((await ok(t, app, 'DescribeSecurityGroups', { pageSize: 1 })).dataSet.length, 1)
})
