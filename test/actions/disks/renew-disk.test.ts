import t from 'tap'
import { build, DISK, fails, ok, UNKNOWN_ID } from '../../helper.js'
import { IMMEDIATE_DISKS, statusOf } from './support.js'

t.test('restores a RECYCLED disk to AVAILABLE at once, in both versions', async t => {
  const { app } = await build(t, { lifecycle: IMMEDIATE_DISKS })
  await ok(t, app, 'RenewDisk', { diskId: DISK.recycled })
  t.equal(await statusOf(t, app, DISK.recycled), 'AVAILABLE')
  await ok(t, app, 'ReleaseDisk', { diskId: DISK.spare })
  await ok(t, app, 'RenewDisk', { diskId: DISK.spare }, { version: '2024-04-01' })
  t.equal(await statusOf(t, app, DISK.spare), 'AVAILABLE', 'a released disk comes back')
})

t.test('refusals', async t => {
  const { app } = await build(t)
  await fails(t, app, 'RenewDisk', { diskId: UNKNOWN_ID }, 404, 'INVALID_DISK_NOT_FOUND')
  await fails(t, app, 'RenewDisk', { diskId: DISK.webSystem }, 400, 'UNSUPPORTED_OPERATION_DISK_SYSTEM_TYPE')
  for (const diskId of [DISK.spare, DISK.webData, DISK.creating, DISK.failed]) {
    await fails(t, app, 'RenewDisk', { diskId }, 400, 'UNSUPPORTED_OPERATION_DISK_STATUS')
  }
})
