import t from 'tap'
import { build, fails, ok, UNKNOWN_ID } from '../../helper.js'
import { NET, newSubnet, newVpc } from '../network-support.js'

t.test('creates a subnet as Terraform sends it (2024-04-01); DescribeSubnets (2025-09-01) shows it', async t => {
  const { app } = await build(t)
  const vpcId = await newVpc(t, app, { name: 'net' })
  const subnetId = await newSubnet(t, app, vpcId, { name: 'tf-subnet', cidrBlock: '192.168.1.0/24' })
  const [subnet] = (await ok(t, app, 'DescribeSubnets', { subnetIds: [subnetId] })).dataSet
  t.match(subnet, { subnetId, vpcId, vpcName: 'net', regionId: 'asia-east-1', name: 'tf-subnet', cidrBlock: '192.168.1.0/24', gatewayIpAddress: '192.168.1.1', stackType: 'IPv4', ipv6CidrBlock: null, usageIpv4Count: 0, isDefault: false })
  await ok(t, app, 'CreateSubnet', { vpcId, regionId: 'asia-southeast-1', name: 'new-api', cidrBlock: '192.168.2.0/24' })
})

t.test('CIDR rules: inside the VPC, no overlap, a valid prefix', async t => {
  const { app } = await build(t)
  const base = { vpcId: NET.vpc, regionId: 'asia-east-1', name: 'sub' }
  await fails(t, app, 'CreateSubnet', { ...base, cidrBlock: '10.2.0.0/24' }, 400, 'INVALID_PARAMETER_SUBNET_CIDR_NOT_BELONG_VPC')
  const overlap = await fails(t, app, 'CreateSubnet', { ...base, cidrBlock: '10.0.0.128/25' }, 400, 'INVALID_PARAMETER_VPC_SUBNET_OVER_LAP')
  t.match(overlap.message, new RegExp(NET.hkSubnet))
  await fails(t, app, 'CreateSubnet', { ...base, cidrBlock: '10.0.0.0/15' }, 400, 'INVALID_PARAMETER_VPC_SUBNET_OVER_LAP', { version: '2024-04-01' })
  await fails(t, app, 'CreateSubnet', { ...base, cidrBlock: '10.0.8.0/30' }, 400, 'INVALID_PARAMETER_SUBNET_LAN_IP_NETMASK')
  await fails(t, app, 'CreateSubnet', { ...base, cidrBlock: '10.0.8.1/24' }, 400, 'INVALID_PARAMETER_SUBNET_CIDR_BLOCK')
  await fails(t, app, 'CreateSubnet', { ...base, cidrBlock: 'ten' }, 400, 'INVALID_PARAMETER_SUBNET_CIDR_BLOCK')
  await ok(t, app, 'CreateSubnet', { ...base, cidrBlock: '10.0.1.0/24' })
  await ok(t, app, 'CreateSubnet', { ...base, cidrBlock: '10.0.2.0/29' })
})

t.test('other refusals', async t => {
  const { app } = await build(t)
  const base = { vpcId: NET.vpc, regionId: 'asia-east-1', name: 'sub', cidrBlock: '10.0.5.0/24' }
  await fails(t, app, 'CreateSubnet', { ...base, vpcId: UNKNOWN_ID }, 404, 'INVALID_VPC_NOT_FOUND')
  await fails(t, app, 'CreateSubnet', { ...base, regionId: 'mars-1' }, 404, 'INVALID_VPC_REGION_NOT_FOUND')
  await fails(t, app, 'CreateSubnet', { ...base, stackType: 'IPv6', ipv6Type: 'Public' }, 400, 'INVALID_PARAMETER_VALUE')
  await fails(t, app, 'CreateSubnet', { ...base, stackType: 'IPv5' }, 400, 'INVALID_PARAMETER_VALUE')
  const { cidrBlock, ...noCidr } = base
  await fails(t, app, 'CreateSubnet', noCidr, 400, 'MISSING_PARAMETER')
  const { name, ...noName } = base
  await fails(t, app, 'CreateSubnet', noName, 400, 'MISSING_PARAMETER')
  t.equal((await ok(t, app, 'DescribeSubnets', {})).totalCount, 2, 'nothing was created')
})
