import t from 'tap'
import { build, fails, ok } from '../../helper.js'
import { NET, newVpc } from '../network-support.js'

t.test('creates a VPC as Terraform sends it, bound to the default security group, shown by DescribeVpcs', async t => {
  const { app } = await build(t)
  const vpcId = await newVpc(t, app, { name: 'tf-vpc', cidrBlock: '172.16.0.0/16', mtu: 1500, enablePriIpv6: false, tags: { tags: [{ key: 'env', value: 'test' }] } })
  t.match(vpcId, /^\d{19}$/)
  const [vpc] = (await ok(t, app, 'DescribeVpcs', { vpcIds: [vpcId] })).dataSet
  t.match(vpc, { vpcId, name: 'tf-vpc', cidrBlock: '172.16.0.0/16', mtu: 1500, isDefault: false, ipv6CidrBlock: null, securityGroupId: NET.defaultGroup, usageIpv4Count: 0, tags: { tags: [{ key: 'env', value: 'test' }] } })
  t.match(vpc.resourceGroup, { resourceGroupId: '8f3c2a5e-1b7d-4c9a-9e2f-0a6b5c4d3e21', resourceGroupName: 'Default Resource Group' })
  const v6 = await newVpc(t, app, { cidrBlock: '10.128.0.0/16', enablePriIpv6: true })
  t.match((await ok(t, app, 'DescribeVpcs', { vpcIds: [v6] })).dataSet[0].ipv6CidrBlock, /^fd[0-9a-f:]+::\/48$/)
})

t.test('an account without a default security group gets one with its first VPC', async t => {
  const { app } = await build(t, { fixtures: 'none' })
  const vpcId = await newVpc(t, app)
  const groups = await ok(t, app, 'DescribeSecurityGroups', {})
  t.equal(groups.totalCount, 1)
  t.match(groups.dataSet[0], { isDefault: true, vpcIds: [vpcId], scope: 'Global' })
})

t.test('CIDR validation: format, private ranges, prefix length', async t => {
  const { app } = await build(t)
  for (const cidrBlock of ['10.0.0.0', '10.0.0.1/16', '300.0.0.0/16', '10.0.0.0/33', 'x/8', '10.0.0.0/16/1']) {
    const body = await fails(t, app, 'CreateVpc', { name: 'v1', cidrBlock }, 400, 'INVALID_PARAMETER_VPC_CIDR_BLOCK')
    t.match(body.message, /cidrBlock/)
  }
  await fails(t, app, 'CreateVpc', { name: 'v1', cidrBlock: '8.8.0.0/16' }, 400, 'INVALID_PARAMETER_VPC_LAN_IP')
  await fails(t, app, 'CreateVpc', { name: 'v1', cidrBlock: '10.0.0.0/8' }, 400, 'INVALID_PARAMETER_VPC_LAN_IP_NETMASK')
  await fails(t, app, 'CreateVpc', { name: 'v1', cidrBlock: '10.0.0.0/29' }, 400, 'INVALID_PARAMETER_VPC_LAN_IP_NETMASK')
  await ok(t, app, 'CreateVpc', { name: 'v1', cidrBlock: '10.0.0.0/9' })
  await ok(t, app, 'CreateVpc', { name: 'v2', cidrBlock: '192.168.10.0/28' })
})

t.test('other refusals', async t => {
  const { app } = await build(t)
  await fails(t, app, 'CreateVpc', { cidrBlock: '10.0.0.0/16' }, 400, 'MISSING_PARAMETER')
  await fails(t, app, 'CreateVpc', { name: 'x', cidrBlock: '10.0.0.0/16' }, 400, 'INVALID_PARAMETER_LESS_LENGTH')
  await fails(t, app, 'CreateVpc', { name: '-bad-', cidrBlock: '10.0.0.0/16' }, 400, 'INVALID_PARAMETER_PATTERN_ERROR')
  await fails(t, app, 'CreateVpc', { name: 'v1', cidrBlock: '10.0.0.0/16', mtu: 1400 }, 400, 'INVALID_PARAMETER_VALUE')
  await fails(t, app, 'CreateVpc', { name: 'v1', cidrBlock: '10.0.0.0/16', resourceGroupId: 'nope' }, 404, 'OPERATION_FAILED_RESOURCE_GROUP_NOT_FOUND')
  await fails(t, app, 'CreateVpc', { name: 'v1', cidrBlock: '10.0.0.0/16', tags: { tags: [{ key: 'a', value: '1' }, { key: 'a', value: '2' }] } }, 400, 'INVALID_PARAMETER_VALUE')
  t.equal((await ok(t, app, 'DescribeVpcs', {})).totalCount, 1, 'nothing was created')
})

t.test('answers both API versions', async t => {
  const { app } = await build(t)
  const vpcId = (await ok(t, app, 'CreateVpc', { name: 'old', cidrBlock: '10.2.0.0/16' }, { version: '2024-04-01' })).vpcId
  t.equal((await ok(t, app, 'DescribeVpcs', { vpcIds: [vpcId] }, { version: '2024-04-01' })).totalCount, 1)
})
