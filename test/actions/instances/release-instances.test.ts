import t from 'tap'
import { build, DISK, fails, ok, UNKNOWN_ID } from '../../helper.js'
import { INSTANCE } from '../disks/support.js'
import { IMMEDIATE_INSTANCES, instanceOf, newInstance, TF_INSTANCE } from '../network-support.js'

t.test('first call: RECYCLING → RECYCLE; second: RELEASING → gone, as Terraform force_delete waits for', async t => {
  const { app, clock } = await build(t)
  await ok(t, app, 'ReleaseInstances', { instanceIds: [INSTANCE.web] }, { version: '2024-04-01' })
  t.equal((await instanceOf(t, app, INSTANCE.web))?.status, 'RECYCLING')
  await fails(t, app, 'ReleaseInstances', { instanceIds: [INSTANCE.web] }, 400, 'OPERATION_DENIED_INSTANCE_RECYCLED')
  clock.advance(2000)
  t.equal((await instanceOf(t, app, INSTANCE.web))?.status, 'RECYCLE')
  const disks = await ok(t, app, 'DescribeDisks', { diskIds: [DISK.webSystem, DISK.webData, DISK.attaching] })
  const status = Object.fromEntries(disks.dataSet.map((d: any) => [d.diskId, [d.diskStatus, d.instanceId]]))
  t.same(status[DISK.webSystem], ['RECYCLED', INSTANCE.web], 'the system disk goes to the recycle bin with it')
  t.same(status[DISK.webData], ['AVAILABLE', ''], 'a portable data disk is detached')
  await ok(t, app, 'ReleaseInstances', { instanceIds: [INSTANCE.web] }, { version: '2024-04-01' })
  t.equal((await instanceOf(t, app, INSTANCE.web))?.status, 'RELEASING')
  clock.advance(2000)
  t.equal((await ok(t, app, 'DescribeInstances', { instanceIds: [INSTANCE.web] })).totalCount, 0)
  t.equal((await ok(t, app, 'DescribeDisks', { diskIds: [DISK.webSystem] })).totalCount, 0, 'the system disk is destroyed with it')
  t.equal((await ok(t, app, 'DescribeDisks', { diskIds: [DISK.webData] })).totalCount, 1, 'the detached data disk stays')
  await fails(t, app, 'ReleaseInstances', { instanceIds: [INSTANCE.web] }, 404, 'INVALID_INSTANCE_NOT_FOUND')
})

t.test('data disks created with the instance die with it; the recycle bin keeps an instance a day', async t => {
  const { app, clock } = await build(t, { lifecycle: IMMEDIATE_INSTANCES })
  const res = await ok(t, app, 'CreateZecInstances', { ...TF_INSTANCE, dataDisks: [{ diskSize: 50 }] })
  const [id] = res.instanceIdSet
  await ok(t, app, 'ReleaseInstances', { instanceIds: [id] })
  t.same((await ok(t, app, 'DescribeDisks', { instanceId: id })).dataSet.map((d: any) => d.diskStatus), ['RECYCLED', 'RECYCLED'])
  clock.advance(24 * 3_600_000)
  t.equal((await ok(t, app, 'DescribeInstances', { instanceIds: [id] })).totalCount, 0)
  t.equal((await ok(t, app, 'DescribeDisks', { diskIds: res.instances[0].diskIdSet })).totalCount, 0)
})

t.test('a CREATE_FAILED instance is destroyed by the first call; refusals', async t => {
  const { app } = await build(t, { lifecycle: IMMEDIATE_INSTANCES })
  app.runtime.lifecycle.failNext('instance.create', 1)
  const failed = await newInstance(t, app)
  t.equal((await instanceOf(t, app, failed))?.status, 'CREATE_FAILED')
  await ok(t, app, 'ReleaseInstances', { instanceIds: [failed] })
  t.equal(await instanceOf(t, app, failed), undefined)
  await fails(t, app, 'ReleaseInstances', { instanceIds: [INSTANCE.db, UNKNOWN_ID] }, 404, 'INVALID_INSTANCE_NOT_FOUND')
  app.runtime.store.instances.update(INSTANCE.sg, { status: 'BOOTING' })
  await fails(t, app, 'ReleaseInstances', { instanceIds: [INSTANCE.db, INSTANCE.sg] }, 400, 'OPERATION_DENIED_INSTANCE_STATUS')
  t.equal((await instanceOf(t, app, INSTANCE.db))?.status, 'STOPPED', 'all or nothing')
})
