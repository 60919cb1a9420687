import t from 'tap'
import { build, DISK, fails, ok, SNAPSHOT, T0, UNKNOWN_ID } from '../../helper.js'
import { formatZecTime } from '../../../src/domain/time.js'
import { diskOf, IMMEDIATE_DISKS, INSTANCE, statusOf } from './support.js'

t.test('creates a data disk CREATING that becomes AVAILABLE after the disk.create delay', async t => {
  const { app, clock } = await build(t, { lifecycle: { 'disk.create': { kind: 'after', ms: 5000 } } })
  const created = await ok(t, app, 'CreateDisks', { zoneId: 'asia-east-1b', diskName: 'data-1', diskSize: 40 })
  t.equal(created.diskIds.length, 1)
  t.match(created.diskIds[0], /^\d{19}$/, 'a 19-digit id, as CSI requires')
  t.match(created.orderNumber, /^\d+$/)
  const disk = await diskOf(t, app, created.diskIds[0])
  t.match(disk, {
    diskName: 'data-1',
    zoneId: 'asia-east-1b',
    regionId: 'asia-east-1',
    diskType: 'DATA',
    portable: true,
    diskCategory: 'Standard NVMe SSD',
    diskSize: 40,
    diskStatus: 'CREATING',
    instanceId: '',
    instanceName: '',
    createTime: formatZecTime(T0),
    resourceGroupName: 'Default Resource Group',
    snapshotAbility: true,
    burstingEnabled: false,
    tags: { tags: [] },
    autoSnapshotPolicyId: ''
  })
  t.match(disk?.serial, /^[0-9a-v]{20}$/)
  clock.advance(4999)
  t.equal(await statusOf(t, app, created.diskIds[0]), 'CREATING')
  clock.advance(1)
  t.equal(await statusOf(t, app, created.diskIds[0]), 'AVAILABLE')
})

t.test('attached at creation: CREATING with the instance, then IN_USE', async t => {
  const { app } = await build(t, { lifecycle: { 'disk.create': { kind: 'manual' } } })
  const { diskIds } = await ok(t, app, 'CreateDisks', { zoneId: 'asia-east-1a', diskName: 'with-vm', diskSize: 20, instanceId: INSTANCE.web })
  t.match(await diskOf(t, app, diskIds[0]), { diskStatus: 'CREATING', instanceId: INSTANCE.web, instanceName: 'web-01' })
  const complete = await app.inject({ method: 'POST', url: '/_emulator/lifecycle/complete', payload: { resource: 'disk', id: diskIds[0] } })
  t.equal(complete.statusCode, 200)
  t.match(await diskOf(t, app, diskIds[0]), { diskStatus: 'IN_USE', instanceId: INSTANCE.web })
})

t.test('diskAmount, diskNames, instanceIds, tags, category, bursting and resource group', async t => {
  const { app } = await build(t, { lifecycle: IMMEDIATE_DISKS })
  const many = await ok(t, app, 'CreateDisks', { zoneId: 'asia-east-1a', diskName: 'batch', diskSize: 30, diskAmount: 3 })
  t.equal(many.diskIds.length, 3)
  t.equal(new Set(many.diskIds).size, 3)
  for (const id of many.diskIds) t.match(await diskOf(t, app, id), { diskName: 'batch', diskStatus: 'AVAILABLE' })

  const named = await ok(t, app, 'CreateDisks', { zoneId: 'asia-east-1a', diskName: 'x', diskSize: 20, diskAmount: 2, diskNames: ['n-1', 'n-2'], instanceIds: [INSTANCE.web, INSTANCE.db] })
  t.match(await diskOf(t, app, named.diskIds[0]), { diskName: 'n-1', instanceId: INSTANCE.web, diskStatus: 'IN_USE' })
  t.match(await diskOf(t, app, named.diskIds[1]), { diskName: 'n-2', instanceId: INSTANCE.db, diskStatus: 'IN_USE' })

  const rich = await ok(t, app, 'CreateDisks', {
    zoneId: 'asia-southeast-1a',
    diskName: 'rich_1.a',
    diskSize: 32768,
    diskCategory: 'Basic NVMe SSD',
    burstingEnabled: true,
    resourceGroupId: '2d9e7f10-6a3b-4e8c-b5d4-7c1f0e9a8b32',
    tags: { tags: [{ key: 'env', value: 'prod' }] },
    marketingOptions: { usePocVoucher: true }
  })
  t.match(await diskOf(t, app, rich.diskIds[0]), {
    diskCategory: 'Basic NVMe SSD',
    snapshotAbility: false,
    burstingEnabled: true,
    diskSize: 32768,
    resourceGroupName: 'staging',
    tags: { tags: [{ key: 'env', value: 'prod' }] }
  })
  t.match(await diskOf(t, app, rich.diskIds[0], '2024-04-01'), { chargeType: 'POSTPAID' })
})

