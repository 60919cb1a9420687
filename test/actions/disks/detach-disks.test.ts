import t from 'tap'
import { build, DISK, fails, ok, UNKNOWN_ID } from '../../helper.js'
import { diskOf, IMMEDIATE_DISKS, INSTANCE, newDisk } from './support.js'

t.test('IN_USE → DETACHING → AVAILABLE with the instance cleared; 2025 returns failedDiskIds', async t => {
  const { app, clock } = await build(t, { lifecycle: { 'disk.detach': { kind: 'after', ms: 2000 } } })
  const res = await ok(t, app, 'DetachDisks', { diskIds: [DISK.webData], instanceCheckFlag: false })
  t.same(res.failedDiskIds, [])
  t.match(await diskOf(t, app, DISK.webData), { diskStatus: 'DETACHING', instanceId: '1300000000000000001' })
  clock.advance(2000)
  t.match(await diskOf(t, app, DISK.webData), { diskStatus: 'AVAILABLE', instanceId: '', instanceName: '' })
})

t.test('2024-04-01 answers with the request id only', async t => {
  const { app } = await build(t, { lifecycle: IMMEDIATE_DISKS })
  const res = await ok(t, app, 'DetachDisks', { diskIds: [DISK.webData], instanceCheckFlag: false }, { version: '2024-04-01' })
  t.same(Object.keys(res), ['requestId'])
})

t.test('instanceCheckFlag defaults to true: only from a STOPPED instance', async t => {
  const { app } = await build(t, { lifecycle: IMMEDIATE_DISKS })
  const running = await fails(t, app, 'DetachDisks', { diskIds: [DISK.webData] }, 400, 'UNSUPPORTED_OPERATION_INSTANCE_STATUS')
  t.match(running.message, /RUNNING/)
  const extra = await newDisk(t, app, { instanceId: INSTANCE.db })
  await ok(t, app, 'DetachDisks', { diskIds: [extra] })
  t.equal((await diskOf(t, app, extra))?.diskStatus, 'AVAILABLE')
  app.runtime.store.instances.update(INSTANCE.web, { status: 'REBOOT' })
  await fails(t, app, 'DetachDisks', { diskIds: [DISK.webData], instanceCheckFlag: false }, 400, 'UNSUPPORTED_OPERATION_INSTANCE_STATUS')
})

t.test('preconditions refuse the whole call', async t => {
  const { app } = await build(t, { lifecycle: IMMEDIATE_DISKS })
  await fails(t, app, 'DetachDisks', { diskIds: [DISK.webData, UNKNOWN_ID], instanceCheckFlag: false }, 404, 'INVALID_DISK_NOT_FOUND')
  await fails(t, app, 'DetachDisks', { diskIds: [DISK.webData, DISK.webSystem], instanceCheckFlag: false }, 400, 'INVALID_DISK_NOT_PORTABLE')
  for (const diskId of [DISK.spare, DISK.attaching, DISK.detaching, DISK.recycled]) {
    await fails(t, app, 'DetachDisks', { diskIds: [DISK.webData, diskId], instanceCheckFlag: false }, 400, 'UNSUPPORTED_OPERATION_DISK_STATUS')
  }
  const onDb = await newDisk(t, app, { instanceId: INSTANCE.db })
  const two = await fails(t, app, 'DetachDisks', { diskIds: [DISK.webData, onDb], instanceCheckFlag: false }, 400, 'INVALID_PARAMETER_VALUE')
  t.match(two.message, /one instance/)
  t.equal((await diskOf(t, app, DISK.webData))?.diskStatus, 'IN_USE', 'nothing was written')
  await fails(t, app, 'DetachDisks', { diskIds: [DISK.webData], instanceCheckFlag: 'no' }, 400, 'INVALID_PARAMETER_TYPE')
})
