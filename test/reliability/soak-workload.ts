/**
 * The soak's workload, one sequence per family of actions. Each sequence makes its own resources,
 * drives every action of its family over them with valid input, and destroys all it made (disks,
 * snapshots, policies; instances released twice, subnets, security groups and VPCs deleted, tags
 * removed), so the soak's RSS check measures leaks, not growing state, and every account ends with
 * exactly its fixtures. Each call is answered, never thrown: a refusal is tallied by the soak and
 * the sequence goes on with whatever it did get.
 */
import type { Version } from '../../src/actions/define-action.js'

/** One call as one account: the answer's `response` on a 200, else undefined. */
export type Call = (action: string, input: object, version: Version) => Promise<any>

const ZONE = 'asia-east-1a'
const REGION = 'asia-east-1'
const STAGING = '2d9e7f10-6a3b-4e8c-b5d4-7c1f0e9a8b32'

/** The transitions the sequences wait on, immediate so that a sequence never polls. */
export const IMMEDIATE_TRANSITIONS = [
  'disk.create', 'disk.attach', 'disk.detach', 'disk.change', 'disk.rollback', 'disk.recycle', 'disk.delete',
  'snapshot.create', 'snapshot.rollback', 'snapshot.delete',
  'instance.create', 'instance.deploy', 'instance.boot', 'instance.stop', 'instance.reboot', 'instance.reset', 'instance.recycle', 'instance.release'
]

const zecTime = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z')

/** Zones, disks, snapshots and policies: one disk made, used (attached to the fixture instances) and destroyed. */
export async function diskSequence (call: Call, version: Version, name: string, instances: string[]): Promise<void> {
  await call('DescribeZones', {}, version)
  await call('DescribeDiskRegions', {}, version)
  await call('DescribeDiskCategory', { zoneId: ZONE }, version)
  await call('InquiryPriceCreateDisks', { zoneId: ZONE, diskSize: 40 }, version)
  const diskId = (await call('CreateDisks', { zoneId: ZONE, diskName: name, diskSize: 20 }, version))?.diskIds?.[0] as string | undefined
  if (diskId === undefined) return
  await call('DescribeDisks', { diskIds: [diskId] }, version)
  await call('DescribeDisks', { diskName: '^s\\d' }, version)
  await call('ModifyDisksAttributes', { diskIds: [diskId], diskName: name + '-renamed' }, version)
  await call('ModifyDisksResourceGroup', { diskIds: [diskId], resourceGroupId: STAGING }, version)
  await call('InquiryPriceResizeDisk', { diskId, diskSize: 30 }, version)
  await call('ResizeDisk', { diskId, diskSize: 30 }, version)
  await call('AttachDisks', { diskIds: [diskId], instanceId: instances[0] }, version)
  const snapshotId = (await call('CreateSnapshot', { diskId, snapshotName: name }, version))?.snapshotId as string | undefined
  await call('DescribeSnapshots', snapshotId === undefined ? {} : { snapshotIds: [snapshotId] }, version)
  if (snapshotId !== undefined) await call('ModifySnapshotsAttribute', { snapshotIds: [snapshotId], snapshotName: name + '-x' }, version)
  await call('ChangeDisksAttach', { diskIds: [diskId], instanceId: instances[1] }, version)
  await call('DetachDisks', { diskIds: [diskId], instanceCheckFlag: false }, version)
  if (snapshotId !== undefined) await call('ApplySnapshot', { snapshotId, diskId }, version)
  const end = new Date(Date.now() - 60_000)
  const start = new Date(end.getTime() - 3_600_000)
  await call('DescribeDiskMonitorData', { diskId, metricType: 'DISK_READ_OPS', startTime: zecTime(start), endTime: zecTime(end) }, version)
  const n = Number(/\d+$/.exec(name)?.[0] ?? 0)
  const policyId = (await call('CreateAutoSnapshotPolicy', { zoneId: ZONE, autoSnapshotPolicyName: name, repeatWeekDays: [1 + (n % 7)], hours: [n % 24] }, version))?.autoSnapshotPolicyId as string | undefined
  if (policyId !== undefined) {
    await call('ApplyAutoSnapshotPolicy', { autoSnapshotPolicyId: policyId, diskIds: [diskId] }, version)
    await call('DescribeAutoSnapshotPolicies', { autoSnapshotPolicyIds: [policyId] }, version)
    await call('ModifyAutoSnapshotPolicy', { autoSnapshotPolicyId: policyId, retentionDays: 3 }, version)
    // A policy is a resource with tags and a resource group too (zrm and user).
    await call('ModifyResourceTags', { resourceUuid: policyId, replaceTags: [{ key: 'soak', value: name }] }, version)
    await call('ModifyResourceTags', { resourceUuid: policyId, deleteTagKeys: ['soak'] }, version)
    await call('CancelAutoSnapshotPolicy', { autoSnapshotPolicyId: policyId, diskIds: [diskId] }, version)
    await call('DeleteAutoSnapshotPolicies', { autoSnapshotPolicyIds: [policyId] }, version)
  }
  if (snapshotId !== undefined) await call('DeleteSnapshots', { snapshotIds: [snapshotId] }, version)
  // Recycle, renew out of the bin, recycle again, destroy.
  await call('ReleaseDisk', { diskId }, version)
  await call('RenewDisk', { diskId }, version)
  await call('ReleaseDisk', { diskId }, version)
  await call('ReleaseDisk', { diskId }, version)
  // A refused call now and then, which must cost nothing either.
  await call('DescribeDisks', { diskIds: 'not-a-list' }, version)
}