t.test('from a snapshot: exists, AVAILABLE, data disk, same zone, not smaller', async t => {
  const { app } = await build(t, { lifecycle: IMMEDIATE_DISKS })
  // webDataManual is a snapshot of web-01-data (100 GiB, asia-east-1a).
  const fromSnap = await ok(t, app, 'CreateDisks', { zoneId: 'asia-east-1a', diskName: 'restored', diskSize: 100, snapshotId: SNAPSHOT.webDataManual })
  t.equal(await statusOf(t, app, fromSnap.diskIds[0]), 'AVAILABLE')
  const base = { zoneId: 'asia-east-1a', diskName: 'restored', diskSize: 100 }
  await fails(t, app, 'CreateDisks', { ...base, snapshotId: UNKNOWN_ID }, 404, 'INVALID_DISK_SNAPSHOT_NOT_FOUND')
  await fails(t, app, 'CreateDisks', { ...base, snapshotId: SNAPSHOT.spareCreating }, 400, 'OPERATION_DENIED_DISK_SNAPSHOT_STATUS')
  const small = await fails(t, app, 'CreateDisks', { ...base, diskSize: 99, snapshotId: SNAPSHOT.webDataManual }, 400, 'INVALID_DISK_SNAPSHOT_SIZE_MISMATCH')
  t.match(small.message, /100 GiB/)
  const system = await fails(t, app, 'CreateDisks', { ...base, snapshotId: SNAPSHOT.webSystemWeekly }, 400, 'INVALID_PARAMETER_VALUE')
  t.match(system.message, /system disk/)
  const zone = await fails(t, app, 'CreateDisks', { ...base, zoneId: 'asia-east-1b', snapshotId: SNAPSHOT.webDataManual }, 400, 'INVALID_PARAMETER_VALUE')
  t.match(zone.message, /`snapshotId`/)
})

t.test('zone, instance, resource group and attach rules', async t => {
  const { app } = await build(t, { lifecycle: IMMEDIATE_DISKS })
  const base = { zoneId: 'asia-east-1a', diskName: 'd1', diskSize: 20 }
  const zone = await fails(t, app, 'CreateDisks', { ...base, zoneId: 'mars-1a' }, 404, 'INVALID_ZONE_NOT_FOUND')
  t.match(zone.message, /mars-1a/)
  await fails(t, app, 'CreateDisks', { ...base, instanceId: UNKNOWN_ID }, 404, 'INVALID_INSTANCE_NOT_FOUND')
  await fails(t, app, 'CreateDisks', { ...base, instanceId: INSTANCE.sg }, 400, 'INVALID_DISK_AND_INSTANCE_ZONE_MISMATCHED')
  await fails(t, app, 'CreateDisks', { ...base, resourceGroupId: 'no-such-group' }, 404, 'OPERATION_FAILED_RESOURCE_GROUP_NOT_FOUND')
  const both = await fails(t, app, 'CreateDisks', { ...base, instanceId: INSTANCE.web, instanceIds: [INSTANCE.web] }, 400, 'INVALID_PARAMETER_VALUE')
  t.match(both.message, /`instanceIds`/)
  const count = await fails(t, app, 'CreateDisks', { ...base, diskAmount: 2, instanceIds: [INSTANCE.web] }, 400, 'INVALID_PARAMETER_VALUE')
  t.match(count.message, /one per disk/)
  await fails(t, app, 'CreateDisks', { ...base, diskAmount: 2, diskNames: ['only-one'] }, 400, 'INVALID_PARAMETER_VALUE')
  const dup = await fails(t, app, 'CreateDisks', { ...base, tags: { tags: [{ key: 'a', value: '1' }, { key: 'a', value: '2' }] } }, 400, 'INVALID_PARAMETER_VALUE')
  t.match(dup.message, /`a`/)
  // web-01 holds 2 data disks (web-01-data, attaching-data); 13 more fill it to 15.
  const limit = await fails(t, app, 'CreateDisks', { ...base, diskAmount: 14, instanceId: INSTANCE.web }, 400, 'LIMIT_EXCEEDED_INSTANCE_CAN_ATTACH')
  t.match(limit.message, /limit of 15/)
  await ok(t, app, 'CreateDisks', { ...base, diskAmount: 13, instanceId: INSTANCE.web })
  await fails(t, app, 'CreateDisks', { ...base, instanceId: INSTANCE.web }, 400, 'LIMIT_EXCEEDED_INSTANCE_CAN_ATTACH')
  const total = (await ok(t, app, 'DescribeDisks', { diskName: '^d1$' })).totalCount
  t.equal(total, 13, 'only the successful call wrote disks')
})

