import t from 'tap'
import { build, ok, UNKNOWN_ID } from '../../helper.js'
import { NET } from '../network-support.js'

t.test('the demo subnets with their usage, and every filter', async t => {
  const { app } = await build(t)
  const all = await ok(t, app, 'DescribeSubnets', {}, { version: '2024-04-01' })
  t.equal(all.totalCount, 2)
  t.match((await ok(t, app, 'DescribeSubnets', { subnetIds: [NET.hkSubnet] })).dataSet[0], { usageIpv4Count: 2, vpcName: 'demo-vpc' })
  t.same((await ok(t, app, 'DescribeSubnets', { regionId: 'asia-southeast-1' })).dataSet.map((s: any) => s.subnetId), [NET.sgSubnet])
  t.same((await ok(t, app, 'DescribeSubnets', { cidrBlock: '10.0.0.0/24' })).dataSet.map((s: any) => s.subnetId), [NET.hkSubnet])
  t.equal((await ok(t, app, 'DescribeSubnets', { name: '^sg-' })).totalCount, 1)
  t.equal((await ok(t, app, 'DescribeSubnets', { vpcIds: [NET.vpc] })).totalCount, 2)
  t.equal((await ok(t, app, 'DescribeSubnets', { vpcIds: [UNKNOWN_ID] })).totalCount, 0)
  t.equal((await ok(t, app, 'DescribeSubnets', { subnetIds: [UNKNOWN_ID] })).totalCount, 0, 'an unknown id is not an error')
  t.equal((await ok(t, app, 'DescribeSubnets', { dhcpOptionsSetId: 'x' })).totalCount, 0)
})
