import t from 'tap'
import { build, DISK, fails, ok, UNKNOWN_ID } from '../../helper.js'
import { diskOf, IMMEDIATE_DISKS, INSTANCE, newDisk, statusOf } from './support.js'

t.test('AVAILABLE → ATTACHING → IN_USE after the disk.attach delay', async t => {
  const { app, clock } = await build(t, { lifecycle: { 'disk.attach': { kind: 'after', ms: 2000 } } })
  await ok(t, app, 'AttachDisks', { diskIds: [DISK.spare], instanceId: INSTANCE.db })
  t.match(await diskOf(t, app, DISK.spare), { diskStatus: 'ATTACHING', instanceId: INSTANCE.db, instanceName: 'db-01' })
  clock.advance(2000)
  t.match(await diskOf(t, app, DISK.spare), { diskStatus: 'IN_USE', instanceId: INSTANCE.db })
})

t.test('describes:N: IN_USE once the disk has been described N times', async t => {
  const { app } = await build(t, { lifecycle: { 'disk.attach': { kind: 'describes', count: 2 } } })
  await ok(t, app, 'AttachDisks', { diskIds: [DISK.spare], instanceId: INSTANCE.web })
  t.equal(await statusOf(t, app, DISK.spare), 'ATTACHING', 'first describe')
  t.equal(await statusOf(t, app, DISK.spare), 'ATTACHING', 'second describe (settles on the next request)')
  t.equal(await statusOf(t, app, DISK.spare), 'IN_USE')
})

t.test('failNext: the attach ends FAILED', async t => {
  const { app } = await build(t, { lifecycle: IMMEDIATE_DISKS })
  app.runtime.lifecycle.failNext('disk.attach', 1)
  await ok(t, app, 'AttachDisks', { diskIds: [DISK.spare], instanceId: INSTANCE.web })
  t.equal(await statusOf(t, app, DISK.spare), 'FAILED')
})

t.test('every documented precondition, each refusing the whole call', async t => {
  const { app } = await build(t, { lifecycle: IMMEDIATE_DISKS })
  await fails(t, app, 'AttachDisks', { diskIds: [DISK.spare, UNKNOWN_ID], instanceId: INSTANCE.web }, 404, 'INVALID_DISK_NOT_FOUND')
  await fails(t, app, 'AttachDisks', { diskIds: [DISK.spare], instanceId: UNKNOWN_ID }, 404, 'INVALID_INSTANCE_NOT_FOUND')
  const system = await fails(t, app, 'AttachDisks', { diskIds: [DISK.spare, DISK.webSystem], instanceId: INSTANCE.db }, 400, 'INVALID_DISK_NOT_PORTABLE')
  t.match(system.message, /system disk/)
  app.runtime.store.disks.update(DISK.noSnapshot, { portable: false })
  await fails(t, app, 'AttachDisks', { diskIds: [DISK.noSnapshot], instanceId: INSTANCE.web }, 400, 'INVALID_DISK_NOT_PORTABLE')
  await fails(t, app, 'AttachDisks', { diskIds: [DISK.webData], instanceId: INSTANCE.db }, 400, 'UNSUPPORTED_OPERATION_DISK_ATTACHED')
  for (const diskId of [DISK.creating, DISK.changing, DISK.recycled, DISK.failed]) {
    await fails(t, app, 'AttachDisks', { diskIds: [diskId], instanceId: INSTANCE.web }, 400, 'UNSUPPORTED_OPERATION_DISK_STATUS')
  }
  await fails(t, app, 'AttachDisks', { diskIds: [DISK.sgData], instanceId: INSTANCE.web }, 400, 'INVALID_DISK_AND_INSTANCE_ZONE_MISMATCHED')
  for (const status of ['DEPLOYING', 'PENDING', 'RELEASING', 'STOPPING']) {
    app.runtime.store.instances.update(INSTANCE.web, { status })
    await fails(t, app, 'AttachDisks', { diskIds: [DISK.spare], instanceId: INSTANCE.web }, 400, 'UNSUPPORTED_OPERATION_INSTANCE_STATUS')
  }
  t.match(await diskOf(t, app, DISK.spare), { diskStatus: 'AVAILABLE', instanceId: '' }, 'nothing was written')
})

t.test('the per-instance limit of 15 data disks', async t => {
  const { app } = await build(t, { lifecycle: IMMEDIATE_DISKS })
  // db-01 holds detaching-data; 14 more reach 15.
  const ids: string[] = []
  for (let i = 0; i < 15; i++) ids.push(await newDisk(t, app, { diskName: `l-${i}` }))
  await ok(t, app, 'AttachDisks', { diskIds: ids.slice(0, 10), instanceId: INSTANCE.db })
  const over = await fails(t, app, 'AttachDisks', { diskIds: ids.slice(10, 15), instanceId: INSTANCE.db }, 400, 'LIMIT_EXCEEDED_INSTANCE_CAN_ATTACH')
  t.match(over.message, /has 11 data disk/)
  await ok(t, app, 'AttachDisks', { diskIds: ids.slice(10, 14), instanceId: INSTANCE.db })
  t.equal((await ok(t, app, 'DescribeDisks', { instanceId: INSTANCE.db, diskType: 'DATA' })).totalCount, 15)
})

t.test('validation: at most 10 disks, ids required', async t => {
  const { app } = await build(t)
  await fails(t, app, 'AttachDisks', { diskIds: [], instanceId: INSTANCE.web }, 400, 'INVALID_PARAMETER_LESS_LENGTH')
  const many = await fails(t, app, 'AttachDisks', { diskIds: Array.from({ length: 11 }, () => DISK.spare), instanceId: INSTANCE.web }, 400, 'INVALID_PARAMETER_EXCEED_LENGTH')
  t.match(many.message, /`diskIds`/)
  const missing = await fails(t, app, 'AttachDisks', { diskIds: [DISK.spare] }, 400, 'MISSING_PARAMETER')
  t.match(missing.message, /`instanceId`/)
})

t.test('answers both API versions', async t => {
  const { app } = await build(t, { lifecycle: IMMEDIATE_DISKS })
  const a = await newDisk(t, app)
  const b = await newDisk(t, app)
  const res = await ok(t, app, 'AttachDisks', { diskIds: [a], instanceId: INSTANCE.web }, { version: '2024-04-01' })
  t.same(Object.keys(res), ['requestId'])
  await ok(t, app, 'AttachDisks', { diskIds: [b], instanceId: INSTANCE.web })
  t.equal(await statusOf(t, app, a), 'IN_USE')
})
