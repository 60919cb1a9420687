import t from 'tap'
import { build, ok } from '../../helper.js'

t.test('the catalogue per zone, as the images data source asks for it', async t => {
  const { app } = await build(t)
  const hk = await ok(t, app, 'DescribeImages', { zoneId: 'asia-east-1a', pageNum: 1, pageSize: 100 })
  t.equal(hk.totalCount, 5)
  t.match(hk.dataSet.find((i: any) => i.imageId === 'ubuntu-22.04'), { imageName: 'Ubuntu 22.04 LTS', imageType: 'PUBLIC_IMAGE', imageStatus: 'AVAILABLE', category: 'Ubuntu', osType: 'linux', nicNetworkType: ['Auto', 'VirtioOnly'], tags: { tags: [] } })
  const sg = await ok(t, app, 'DescribeImages', { zoneId: 'asia-southeast-1a' }, { version: '2024-04-01' })
  t.notOk(sg.dataSet.some((i: any) => i.imageId === 'windows-2022'), 'an image sold only in some zones')
  t.equal((await ok(t, app, 'DescribeImages', { zoneId: 'nowhere-1a' })).totalCount, 0)
})

t.test('filters', async t => {
  const { app } = await build(t)
  t.same((await ok(t, app, 'DescribeImages', { osType: 'windows' })).dataSet.map((i: any) => i.imageId), ['windows-2022'])
  t.equal((await ok(t, app, 'DescribeImages', { category: 'Ubuntu' })).totalCount, 2)
  t.equal((await ok(t, app, 'DescribeImages', { imageIds: ['debian-12', 'rocky-9'] })).totalCount, 2)
  t.equal((await ok(t, app, 'DescribeImages', { imageName: '^Rocky' })).totalCount, 1)
  t.equal((await ok(t, app, 'DescribeImages', { imageType: 'CUSTOM_IMAGE' })).totalCount, 0)
  t.equal((await ok(t, app, 'DescribeImages', { tagKeys: ['x'] })).totalCount, 0)
  const page = await ok(t, app, 'DescribeImages', { pageSize: 2, pageNum: 3 })
  t.equal(page.totalCount, 5)
  t.equal(page.dataSet.length, 1)
})
