import t from 'tap'
import { build, DISK, fails, ok, UNKNOWN_ID } from '../../helper.js'

t.test('every documented filter, ANDed', async t => {
  const { app } = await build(t)
  const ids = async (input: object) => (await ok(t, app, 'DescribeDisks', input)).dataSet.map((d: any) => d.diskId).sort()
  t.same(await ids({ diskIds: [DISK.spare, DISK.sgData, UNKNOWN_ID] }), [DISK.spare, DISK.sgData])
  t.same(await ids({ zoneId: 'asia-southeast-1a' }), [DISK.sgSystem, DISK.sgData])
  t.same(await ids({ regionId: 'asia-southeast-1' }), [DISK.sgSystem, DISK.sgData])
  t.same(await ids({ diskType: 'SYSTEM', zoneId: 'asia-east-1a' }), [DISK.webSystem, DISK.dbSystem])
  t.same(await ids({ diskStatus: 'RECYCLED' }), [DISK.recycled])
  t.same(await ids({ instanceId: '1300000000000000001' }), [DISK.webSystem, DISK.webData, DISK.attaching])
  t.same(await ids({ snapshotAbility: false }), [DISK.noSnapshot])
  t.same(await ids({ diskCategory: 'Basic NVMe SSD' }), [DISK.noSnapshot])
  t.same(await ids({ resourceGroupId: '2d9e7f10-6a3b-4e8c-b5d4-7c1f0e9a8b32' }), [DISK.sgSystem, DISK.sgData])
  t.same(await ids({ diskType: 'DATA', diskStatus: 'IN_USE', zoneId: 'asia-east-1a' }), [DISK.webData])
  t.same(await ids({ zoneId: 'asia-southeast-1a', diskStatus: 'RECYCLED' }), [], 'ANDed to nothing')
})

t.test('unknown ids give an empty result, not an error', async t => {
  const { app } = await build(t)
  const res = await ok(t, app, 'DescribeDisks', { diskIds: [UNKNOWN_ID] })
  t.same([res.totalCount, res.dataSet], [0, []])
})

t.test('name filters are regular expressions; ^name$ matches exactly', async t => {
  const { app } = await build(t)
  const names = async (diskName: string) => (await ok(t, app, 'DescribeDisks', { diskName })).dataSet.map((d: any) => d.diskName).sort()
  t.same(await names('^web-01-data$'), ['web-01-data'])
  t.same(await names('web-01'), ['web-01-data', 'web-01-system'], 'a plain name is a substring search')
  t.same(await names('^sg-'), ['sg-app-01-system', 'sg-data'])
  t.same(await names('(?=x)web-01-data'), [], 'an uncompilable pattern falls back to substring search')
  const started = process.hrtime.bigint()
  t.same(await names('^(a+)+$'), [], 'a catastrophic pattern answers')
  t.ok(process.hrtime.bigint() - started < 5_000_000_000n, 'and in bounded time')
})

t.test('paging: pageNum from 1, pageSize default 20 and max 1000, totalCount stable', async t => {
  const { app } = await build(t)
  const first = await ok(t, app, 'DescribeDisks', { pageSize: 5, pageNum: 1 })
  const third = await ok(t, app, 'DescribeDisks', { pageSize: 5, pageNum: 3 })
  const beyond = await ok(t, app, 'DescribeDisks', { pageSize: 5, pageNum: 4 })
  t.equal(first.totalCount, 13)
  t.equal(third.totalCount, 13)
  t.equal(first.dataSet.length, 5)
  t.equal(third.dataSet.length, 3)
  t.same(beyond.dataSet, [])
  const all = await ok(t, app, 'DescribeDisks', {})
  t.equal(all.dataSet.length, 13, 'default page of 20 holds all 13')
  const pages = []
  for (let pageNum = 1; pageNum <= 3; pageNum++) pages.push(...(await ok(t, app, 'DescribeDisks', { pageSize: 5, pageNum })).dataSet.map((d: any) => d.diskId))
  t.equal(new Set(pages).size, 13, 'pages are disjoint and cover everything')
  await ok(t, app, 'DescribeDisks', { pageSize: 1000 })
  await fails(t, app, 'DescribeDisks', { pageSize: 1001 }, 400, 'INVALID_PARAMETER_EXCEED_MAXIMUM')
  await fails(t, app, 'DescribeDisks', { pageSize: 0 }, 400, 'INVALID_PARAMETER_LESS_MINIMUM')
  await fails(t, app, 'DescribeDisks', { pageNum: 0 }, 400, 'INVALID_PARAMETER_LESS_MINIMUM')
  await fails(t, app, 'DescribeDisks', { pageNum: '1' }, 400, 'INVALID_PARAMETER_TYPE')
})

t.test('never omits diskStatus and shows the attached instance', async t => {
  const { app } = await build(t)
  const [disk] = (await ok(t, app, 'DescribeDisks', { diskIds: [DISK.webData] })).dataSet
  t.match(disk, { diskStatus: 'IN_USE', instanceId: '1300000000000000001', instanceName: 'web-01', portable: true, snapshotAbility: true, serial: /^[0-9a-v]{20}$/, diskSize: 100 })
  const [free] = (await ok(t, app, 'DescribeDisks', { diskIds: [DISK.spare] })).dataSet
  t.match(free, { diskStatus: 'AVAILABLE', instanceId: '', instanceName: '' })
})

t.test('bad filter values are parameter errors', async t => {
  const { app } = await build(t)
  await fails(t, app, 'DescribeDisks', { diskStatus: 'BROKEN' }, 400, 'INVALID_PARAMETER_VALUE')
  await fails(t, app, 'DescribeDisks', { diskType: 'BOOT' }, 400, 'INVALID_PARAMETER_VALUE')
  await fails(t, app, 'DescribeDisks', { diskIds: 'x' }, 400, 'INVALID_PARAMETER_TYPE')
  await fails(t, app, 'DescribeDisks', { snapshotAbility: 'yes' }, 400, 'INVALID_PARAMETER_TYPE')
  await fails(t, app, 'DescribeDisks', { diskIds: Array.from({ length: 101 }, (_, i) => String(i)) }, 400, 'INVALID_PARAMETER_EXCEED_LENGTH')
})
