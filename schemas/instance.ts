/**
 * InstanceInfo as DescribeInstances returns it (zec-api.md §4, zec-instances.md). Every field is
 * present: Terraform dereferences `status`, `enableAgent`, `enableIpForward` and the Primary NIC
 * without nil checks. Fields the emulator does not model (public IPv6, placement, load
 * balancers) answer with empty values.
 */
import { Type, type Static } from '@sinclair/typebox'
import { Nullable, ResourceGroupInfo, Tags } from './common.js'

export const INSTANCE_STATUSES = ['DEPLOYING', 'REBUILDING', 'REBOOT', 'RUNNING', 'STOPPED', 'BOOTING', 'RELEASING', 'STOPPING', 'RECYCLE', 'RECYCLING', 'CREATE_FAILED', 'IMAGING', 'RESIZING', 'PENDING', 'REINSTALL_FAILED'] as const

export const SystemDisk = Type.Object({
  diskId: Type.String(),
  diskSize: Type.Integer(),
  diskCategory: Type.String(),
  burstingEnabled: Type.Boolean()
})

export const DataDisk = Type.Object({
  diskId: Type.String(),
  diskName: Type.String(),
  diskSize: Type.Integer(),
  diskAmount: Type.Integer(),
  portable: Type.Boolean(),
  burstingEnabled: Type.Boolean(),
  diskCategory: Type.String()
})

export const NicInfo = Type.Object({
  nicId: Type.String(),
  name: Type.String(),
  status: Type.String(),
  nicType: Type.String(),
  regionId: Type.String(),
  nicSubnetType: Type.String(),
  publicIpList: Type.Array(Type.String()),
  privateIpList: Type.Array(Type.String()),
  primaryIpv4: Type.String(),
  primaryIpv6: Nullable(Type.String()),
  ipv6Cidr: Nullable(Type.String()),
  secondaryIpv4s: Type.Array(Type.String()),
  macAddress: Type.String(),
  instanceId: Type.String(),
  vpcId: Type.String(),
  subnetId: Type.String(),
  createTime: Type.String(),
  updateTime: Type.String(),
  resourceGroup: ResourceGroupInfo,
  securityGroupId: Nullable(Type.String()),
  tags: Tags
})
export type NicInfo = Static<typeof NicInfo>

export const InstanceOptions = Type.Object({ nestedVirtualization: Type.Boolean() })

export const InstanceInfo = Type.Object({
  instanceId: Type.String(),
  instanceName: Type.String(),
  zoneId: Type.String(),
  instanceType: Type.String(),
  cpu: Type.Integer(),
  memory: Type.Integer(),
  imageId: Type.String(),
  imageName: Type.String(),
  timeZone: Type.String(),
  nicNetworkType: Type.String(),
  status: Type.String(),
  systemDisk: Nullable(SystemDisk),
  dataDisks: Type.Array(DataDisk),
  publicIpAddresses: Type.Array(Type.String()),
  privateIpAddresses: Type.Array(Type.String()),
  keyId: Nullable(Type.String()),
  subnetId: Nullable(Type.String()),
  securityGroupId: Nullable(Type.String()),
  enableAgent: Type.Boolean(),
  enableAgentMonitor: Type.Boolean(),
  enableIpForward: Type.Boolean(),
  createTime: Type.String(),
  expiredTime: Nullable(Type.String()),
  resourceGroupId: Type.String(),
  resourceGroupName: Type.String(),
  nics: Type.Array(NicInfo),
  tags: Tags,
  loadBalancerIds: Type.Array(Type.String()),
  placementGroupId: Nullable(Type.String()),
  /** What CreateZecInstances was sent; null when it was sent none (a Terraform plan stays empty). */
  instanceOptions: Nullable(InstanceOptions)
})
export type InstanceInfo = Static<typeof InstanceInfo>

export const InstanceStatusItem = Type.Object({ instanceId: Type.String(), instanceStatus: Type.String() })
