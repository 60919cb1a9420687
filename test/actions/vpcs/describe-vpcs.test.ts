import t from 'tap'
import { build, ok, UNKNOWN_ID } from '../../helper.js'
import { NET, newVpc } from '../network-support.js'

t.test('the demo VPC, with the private IPs its subnets hand out', async t => {
  const { app } = await build(t)
  const res = await ok(t, app, 'DescribeVpcs', {})
  t.equal(res.totalCount, 1)
  t.match(res.dataSet[0], { vpcId: NET.vpc, name: 'demo-vpc', cidrBlock: '10.0.0.0/15', usageIpv4Count: 3, dnsZoneIds: [] })
})

t.test('filters: ids, name (regex), cidr (substring), resource group, tags; unknown ids are no error', async t => {
  const { app } = await build(t)
  const tagged = await newVpc(t, app, { name: 'tagged', cidrBlock: '172.16.0.0/16', tags: { tags: [{ key: 'team', value: 'a' }] } })
  t.equal((await ok(t, app, 'DescribeVpcs', { vpcIds: [UNKNOWN_ID] })).totalCount, 0)
  t.same((await ok(t, app, 'DescribeVpcs', { name: '^tag' })).dataSet.map((v: any) => v.vpcId), [tagged])
  t.same((await ok(t, app, 'DescribeVpcs', { cidrBlock: '172.16' })).dataSet.map((v: any) => v.vpcId), [tagged])
  t.equal((await ok(t, app, 'DescribeVpcs', { tagKeys: ['team'] })).totalCount, 1)
  t.equal((await ok(t, app, 'DescribeVpcs', { tags: [{ key: 'team', value: 'b' }] })).totalCount, 0)
  t.equal((await ok(t, app, 'DescribeVpcs', { resourceGroupId: '2d9e7f10-6a3b-4e8c-b5d4-7c1f0e9a8b32' })).totalCount, 0)
  const page = await ok(t, app, 'DescribeVpcs', { pageSize: 1, pageNum: 2 })
  t.equal(page.totalCount, 2)
  t.equal(page.dataSet.length, 1)
})
