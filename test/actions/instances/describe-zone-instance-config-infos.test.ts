import t from 'tap'
import { build, ok } from '../../helper.js'

t.test('every zone sells every instance type; filters by zone and type', async t => {
  const { app } = await build(t)
  const all = await ok(t, app, 'DescribeZoneInstanceConfigInfos', {})
  t.equal(all.instanceTypeQuotaSet.length, 4 * 4)
  const one = await ok(t, app, 'DescribeZoneInstanceConfigInfos', { zoneId: 'asia-east-1a', instanceType: 'z2a.cpu.2' }, { version: '2024-04-01' })
  t.match(one.instanceTypeQuotaSet, [{ zoneId: 'asia-east-1a', instanceType: 'z2a.cpu.2', cpuCount: 2, memory: 4, withStock: true }])
  t.same((await ok(t, app, 'DescribeZoneInstanceConfigInfos', { instanceType: 'nope' })).instanceTypeQuotaSet, [])
})