/**
 * Images, instance types, VPCs, subnets, security groups, instances, tags and resource groups: a
 * VPC with a subnet and a group of its own, one instance in it taken through every status change
 * Terraform makes, then everything destroyed in the order the dependencies demand (the instance
 * first, then the subnet, the group it held, the VPC).
 */
export async function networkSequence (call: Call, version: Version, name: string): Promise<void> {
  await call('DescribeImages', { zoneId: ZONE }, version)
  await call('DescribeZoneInstanceConfigInfos', { zoneId: ZONE }, version)
  await call('InquiryPriceCreateInstance', { zoneId: ZONE, instanceType: 'z2a.cpu.1', systemDisk: { diskSize: 40 } }, version)
  // Every VPC of every worker has the same range: VPCs are separate networks, so ranges may repeat.
  const vpcId = (await call('CreateVpc', { name, cidrBlock: '192.168.0.0/16', mtu: 1500, tags: { tags: [{ key: 'soak', value: name }] } }, version))?.vpcId as string | undefined
  if (vpcId === undefined) return
  await call('DescribeVpcs', { vpcIds: [vpcId] }, version)
  await call('ModifyVpcAttribute', { vpcId, vpcName: name + '-renamed' }, version)
  await call('ModifyResourceTags', { resourceUuid: vpcId, replaceTags: [{ key: 'team', value: 'soak' }], deleteTagKeys: ['soak'] }, version)
  const groupId = (await call('CreateSecurityGroup', { securityGroupName: name, ruleInfos: [{ direction: 'ingress', policy: 'accept', ipProtocol: 'tcp', portRange: '22', cidrIp: '0.0.0.0/0' }] }, version))?.securityGroupId as string | undefined
  if (groupId !== undefined) {
    await call('DescribeSecurityGroups', { securityGroupIds: [groupId] }, version)
    await call('ModifySecurityGroupsAttribute', { securityGroupIds: [groupId], securityGroupName: name + '-x' }, version)
  }
  const subnetId = (await call('CreateSubnet', { vpcId, regionId: REGION, name, cidrBlock: '192.168.1.0/24', stackType: 'IPv4' }, version))?.subnetId as string | undefined
  if (subnetId !== undefined) {
    await call('DescribeSubnets', { subnetIds: [subnetId] }, version)
    await call('ModifySubnetAttribute', { subnetId, subnetName: name + '-renamed' }, version)
    await instanceSequence(call, version, name, subnetId, vpcId, groupId)
    await call('DeleteSubnet', { subnetId }, version)
  }
  if (groupId !== undefined) await call('DeleteSecurityGroup', { securityGroupId: groupId }, version)
  await call('ModifyResourceTags', { resourceUuid: vpcId, deleteTagKeys: ['team'] }, version)
  await call('DeleteVpc', { vpcId }, version)
}

/** One instance in `subnetId`, through every instance action, released twice (to the bin, then gone). */
async function instanceSequence (call: Call, version: Version, name: string, subnetId: string, vpcId: string, groupId: string | undefined): Promise<void> {
  const made = await call('CreateZecInstances', {
    zoneId: ZONE,
    instanceType: 'z2a.cpu.1',
    imageId: 'ubuntu-22.04',
    instanceName: name,
    instanceCount: 1,
    systemDisk: { diskSize: 20 },
    dataDisks: [{ diskSize: 20, diskAmount: 1 }],
    subnetId,
    enableAgent: true,
    password: 'Passw0rd!x',
    tags: { tags: [{ key: 'soak', value: name }] }
  }, version)
  const instanceId = made?.instanceIdSet?.[0] as string | undefined
  if (instanceId === undefined) return
  const instanceIds = [instanceId]
  const described = await call('DescribeInstances', { instanceIds }, version)
  await call('DescribeInstances', { zoneId: ZONE, name: '^s\\d' }, version)
  await call('DescribeInstancesStatus', { instanceIds }, version)
  await call('ModifyInstancesAttribute', { instanceIds, instanceName: name + '-renamed' }, version)
  await call('ModifyResourceTags', { resourceUuid: instanceId, replaceTags: [{ key: 'soak', value: 'renamed' }, { key: 'team', value: 'soak' }] }, version)
  await call('AddResourceResourceGroup', { resources: [instanceId, vpcId], resourceGroupId: STAGING }, version)
  const nicId = described?.dataSet?.[0]?.nics?.find((n: { nicType: string }) => n.nicType === 'Primary')?.nicId as string | undefined
  // Onto the worker's own group, so the group is in use (and its delete must wait for the release).
  if (nicId !== undefined && groupId !== undefined) await call('ModifyNetworkInterfaceAttribute', { nicId, securityGroupId: groupId, name: 'eth-' + name }, version)
  await call('StartIpForward', { instanceId }, version)
  await call('StopIpForward', { instanceId }, version)
  await call('RebootInstances', { instanceIds }, version)
  await call('ResetInstancePassword', { instanceId, password: 'Passw0rd!y' }, version)
  await call('StopInstances', { instanceIds }, version)
  await call('ResetInstance', { instanceId, imageId: 'debian-12', password: 'Passw0rd!z', enableAgent: true }, version)
  await call('StopInstances', { instanceIds, forceShutdown: true }, version)
  await call('StartInstances', { instanceIds }, version)
  await call('ModifyResourceTags', { resourceUuid: instanceId, deleteTagKeys: ['soak', 'team'] }, version)
  await call('ReleaseInstances', { instanceIds }, version)
  await call('ReleaseInstances', { instanceIds }, version)
}
