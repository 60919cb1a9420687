import t from 'tap'
import { build, fails, ok, UNKNOWN_ID } from '../../helper.js'
import { IMMEDIATE_INSTANCES, instanceOf, NET, newSubnet, newVpc, TF_INSTANCE } from '../network-support.js'

t.test('PENDING → DEPLOYING → RUNNING; DescribeInstances echoes what Terraform sent', async t => {
  const { app, clock } = await build(t)
  const res = await ok(t, app, 'CreateZecInstances', { ...TF_INSTANCE, tags: { tags: [{ key: 'env', value: 'dev' }] }, resourceGroupId: '2d9e7f10-6a3b-4e8c-b5d4-7c1f0e9a8b32' })
  const [instanceId] = res.instanceIdSet
  t.match(res, { orderNumber: /^\d{19}$/, instances: [{ instanceId, diskIdSet: [/^\d{19}$/] }] })
  t.match(await instanceOf(t, app, instanceId), { status: 'PENDING' })
  clock.advance(2000)
  t.match(await instanceOf(t, app, instanceId), { status: 'DEPLOYING' })
  clock.advance(5000)
  const instance = await instanceOf(t, app, instanceId) as Record<string, any>
  t.match(instance, {
    instanceId,
    status: 'RUNNING',
    zoneId: 'asia-east-1a',
    instanceType: 'z2a.cpu.1',
    cpu: 1,
    memory: 2,
    imageId: 'ubuntu-22.04',
    imageName: 'Ubuntu 22.04 LTS',
    instanceName: 'Terraform-Instance',
    subnetId: NET.hkSubnet,
    securityGroupId: NET.defaultGroup,
    keyId: null,
    enableAgent: true,
    enableIpForward: false,
    instanceOptions: null,
    timeZone: 'Asia/Hong_Kong',
    systemDisk: { diskId: res.instances[0].diskIdSet[0], diskSize: 40, diskCategory: 'Standard NVMe SSD' },
    dataDisks: [],
    privateIpAddresses: ['10.0.0.2'],
    publicIpAddresses: [],
    tags: { tags: [{ key: 'env', value: 'dev' }] },
    resourceGroupId: '2d9e7f10-6a3b-4e8c-b5d4-7c1f0e9a8b32',
    resourceGroupName: 'staging'
  })
  t.match(instance.nics, [{ nicType: 'Primary', subnetId: NET.hkSubnet, vpcId: NET.vpc, primaryIpv4: '10.0.0.2' }])
})

t.test('its system and data disks are real IN_USE disks that DescribeDisks and CreateSnapshot see', async t => {
  const { app } = await build(t, { lifecycle: IMMEDIATE_INSTANCES })
  const res = await ok(t, app, 'CreateZecInstances', { ...TF_INSTANCE, systemDisk: { diskSize: 60, diskCategory: 'Basic NVMe SSD' }, dataDisks: [{ diskSize: 100, diskAmount: 2 }] })
  const [systemId, ...dataIds] = res.instances[0].diskIdSet
  t.equal(dataIds.length, 2)
  const disks = await ok(t, app, 'DescribeDisks', { instanceId: res.instanceIdSet[0] })
  t.equal(disks.totalCount, 3)
  t.match(disks.dataSet.find((d: any) => d.diskId === systemId), { diskType: 'SYSTEM', diskStatus: 'IN_USE', diskSize: 60, diskCategory: 'Basic NVMe SSD', portable: false, instanceName: 'Terraform-Instance' })
  t.match(disks.dataSet.find((d: any) => d.diskId === dataIds[0]), { diskType: 'DATA', diskStatus: 'IN_USE', diskSize: 100, portable: false })
  await ok(t, app, 'CreateSnapshot', { diskId: dataIds[0], snapshotName: 'of-new-data' })
  t.equal((await instanceOf(t, app, res.instanceIdSet[0]))?.dataDisks.length, 2)
})

t.test('several instances take consecutive private IPs; lanIp picks one; instanceOptions and keyId are echoed', async t => {
  const { app } = await build(t, { lifecycle: IMMEDIATE_INSTANCES })
  const many = await ok(t, app, 'CreateZecInstances', { ...TF_INSTANCE, instanceCount: 3 })
  const ips = []
  for (const id of many.instanceIdSet) ips.push((await instanceOf(t, app, id))?.privateIpAddresses[0])
  t.same(ips, ['10.0.0.2', '10.0.0.3', '10.0.0.4'], '.0 is the network, .1 the gateway; .10 and .20 are taken')
  const { password, ...noPassword } = TF_INSTANCE
  const one = await ok(t, app, 'CreateZecInstances', { ...noPassword, keyId: 'key-YWD2QFOl', lanIp: '10.0.0.99', instanceOptions: { nestedVirtualization: true }, timeZone: 'UTC', enableIpForward: true, securityGroupId: NET.webGroup })
  t.match(await instanceOf(t, app, one.instanceIdSet[0]), { privateIpAddresses: ['10.0.0.99'], keyId: 'key-YWD2QFOl', instanceOptions: { nestedVirtualization: true }, timeZone: 'UTC', enableIpForward: true, securityGroupId: NET.webGroup })
})

t.test('a failure injection ends CREATE_FAILED', async t => {
  const { app } = await build(t, { lifecycle: IMMEDIATE_INSTANCES })
  app.runtime.lifecycle.failNext('instance.deploy', 1)
  const id = (await ok(t, app, 'CreateZecInstances', TF_INSTANCE)).instanceIdSet[0]
  t.equal((await instanceOf(t, app, id))?.status, 'CREATE_FAILED')
})

