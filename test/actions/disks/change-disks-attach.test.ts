import t from 'tap'
import { build, DISK, fails, ok, UNKNOWN_ID } from '../../helper.js'
import { diskOf, IMMEDIATE_DISKS, INSTANCE, newDisk } from './support.js'

const V2024 = { version: '2024-04-01' }

t.test('moves IN_USE disks to another instance through ATTACHING', async t => {
  const { app, clock } = await build(t, { lifecycle: { 'disk.attach': { kind: 'after', ms: 2000 } } })
  await ok(t, app, 'ChangeDisksAttach', { diskIds: [DISK.webData], instanceId: INSTANCE.db }, V2024)
  t.match(await diskOf(t, app, DISK.webData), { diskStatus: 'ATTACHING', instanceId: INSTANCE.db })
  clock.advance(2000)
  t.match(await diskOf(t, app, DISK.webData), { diskStatus: 'IN_USE', instanceId: INSTANCE.db, instanceName: 'db-01' })
})

t.test('exists only in 2024-04-01', async t => {
  const { app } = await build(t)
  const body = await fails(t, app, 'ChangeDisksAttach', { diskIds: [DISK.webData], instanceId: INSTANCE.db }, 403, 'AUTHFAILURE_UNAUTHORIZED_OPERATION')
  t.match(body.message, /2024-04-01/)
})

t.test('the errors of its docs table', async t => {
  const { app } = await build(t, { lifecycle: IMMEDIATE_DISKS })
  const gone = await fails(t, app, 'ChangeDisksAttach', { diskIds: [UNKNOWN_ID], instanceId: INSTANCE.db }, 400, 'INVALID_DISK_NOT_FOUND', V2024)
  t.match(gone.message, UNKNOWN_ID)
  await fails(t, app, 'ChangeDisksAttach', { diskIds: [DISK.webData], instanceId: UNKNOWN_ID }, 404, 'INVALID_INSTANCE_NOT_FOUND', V2024)
  await fails(t, app, 'ChangeDisksAttach', { diskIds: [DISK.webData], instanceId: INSTANCE.web }, 400, 'UNSUPPORTED_OPERATION_DISK_ATTACH_REPEATED', V2024)
  await fails(t, app, 'ChangeDisksAttach', { diskIds: [DISK.webSystem], instanceId: INSTANCE.db }, 400, 'INVALID_DISK_NOT_PORTABLE', V2024)
  await fails(t, app, 'ChangeDisksAttach', { diskIds: [DISK.spare], instanceId: INSTANCE.db }, 400, 'UNSUPPORTED_OPERATION_DISK_STATUS', V2024)
  await fails(t, app, 'ChangeDisksAttach', { diskIds: [DISK.webData], instanceId: INSTANCE.sg }, 400, 'INVALID_DISK_AND_INSTANCE_ZONE_MISMATCHED', V2024)
  const onDb = await newDisk(t, app, { instanceId: INSTANCE.db })
  await fails(t, app, 'ChangeDisksAttach', { diskIds: [DISK.webData, onDb], instanceId: INSTANCE.db }, 400, 'INVALID_PARAMETER_VALUE', V2024)
  app.runtime.store.instances.update(INSTANCE.db, { status: 'BOOTING' })
  await fails(t, app, 'ChangeDisksAttach', { diskIds: [DISK.webData], instanceId: INSTANCE.db }, 400, 'UNSUPPORTED_OPERATION_INSTANCE_STATUS', V2024)
  t.match(await diskOf(t, app, DISK.webData), { diskStatus: 'IN_USE', instanceId: INSTANCE.web }, 'nothing moved')
})
