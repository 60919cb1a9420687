import t from 'tap'
import { build, DISK, ok, UNKNOWN_ID } from '../../helper.js'
import { IMMEDIATE_DISKS, INSTANCE } from '../disks/support.js'

t.test('fixture instances with their system and data disks', async t => {
  const { app } = await build(t)
  const res = await ok(t, app, 'DescribeInstances', { instanceIds: [INSTANCE.web] })
  t.equal(res.totalCount, 1)
  t.match(res.dataSet[0], {
    instanceId: INSTANCE.web,
    instanceName: 'web-01',
    zoneId: 'asia-east-1a',
    status: 'RUNNING',
    instanceType: 'z2a.cpu.2',
    cpu: 2,
    memory: 4,
    imageId: 'ubuntu-22.04',
    timeZone: 'Asia/Hong_Kong',
    publicIpAddresses: ['203.0.113.10'],
    systemDisk: { diskId: DISK.webSystem, diskSize: 40, diskCategory: 'Standard NVMe SSD', burstingEnabled: false },
    resourceGroupName: 'Default Resource Group',
    tags: { tags: [] }
  })
  t.same(res.dataSet[0].dataDisks.map((d: any) => d.diskId).sort(), [DISK.webData, DISK.attaching])
})

t.test('attach and detach show up in dataDisks', async t => {
  const { app } = await build(t, { lifecycle: IMMEDIATE_DISKS })
  const dataOf = async () => (await ok(t, app, 'DescribeInstances', { instanceIds: [INSTANCE.sg] }, { version: '2024-04-01' })).dataSet[0].dataDisks.map((d: any) => d.diskId)
  t.same(await dataOf(), [])
  await ok(t, app, 'AttachDisks', { diskIds: [DISK.sgData], instanceId: INSTANCE.sg })
  t.same(await dataOf(), [DISK.sgData])
  await ok(t, app, 'DetachDisks', { diskIds: [DISK.sgData], instanceCheckFlag: false })
  t.same(await dataOf(), [])
})

t.test('filters, ANDed, and paging', async t => {
  const { app } = await build(t)
  const ids = async (input: object) => (await ok(t, app, 'DescribeInstances', input)).dataSet.map((i: any) => i.instanceId).sort()
  t.same(await ids({}), [INSTANCE.web, INSTANCE.db, INSTANCE.sg])
  t.same(await ids({ instanceIds: [UNKNOWN_ID] }), [])
  t.same(await ids({ zoneId: 'asia-east-1a' }), [INSTANCE.web, INSTANCE.db])
  t.same(await ids({ status: 'STOPPED' }), [INSTANCE.db])
  t.same(await ids({ name: '^sg-' }), [INSTANCE.sg])
  t.same(await ids({ imageId: 'debian-12' }), [INSTANCE.db])
  t.same(await ids({ ipv4Address: '10.0.0.10' }), [INSTANCE.web])
  t.same(await ids({ resourceGroupId: '2d9e7f10-6a3b-4e8c-b5d4-7c1f0e9a8b32' }), [INSTANCE.sg])
  t.same(await ids({ ipv6Address: '2001:db8::1' }), [], 'no instance has IPv6')
  t.same(await ids({ tagKeys: ['env'] }), [], 'no instance has tags')
  t.same(await ids({ zoneId: 'asia-east-1a', status: 'RUNNING' }), [INSTANCE.web])
  const page = await ok(t, app, 'DescribeInstances', { pageSize: 2, pageNum: 2 })
  t.same([page.totalCount, page.dataSet.length], [3, 1])
})

t.test('fixture instances live in the demo subnets, each with a Primary NIC', async t => {
  const { app } = await build(t)
  const [web] = (await ok(t, app, 'DescribeInstances', { instanceIds: [INSTANCE.web] })).dataSet
  t.match(web, { subnetId: '1710000000000000001', securityGroupId: '1720000000000000002', enableAgent: true, enableIpForward: false, keyId: null, instanceOptions: null })
  t.equal(web.nics.length, 1)
  t.match(web.nics[0], { nicId: '1800000000000000001', nicType: 'Primary', vpcId: '1700000000000000001', subnetId: '1710000000000000001', regionId: 'asia-east-1', primaryIpv4: '10.0.0.10', privateIpList: ['10.0.0.10'], securityGroupId: '1720000000000000002', macAddress: /^02:5a(:[0-9a-f]{2}){4}$/ })
})
