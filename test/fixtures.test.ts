import t from 'tap'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DataFileError, readFixtures } from '../src/fixtures.js'
import { DEMO_FIXTURES } from '../src/paths.js'
import { build, DISK, ok } from './helper.js'

t.test('the demo fixtures cover every case CreateSnapshot must answer', async t => {
  const fixtures = readFixtures(DEMO_FIXTURES)
  const regions = new Set(fixtures.zones.map(z => z.regionId))
  t.ok(fixtures.zones.length >= 3 && regions.size >= 2, 'three zones in two regions')
  const statuses = new Set(fixtures.disks?.map(d => d.diskStatus))
  for (const status of ['AVAILABLE', 'IN_USE', 'CREATING', 'ATTACHING', 'DETACHING', 'CHANGING', 'RECYCLED', 'FAILED']) t.ok(statuses.has(status as never), status)
  t.ok(fixtures.disks?.some(d => d.diskType === 'SYSTEM' && d.diskStatus === 'IN_USE'), 'an IN_USE system disk')
  t.ok(fixtures.disks?.some(d => d.snapshotAbility === false), 'a disk without snapshotAbility')
  t.ok(fixtures.instances?.some(i => i.status === 'RUNNING') && fixtures.instances?.some(i => i.status === 'STOPPED'))
  const snaps = fixtures.snapshots ?? []
  t.ok(snaps.some(s => s.snapshotType === 'Manual') && snaps.some(s => s.snapshotType === 'Auto'))
  t.ok(snaps.some(s => s.status === 'CREATING') && snaps.some(s => s.status === 'AVAILABLE'))
  t.ok(snaps.some(s => s.retentionTime !== undefined) && snaps.some(s => s.retentionTime === undefined))
})

t.test('relative fixture times are resolved at load', async t => {
  const { app } = await build(t)
  const [disk] = (await ok(t, app, 'DescribeDisks', { diskIds: [DISK.spare] })).dataSet
  t.equal(disk.createTime, '2025-12-21T10:00:00Z', '-P25D from 2026-01-15T10:00:00Z')
})

t.test('another fixtures file can be named, and none at all', async t => {
  const dir = t.testdir({})
  const path = join(dir, 'small.json')
  writeFileSync(path, JSON.stringify({
    zones: [{ zoneId: 'z-1a', regionId: 'z-1', zoneName: 'Z', cityName: 'Z', cityCode: 'ZZZ', countryCode: 'ZZ', countryName: 'Z', timeZone: 'UTC', supportSecurityGroup: false, supportHaVip: false }],
    disks: [{ diskId: '1000000000000000001', diskName: 'only', zoneId: 'z-1a', diskType: 'DATA', diskCategory: 'Standard NVMe SSD', diskSize: 20, diskStatus: 'AVAILABLE', createTime: '2026-01-01T00:00:00Z' }]
  }))
  const small = await build(t, { fixtures: path })
  t.equal((await ok(t, small.app, 'DescribeDisks', {})).totalCount, 1)
  t.equal((await ok(t, small.app, 'DescribeDisks', {})).dataSet[0].resourceGroupName, 'Default Resource Group')
  const empty = await build(t, { fixtures: 'none' })
  t.same((await ok(t, empty.app, 'DescribeZones', {})).zoneSet, [])
})

t.test('a broken fixtures file is refused with the field named', async t => {
  const dir = t.testdir({ 'bad.json': JSON.stringify({ zones: [] }), 'worse.json': '{ nope', 'ids.json': JSON.stringify({ zones: [{ zoneId: 'a', regionId: 'a', zoneName: 'a', cityName: 'a', cityCode: 'a', countryCode: 'a', countryName: 'a', timeZone: 'a', supportSecurityGroup: true, supportHaVip: true }], disks: [{ diskId: 'd-1' }] }) })
  const problem = (file: string) => {
    try { readFixtures(join(dir, file)) } catch (error) { return error as Error }
    return undefined
  }
  t.ok(problem('bad.json') instanceof DataFileError)
  t.match(problem('bad.json')?.message, /`zones`/)
  t.match(problem('worse.json')?.message, /cannot read fixtures/)
  t.match(problem('ids.json')?.message, /disks\[0\]/)
  t.match(problem('missing.json')?.message, /cannot read fixtures/)
})
