import t from 'tap'
import { build, fails, ok, UNKNOWN_ID } from '../../helper.js'
import { NET } from '../network-support.js'

t.test('renames a subnet and changes its range when every given IP still fits', async t => {
  const { app } = await build(t)
  await ok(t, app, 'ModifySubnetAttribute', { subnetId: NET.hkSubnet, subnetName: 'hk-renamed', cidrBlock: '10.0.0.0/25' }, { version: '2024-04-01' })
  t.match((await ok(t, app, 'DescribeSubnets', { subnetIds: [NET.hkSubnet] })).dataSet[0], { name: 'hk-renamed', cidrBlock: '10.0.0.0/25' })
})

t.test('refusals', async t => {
  const { app } = await build(t)
  await fails(t, app, 'ModifySubnetAttribute', { subnetId: UNKNOWN_ID, subnetName: 'xy' }, 404, 'OPERATION_FAILED_RESOURCE_NOT_FOUND')
  const body = await fails(t, app, 'ModifySubnetAttribute', { subnetId: NET.hkSubnet, cidrBlock: '10.0.0.0/28' }, 400, 'INVALID_PARAMETER_VALUE')
  t.match(body.message, /10\.0\.0\.20/)
  await fails(t, app, 'ModifySubnetAttribute', { subnetId: NET.hkSubnet, cidrBlock: '10.1.0.0/23' }, 400, 'INVALID_PARAMETER_VPC_SUBNET_OVER_LAP')
  await fails(t, app, 'ModifySubnetAttribute', { subnetId: NET.hkSubnet, cidrBlock: '10.9.0.0/24' }, 400, 'INVALID_PARAMETER_SUBNET_CIDR_NOT_BELONG_VPC')
  t.match((await ok(t, app, 'DescribeSubnets', { subnetIds: [NET.hkSubnet] })).dataSet[0], { name: 'hk-subnet', cidrBlock: '10.0.0.0/24' })
})
