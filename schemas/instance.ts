/**
 * InstanceInfo as DescribeInstances returns it (zec-api.md §4). Instances come from fixtures, so
 * fields the emulator does not model (networking, agents, placement) are present with empty
 * values: the SDKs decode them, and CSI relies on instanceId, status and zoneId.
 */
import { Type, type Static } from '@sinclair/typebox'
import { Nullable, Tags } from './common.js'

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
  nics: Type.Array(Type.Object({})),
  tags: Tags,
  loadBalancerIds: Type.Array(Type.String()),
  placementGroupId: Nullable(Type.String()),
  /** Not modelled (nested virtualization is a creation option): null, as the SDK models allow. */
  instanceOptions: Nullable(Type.Object({ nestedVirtualization: Type.Boolean() }))
})
export type InstanceInfo = Static<typeof InstanceInfo>

export const InstanceStatusItem = Type.Object({ instanceId: Type.String(), instanceStatus: Type.String() })
