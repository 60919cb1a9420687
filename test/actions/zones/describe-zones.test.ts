import t from 'tap'
import { build, ok } from '../../helper.js'

t.test('lists every zone, no paging fields', async t => {
  const { app } = await build(t)
  const res = await ok(t, app, 'DescribeZones', {})
  t.same(res.zoneSet.map((z: any) => z.zoneId), ['asia-east-1a', 'asia-east-1b', 'asia-southeast-1a', 'na-west-1a'])
  t.notOk('totalCount' in res)
  t.match(res.zoneSet[0], { regionId: 'asia-east-1', cityCode: 'HKG', countryCode: 'HK', supportSecurityGroup: true })
})

t.test('filters by zoneIds; unknown ids give nothing', async t => {
  const { app } = await build(t)
  t.same((await ok(t, app, 'DescribeZones', { zoneIds: ['na-west-1a', 'mars-1a'] })).zoneSet.map((z: any) => z.zoneId), ['na-west-1a'])
  t.same((await ok(t, app, 'DescribeZones', { zoneIds: ['mars-1a'] }, { version: '2024-04-01' })).zoneSet, [])
})
