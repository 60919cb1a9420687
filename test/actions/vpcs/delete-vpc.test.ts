import t from 'tap'
import { build, fails, ok, UNKNOWN_ID } from '../../helper.js'
import { NET, newSubnet, newVpc } from '../network-support.js'

t.test('deletes an empty VPC (2024-04-01, as Terraform calls it); a VPC with subnets is refused', async t => {
  const { app } = await build(t)
  const vpcId = await newVpc(t, app)
  const subnetId = await newSubnet(t, app, vpcId)
  const body = await fails(t, app, 'DeleteVpc', { vpcId }, 400, 'OPERATION_DENIED_VPC_EXIST_SUBNET_ASSIGN', { version: '2024-04-01' })
  t.match(body.message, new RegExp(subnetId))
  await fails(t, app, 'DeleteVpc', { vpcId: NET.vpc }, 400, 'OPERATION_DENIED_VPC_EXIST_SUBNET_ASSIGN')
  await ok(t, app, 'DeleteSubnet', { subnetId }, { version: '2024-04-01' })
  await ok(t, app, 'DeleteVpc', { vpcId }, { version: '2024-04-01' })
  t.equal((await ok(t, app, 'DescribeVpcs', { vpcIds: [vpcId] })).totalCount, 0)
  await fails(t, app, 'DeleteVpc', { vpcId }, 404, 'INVALID_VPC_NOT_FOUND', { version: '2024-04-01' })
  await fails(t, app, 'DeleteVpc', { vpcId: UNKNOWN_ID }, 404, 'INVALID_VPC_NOT_FOUND')
  await fails(t, app, 'DeleteVpc', {}, 400, 'MISSING_PARAMETER')
})
