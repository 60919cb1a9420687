import t from 'tap'
import { build, fails, ok, UNKNOWN_ID } from '../../helper.js'
import { INSTANCE } from '../disks/support.js'
import { instanceOf, NET } from '../network-support.js'

t.test('the Primary NIC Terraform finds in nics[] takes a new security group and name (2025-09-01 only)', async t => {
  const { app } = await build(t)
  const nic = (await instanceOf(t, app, INSTANCE.web))?.nics.find((n: any) => n.nicType === 'Primary')
  await ok(t, app, 'ModifyNetworkInterfaceAttribute', { nicId: nic.nicId, securityGroupId: NET.defaultGroup, name: 'eth-main' })
  t.match(await instanceOf(t, app, INSTANCE.web), { securityGroupId: NET.defaultGroup, nics: [{ name: 'eth-main', securityGroupId: NET.defaultGroup }] })
  await fails(t, app, 'ModifyNetworkInterfaceAttribute', { nicId: UNKNOWN_ID, securityGroupId: NET.defaultGroup }, 404, 'INVALID_NIC_NOT_FOUND')
  await fails(t, app, 'ModifyNetworkInterfaceAttribute', { nicId: nic.nicId, securityGroupId: UNKNOWN_ID }, 404, 'INVALID_SECURITY_GROUP_NOT_FOUND')
  await fails(t, app, 'ModifyNetworkInterfaceAttribute', { nicId: nic.nicId, securityGroupId: NET.webGroup }, 403, 'AUTHFAILURE_UNAUTHORIZED_OPERATION', { version: '2024-04-01' })
})