t.test('an instance that is not RUNNING or STOPPED takes no disk', async t => {
  const { app } = await build(t, { lifecycle: IMMEDIATE_DISKS })
  app.runtime.store.instances.update(INSTANCE.web, { status: 'DEPLOYING' })
  const body = await fails(t, app, 'CreateDisks', { zoneId: 'asia-east-1a', diskName: 'd1', diskSize: 20, instanceId: INSTANCE.web }, 400, 'UNSUPPORTED_OPERATION_INSTANCE_STATUS')
  t.match(body.message, /DEPLOYING/)
})

t.test('failNext makes the creation end FAILED', async t => {
  const { app } = await build(t, { lifecycle: IMMEDIATE_DISKS })
  app.runtime.lifecycle.failNext('disk.create', 1)
  const failed = await ok(t, app, 'CreateDisks', { zoneId: 'asia-east-1a', diskName: 'doomed', diskSize: 20 })
  const fine = await ok(t, app, 'CreateDisks', { zoneId: 'asia-east-1a', diskName: 'fine', diskSize: 20 })
  t.equal(await statusOf(t, app, failed.diskIds[0]), 'FAILED')
  t.equal(await statusOf(t, app, fine.diskIds[0]), 'AVAILABLE', 'only the next one fails')
})

t.test('validation names the field', async t => {
  const { app } = await build(t)
  const base = { zoneId: 'asia-east-1a', diskName: 'd1', diskSize: 20 }
  const cases: [unknown, string, RegExp][] = [
    [{ diskName: 'd1', diskSize: 20 }, 'MISSING_PARAMETER', /`zoneId`/],
    [{ zoneId: 'asia-east-1a', diskSize: 20 }, 'MISSING_PARAMETER', /`diskName`/],
    [{ zoneId: 'asia-east-1a', diskName: 'd1' }, 'MISSING_PARAMETER', /`diskSize`/],
    [{ ...base, diskSize: 19 }, 'INVALID_PARAMETER_LESS_MINIMUM', /`diskSize` must be at least 20/],
    [{ ...base, diskSize: 32769 }, 'INVALID_PARAMETER_EXCEED_MAXIMUM', /`diskSize` must be at most 32768/],
    [{ ...base, diskSize: 20.5 }, 'INVALID_PARAMETER_TYPE', /`diskSize` must be an integer/],
    [{ ...base, diskSize: '20' }, 'INVALID_PARAMETER_TYPE', /`diskSize`/],
    [{ ...base, diskName: '' }, 'INVALID_PARAMETER_LESS_LENGTH', /`diskName`/],
    [{ ...base, diskName: 'x'.repeat(65) }, 'INVALID_PARAMETER_EXCEED_LENGTH', /`diskName`/],
    [{ ...base, diskName: '-starts-with-dash' }, 'INVALID_PARAMETER_PATTERN_ERROR', /`diskName`/],
    [{ ...base, diskName: 'has space' }, 'INVALID_PARAMETER_PATTERN_ERROR', /`diskName`/],
    [{ ...base, diskAmount: 0 }, 'INVALID_PARAMETER_LESS_MINIMUM', /`diskAmount`/],
    [{ ...base, diskAmount: 51 }, 'INVALID_PARAMETER_EXCEED_MAXIMUM', /`diskAmount`/],
    [{ ...base, diskCategory: 'Ultra Disk' }, 'INVALID_PARAMETER_VALUE', /`diskCategory` must be one of/],
    [{ ...base, burstingEnabled: 'yes' }, 'INVALID_PARAMETER_TYPE', /`burstingEnabled`/],
    [{ ...base, tags: [{ key: 'a', value: 'b' }] }, 'INVALID_PARAMETER_TYPE', /`tags`/]
  ]
  for (const [input, code, message] of cases) {
    const body = await fails(t, app, 'CreateDisks', input, 400, code)
    t.match(body.message, message)
  }
  t.equal((await ok(t, app, 'DescribeDisks', { diskName: '^d1$' })).totalCount, 0, 'nothing was written')
})

t.test('answers both API versions; 1-character and underscore names are accepted', async t => {
  const { app } = await build(t, { lifecycle: IMMEDIATE_DISKS })
  for (const version of ['2025-09-01', '2024-04-01']) {
    const created = await ok(t, app, 'CreateDisks', { zoneId: 'asia-east-1a', diskName: 'a', diskSize: 20 }, { version })
    t.equal(created.diskIds.length, 1)
  }
  await ok(t, app, 'CreateDisks', { zoneId: 'asia-east-1a', diskName: 'under_score-and.dot', diskSize: 20 })
  t.equal(DISK.spare.length, 19)
})
