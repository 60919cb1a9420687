import t from 'tap'
import { build, fails, ok, UNKNOWN_ID } from '../../helper.js'
import { NET, newSubnet, newVpc } from '../network-support.js'

t.test('renames, widens, enables IPv6 and rebinds the security group', async t => {
  const { app } = await build(t)
  const vpcId = await newVpc(t, app, { cidrBlock: '192.168.0.0/24' })
  await ok(t, app, 'ModifyVpcAttribute', { vpcId, vpcName: 'renamed', cidrBlock: '192.168.0.0/16', enableIPv6: true, securityGroupId: NET.webGroup })
  t.match((await ok(t, app, 'DescribeVpcs', { vpcIds: [vpcId] })).dataSet[0], { name: 'renamed', cidrBlock: '192.168.0.0/16', securityGroupId: NET.webGroup, ipv6CidrBlock: /::\/48$/ })
  await ok(t, app, 'ModifyVpcAttribute', { vpcId, vpcName: 'old-api' }, { version: '2024-04-01' })
})

t.test('refusals', async t => {
  const { app } = await build(t)
  await fails(t, app, 'ModifyVpcAttribute', { vpcId: UNKNOWN_ID, vpcName: 'x1' }, 404, 'INVALID_VPC_NOT_FOUND')
  const body = await fails(t, app, 'ModifyVpcAttribute', { vpcId: NET.vpc, cidrBlock: '10.0.0.0/16' }, 400, 'INVALID_PARAMETER_SUBNET_CIDR_NOT_BELONG_VPC')
  t.match(body.message, new RegExp(NET.sgSubnet), 'the range must hold every subnet')
  await fails(t, app, 'ModifyVpcAttribute', { vpcId: NET.vpc, cidrBlock: '8.0.0.0/16' }, 400, 'INVALID_PARAMETER_VPC_LAN_IP')
  await fails(t, app, 'ModifyVpcAttribute', { vpcId: NET.vpc, securityGroupId: UNKNOWN_ID }, 404, 'INVALID_SECURITY_GROUP_NOT_FOUND')
  const vpcId = await newVpc(t, app, { enablePriIpv6: true })
  await fails(t, app, 'ModifyVpcAttribute', { vpcId, enableIPv6: false }, 400, 'INVALID_PARAMETER_VALUE')
  await newSubnet(t, app, vpcId)
  await fails(t, app, 'ModifyVpcAttribute', { vpcId, vpcName: 'y' }, 400, 'INVALID_PARAMETER_LESS_LENGTH')
  t.match((await ok(t, app, 'DescribeVpcs', { vpcIds: [NET.vpc] })).dataSet[0], { cidrBlock: '10.0.0.0/15', securityGroupId: NET.defaultGroup }, 'nothing changed')
})
