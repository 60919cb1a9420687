import t from 'tap'
import { build, fails, ok, UNKNOWN_ID } from '../../helper.js'
import { INSTANCE } from '../disks/support.js'

t.test('each instance with its status, paged, in both versions', async t => {
  const { app } = await build(t)
  const res = await ok(t, app, 'DescribeInstancesStatus', { instanceIds: [INSTANCE.web, INSTANCE.db, UNKNOWN_ID] })
  t.same(res.dataSet.sort((a: any, b: any) => a.instanceId.localeCompare(b.instanceId)), [
    { instanceId: INSTANCE.web, instanceStatus: 'RUNNING' },
    { instanceId: INSTANCE.db, instanceStatus: 'STOPPED' }
  ])
  const page = await ok(t, app, 'DescribeInstancesStatus', { pageSize: 1 }, { version: '2024-04-01' })
  t.same([page.totalCount, page.dataSet.length], [3, 1])
  t.equal((await ok(t, app, 'DescribeInstancesStatus', { resourceGroupId: '2d9e7f10-6a3b-4e8c-b5d4-7c1f0e9a8b32' })).totalCount, 1)
  await fails(t, app, 'DescribeInstancesStatus', { pageSize: 1001 }, 400, 'INVALID_PARAMETER_EXCEED_MAXIMUM')
})
