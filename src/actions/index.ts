/**
 * THE registry: every ZEC action the emulator answers, in the order of the API reference.
 * Adding an action = one file under src/actions/<resource>/ and one line here; the registry
 * test fails when a file is not listed.
 */
import type { ActionDefinition } from './define-action.js'
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

export const ACTIONS: readonly ActionDefinition[] = [
  describeZones,
  describeInstances,
  describeInstancesStatus,
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

export const ACTIONS_BY_NAME: ReadonlyMap<string, ActionDefinition> = new Map(ACTIONS.map(a => [a.name, a]))
