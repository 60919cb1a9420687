/**
 * THE registry: every action the emulator answers, per service (zec, zrm, user), in the order of
 * the API reference. Adding an action = one file under src/actions/<resource>/ and one line
 * here; the registry test fails when a file is not listed.
 */
import { API_VERSIONS, NEWEST_VERSION } from '../../schemas/common.js'
import type { ActionDefinition, ServiceName, Version } from './define-action.js'
import attachDisks from './disks/attach-disks.js'
import changeDisksAttach from './disks/change-disks-attach.js'
import createDisks from './disks/create-disks.js'
import describeDiskCategory from './disks/describe-disk-category.js'
import describeDiskMonitorData from './disks/describe-disk-monitor-data.js'
import describeDiskRegions from './disks/describe-disk-regions.js'
import describeDisks from './disks/describe-disks.js'
import detachDisks from './disks/detach-disks.js'
import inquiryPriceCreateDisks from './disks/inquiry-price-create-disks.js'
import inquiryPriceResizeDisk from './disks/inquiry-price-resize-disk.js'
import modifyDisksAttributes from './disks/modify-disks-attributes.js'
import modifyDisksResourceGroup from './disks/modify-disks-resource-group.js'
import releaseDisk from './disks/release-disk.js'
import renewDisk from './disks/renew-disk.js'
import resizeDisk from './disks/resize-disk.js'
import describeInstances from './instances/describe-instances.js'
import describeInstancesStatus from './instances/describe-instances-status.js'
import applyAutoSnapshotPolicy from './policies/apply-auto-snapshot-policy.js'
import cancelAutoSnapshotPolicy from './policies/cancel-auto-snapshot-policy.js'
import createAutoSnapshotPolicy from './policies/create-auto-snapshot-policy.js'
import deleteAutoSnapshotPolicies from './policies/delete-auto-snapshot-policies.js'
import describeAutoSnapshotPolicies from './policies/describe-auto-snapshot-policies.js'
import modifyAutoSnapshotPolicy from './policies/modify-auto-snapshot-policy.js'
import applySnapshot from './snapshots/apply-snapshot.js'
import createSnapshot from './snapshots/create-snapshot.js'
import deleteSnapshots from './snapshots/delete-snapshots.js'
import describeSnapshots from './snapshots/describe-snapshots.js'
import modifySnapshotsAttribute from './snapshots/modify-snapshots-attribute.js'
import describeZones from './zones/describe-zones.js'
import describeImages from './images/describe-images.js'
import createZecInstances from './instances/create-zec-instances.js'
import describeZoneInstanceConfigInfos from './instances/describe-zone-instance-config-infos.js'
import inquiryPriceCreateInstance from './instances/inquiry-price-create-instance.js'
import modifyInstancesAttribute from './instances/modify-instances-attribute.js'
import modifyNetworkInterfaceAttribute from './instances/modify-network-interface-attribute.js'
import rebootInstances from './instances/reboot-instances.js'
import releaseInstances from './instances/release-instances.js'
import resetInstance from './instances/reset-instance.js'
import resetInstancePassword from './instances/reset-instance-password.js'
import startInstances from './instances/start-instances.js'
import startIpForward from './instances/start-ip-forward.js'
import stopInstances from './instances/stop-instances.js'
import stopIpForward from './instances/stop-ip-forward.js'
import createSecurityGroup from './security-groups/create-security-group.js'
import deleteSecurityGroup from './security-groups/delete-security-group.js'
import describeSecurityGroups from './security-groups/describe-security-groups.js'
import modifySecurityGroupsAttribute from './security-groups/modify-security-groups-attribute.js'
import createSubnet from './subnets/create-subnet.js'
import deleteSubnet from './subnets/delete-subnet.js'
import describeSubnets from './subnets/describe-subnets.js'
import modifySubnetAttribute from './subnets/modify-subnet-attribute.js'
import addResourceResourceGroup from './user/add-resource-resource-group.js'
import createVpc from './vpcs/create-vpc.js'
import deleteVpc from './vpcs/delete-vpc.js'
import describeVpcs from './vpcs/describe-vpcs.js'
import modifyVpcAttribute from './vpcs/modify-vpc-attribute.js'
import modifyResourceTags from './zrm/modify-resource-tags.js'

const ZEC_ACTIONS = [
  describeZones,
  describeZoneInstanceConfigInfos,
  describeImages,
  inquiryPriceCreateInstance,
  createZecInstances,
  describeInstances,
  describeInstancesStatus,
  startInstances,
  stopInstances,
  rebootInstances,
  modifyInstancesAttribute,
  resetInstance,
  resetInstancePassword,
  startIpForward,
  stopIpForward,
  modifyNetworkInterfaceAttribute,
  releaseInstances,
  createVpc,
  describeVpcs,
  modifyVpcAttribute,
  deleteVpc,
  createSubnet,
  describeSubnets,
  modifySubnetAttribute,
  deleteSubnet,
  createSecurityGroup,
  describeSecurityGroups,
  modifySecurityGroupsAttribute,
  deleteSecurityGroup,
  describeDiskRegions,
  describeDiskCategory,
  inquiryPriceCreateDisks,
  describeDisks,
  createDisks,
  attachDisks,
  detachDisks,
  changeDisksAttach,
  modifyDisksAttributes,
  resizeDisk,
  releaseDisk,
  renewDisk,
  modifyDisksResourceGroup,
  describeDiskMonitorData,
  inquiryPriceResizeDisk,
  describeSnapshots,
  createSnapshot,
  modifySnapshotsAttribute,
  applySnapshot,
  deleteSnapshots,
  createAutoSnapshotPolicy,
  describeAutoSnapshotPolicies,
  applyAutoSnapshotPolicy,
  cancelAutoSnapshotPolicy,
  modifyAutoSnapshotPolicy,
  deleteAutoSnapshotPolicies
] as unknown as ActionDefinition[]

/** A service on the wire: its path, the versions it answers and its actions by name. */
export interface Service {
  name: ServiceName
  path: string
  versions: readonly Version[]
  newest: Version
  actions: ReadonlyMap<string, ActionDefinition>
}

const service = (name: ServiceName, versions: readonly Version[], actions: readonly ActionDefinition[]): Service =>
  ({ name, path: `/api/v2/${name}`, versions, newest: versions[0], actions: new Map(actions.map(a => [a.name, a])) })

/**
 * Every service the emulator answers, keyed by path: zec, and the two others a ZEC client
 * touches (Terraform changes tags through zrm and resource groups through user).
 */
export const SERVICES: readonly Service[] = [
  { ...service('zec', API_VERSIONS, ZEC_ACTIONS), newest: NEWEST_VERSION },
  service('zrm', ['2025-10-14'], [modifyResourceTags as unknown as ActionDefinition]),
  service('user', ['2024-05-29'], [addResourceResourceGroup as unknown as ActionDefinition])
]

export const ACTIONS: readonly ActionDefinition[] = SERVICES.flatMap(s => [...s.actions.values()])

/** The zec actions by name (what POST /api/v2/zec dispatches on). */
export const ACTIONS_BY_NAME: ReadonlyMap<string, ActionDefinition> = SERVICES[0].actions
