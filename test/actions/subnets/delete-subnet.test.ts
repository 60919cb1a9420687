import t from 'tap'
import { build, fails, ok, UNKNOWN_ID } from '../../helper.js'
import { IMMEDIATE_INSTANCES, NET, newInstance, newSubnet, newVpc } from '../network-support.js'

t.test('a subnet is deleted once no instance lives in it, not even in the recycle bin', async t => {
  const { app } = await build(t, { lifecycle: IMMEDIATE_INSTANCES })
  const vpcId = await newVpc(t, app)
  const subnetId = await newSubnet(t, app, vpcId)
  const instanceId = await newInstance(t, app, { subnetId })
  await fails(t, app, 'DeleteSubnet', { subnetId }, 400, 'OPERATION_DENIED_SUBNET_EXIST_INSTANCE', { version: '2024-04-01' })
  app.runtime.lifecycle.setPolicy('instance.expire', { kind: 'manual' })
  await ok(t, app, 'ReleaseInstances', { instanceIds: [instanceId] })
  const body = await fails(t, app, 'DeleteSubnet', { subnetId }, 400, 'OPERATION_DENIED_SUBNET_EXIST_INSTANCE')
  t.match(body.message, /RECYCLE/)
  await ok(t, app, 'ReleaseInstances', { instanceIds: [instanceId] })
  await ok(t, app, 'DeleteSubnet', { subnetId }, { version: '2024-04-01' })
  t.equal((await ok(t, app, 'DescribeSubnets', { subnetIds: [subnetId] })).totalCount, 0)
  await fails(t, app, 'DeleteSubnet', { subnetId }, 404, 'OPERATION_FAILED_RESOURCE_NOT_FOUND', { version: '2024-04-01' })
})

t.test('refusals', async t => {
  const { app } = await build(t)
  await fails(t, app, 'DeleteSubnet', { subnetId: NET.hkSubnet }, 400, 'OPERATION_DENIED_SUBNET_EXIST_INSTANCE')
  await fails(t, app, 'DeleteSubnet', { subnetId: UNKNOWN_ID }, 404, 'OPERATION_FAILED_RESOURCE_NOT_FOUND')
  await fails(t, app, 'DeleteSubnet', {}, 400, 'MISSING_PARAMETER')
})
