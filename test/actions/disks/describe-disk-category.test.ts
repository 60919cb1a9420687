import t from 'tap'
import { build, ok } from '../../helper.js'

t.test('every zone with both NVMe categories; filters narrow, never fail', async t => {
  const { app } = await build(t)
  const all = await ok(t, app, 'DescribeDiskCategory', {})
  t.same(all.categoryZoneSet.map((z: any) => z.zoneId), ['asia-east-1a', 'asia-east-1b', 'asia-southeast-1a', 'na-west-1a'])
  t.same(all.categoryZoneSet[0].categorySet, ['Basic NVMe SSD', 'Standard NVMe SSD'])
  const one = await ok(t, app, 'DescribeDiskCategory', { zoneId: 'na-west-1a', diskCategory: 'Standard NVMe SSD' }, { version: '2024-04-01' })
  t.same(one.categoryZoneSet, [{ zoneId: 'na-west-1a', categorySet: ['Standard NVMe SSD'] }])
  t.same((await ok(t, app, 'DescribeDiskCategory', { zoneId: 'mars-1a' })).categoryZoneSet, [])
  t.same((await ok(t, app, 'DescribeDiskCategory', { diskCategory: 'Ultra Disk' })).categoryZoneSet, [])
})
