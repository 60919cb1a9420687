import t from 'tap'
import { build, DISK, fails, ok, UNKNOWN_ID } from '../../helper.js'
import { diskOf, IMMEDIATE_DISKS } from './support.js'

t.test('CHANGING with the new size, then back to the status before', async t => {
  const { app, clock } = await build(t, { lifecycle: { 'disk.change': { kind: 'after', ms: 3000 } } })
  await ok(t, app, 'ResizeDisk', { diskId: DISK.webData, diskSize: 150 })
  await ok(t, app, 'ResizeDisk', { diskId: DISK.spare, diskSize: 32768 }, { version: '2024-04-01' })
  t.match(await diskOf(t, app, DISK.webData), { diskStatus: 'CHANGING', diskSize: 150 })
  clock.advance(3000)
  t.match(await diskOf(t, app, DISK.webData), { diskStatus: 'IN_USE', diskSize: 150, instanceId: '1300000000000000001' }, 'online expansion keeps it attached')
  t.match(await diskOf(t, app, DISK.spare), { diskStatus: 'AVAILABLE', diskSize: 32768 })
})

t.test('refusals', async t => {
  const { app } = await build(t, { lifecycle: IMMEDIATE_DISKS })
  await fails(t, app, 'ResizeDisk', { diskId: UNKNOWN_ID, diskSize: 300 }, 404, 'INVALID_DISK_NOT_FOUND')
  const same = await fails(t, app, 'ResizeDisk', { diskId: DISK.spare, diskSize: 200 }, 400, 'INVALID_PARAMETER_VALUE')
  t.match(same.message, /`diskSize`.*greater/)
  await fails(t, app, 'ResizeDisk', { diskId: DISK.spare, diskSize: 100 }, 400, 'INVALID_PARAMETER_VALUE')
  await fails(t, app, 'ResizeDisk', { diskId: DISK.spare, diskSize: 32769 }, 400, 'INVALID_PARAMETER_EXCEED_MAXIMUM')
  for (const diskId of [DISK.creating, DISK.changing, DISK.recycled, DISK.failed, DISK.attaching]) {
    await fails(t, app, 'ResizeDisk', { diskId, diskSize: 1000 }, 400, 'UNSUPPORTED_OPERATION_DISK_STATUS')
  }
  t.equal((await diskOf(t, app, DISK.spare))?.diskSize, 200, 'nothing was written')
})

t.test('failNext: the resize ends FAILED', async t => {
  const { app } = await build(t, { lifecycle: IMMEDIATE_DISKS })
  app.runtime.lifecycle.failNext('disk.change', 1)
  await ok(t, app, 'ResizeDisk', { diskId: DISK.spare, diskSize: 300 })
  t.equal((await diskOf(t, app, DISK.spare))?.diskStatus, 'FAILED')
})