t.test('refusals, each changing nothing', async t => {
  const { app } = await build(t, { lifecycle: IMMEDIATE_INSTANCES })
  await fails(t, app, 'CreateZecInstances', { ...TF_INSTANCE, zoneId: 'nowhere-1a' }, 404, 'INVALID_ZONE_NOT_FOUND')
  await fails(t, app, 'CreateZecInstances', { ...TF_INSTANCE, instanceType: 'z9.huge' }, 404, 'INVALID_INSTANCE_TYPE_NOT_FOUND')
  await fails(t, app, 'CreateZecInstances', { ...TF_INSTANCE, imageId: 'nope' }, 404, 'INVALID_IMAGE_NOT_FOUND')
  await fails(t, app, 'CreateZecInstances', { ...TF_INSTANCE, zoneId: 'asia-southeast-1a', subnetId: NET.sgSubnet, imageId: 'windows-2022' }, 404, 'INVALID_IMAGE_NOT_FOUND')
  await fails(t, app, 'CreateZecInstances', { ...TF_INSTANCE, subnetId: UNKNOWN_ID }, 404, 'INVALID_SUBNET_NOT_FOUND')
  await fails(t, app, 'CreateZecInstances', { ...TF_INSTANCE, subnetId: NET.sgSubnet }, 400, 'INVALID_SUBNET_ZONE_MISMATCH')
  await fails(t, app, 'CreateZecInstances', { ...TF_INSTANCE, securityGroupId: UNKNOWN_ID }, 404, 'INVALID_SECURITY_GROUP_NOT_FOUND')
  await fails(t, app, 'CreateZecInstances', { ...TF_INSTANCE, keyId: 'key-1' }, 400, 'INVALID_PARAMETER_INSTANCE_LOGIN_CONFLICT')
  const { password, ...noLogin } = TF_INSTANCE
  await fails(t, app, 'CreateZecInstances', noLogin, 400, 'MISSING_PARAMETER')
  for (const bad of ['short1!', 'nosymbols123', 'NoDigits!!', 'waytoolongpassword1!']) {
    await fails(t, app, 'CreateZecInstances', { ...TF_INSTANCE, password: bad }, 400, 'INVALID_PARAMETER_VALUE_PASSWORD_MALFORMED')
  }
  await fails(t, app, 'CreateZecInstances', { ...TF_INSTANCE, lanIp: '10.0.0.10' }, 400, 'OPERATION_DENIED_IP_ASSOCIATED_INSTANCE')
  await fails(t, app, 'CreateZecInstances', { ...TF_INSTANCE, lanIp: '10.0.0.1' }, 400, 'INVALID_PARAMETER_LAN_IP_NOT_SUPPORT')
  await fails(t, app, 'CreateZecInstances', { ...TF_INSTANCE, lanIp: '10.0.0.30', instanceCount: 2 }, 400, 'INVALID_PARAMETER_VALUE')
  await fails(t, app, 'CreateZecInstances', { ...TF_INSTANCE, systemDisk: { diskSize: 10 } }, 400, 'INVALID_PARAMETER_LESS_MINIMUM')
  await fails(t, app, 'CreateZecInstances', { ...TF_INSTANCE, dataDisks: [{ diskSize: 20, diskAmount: 10 }, { diskSize: 20, diskAmount: 6 }] }, 400, 'LIMIT_EXCEEDED_INSTANCE_CAN_ATTACH')
  await fails(t, app, 'CreateZecInstances', { ...TF_INSTANCE, instanceName: 'bad name' }, 400, 'INVALID_PARAMETER_PATTERN_ERROR')
  await fails(t, app, 'CreateZecInstances', { ...TF_INSTANCE, resourceGroupId: 'nope' }, 404, 'OPERATION_FAILED_RESOURCE_GROUP_NOT_FOUND')
  const { subnetId, ...noSubnet } = TF_INSTANCE
  await fails(t, app, 'CreateZecInstances', noSubnet, 400, 'MISSING_PARAMETER')
  t.equal((await ok(t, app, 'DescribeInstances', {})).totalCount, 3, 'no instance was created')
  t.equal((await ok(t, app, 'DescribeDisks', {})).totalCount, 13, 'no disk was created')
})

t.test('a full subnet refuses with INVALID_SUBNET_PRIVATE_IP_INSUFFICIENT', async t => {
  const { app } = await build(t, { lifecycle: IMMEDIATE_INSTANCES })
  const vpcId = await newVpc(t, app)
  const subnetId = await newSubnet(t, app, vpcId, { cidrBlock: '192.168.1.0/29' })
  await ok(t, app, 'CreateZecInstances', { ...TF_INSTANCE, subnetId, instanceCount: 5 })
  await fails(t, app, 'CreateZecInstances', { ...TF_INSTANCE, subnetId }, 400, 'INVALID_SUBNET_PRIVATE_IP_INSUFFICIENT')
})

t.test('answers 2024-04-01', async t => {
  const { app } = await build(t, { lifecycle: IMMEDIATE_INSTANCES })
  const res = await ok(t, app, 'CreateZecInstances', TF_INSTANCE, { version: '2024-04-01' })
  t.equal((await ok(t, app, 'DescribeInstances', { instanceIds: res.instanceIdSet }, { version: '2024-04-01' })).dataSet[0].status, 'RUNNING')
})
