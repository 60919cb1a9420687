/**
 * CreateDisks (zec-api.md §3.5): `diskAmount` data disks in a zone, optionally from a snapshot and
 * optionally attached at creation to one instance (`instanceId`) or one instance each
 * (`instanceIds`). They start CREATING and end AVAILABLE, or IN_USE when attached, under the
 * `disk.create` lifecycle policy.
 */
import { Type } from '@sinclair/typebox'
import { Id, IdList, Tags } from '../../../schemas/common.js'
import { DEFAULT_DISK_CATEGORY } from '../../../schemas/disk.js'
import { DiskCategory, DiskName, DiskSize } from '../../../schemas/disk-input.js'
import { duplicateTagKey, MAX_DISK_AMOUNT, snapshotAbilityOf } from '../../domain/disks.js'
import { serialFor } from '../../engine/seed.js'
import type { ActionContext } from '../../engine/context.js'
import { insertInTransition } from '../../engine/transitions.js'
import { errors } from '../../errors.js'
import { NO_PENDING, type DiskRecord, type InstanceRecord } from '../../store/records.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'
import { loadInstance, requireRoomOn, requireZone, resourceGroupFor } from '../disk-checks.js'

/** A disk created from a snapshot must be at least as large as the disk the snapshot was taken of. */
function checkSnapshot (ctx: ActionContext, snapshotId: string, zoneId: string, diskSize: number): void {
  const snapshot = ctx.store.snapshots.get(ctx.accountId, snapshotId)
  if (snapshot === undefined) throw errors.snapshotNotFound(`The snapshot \`${snapshotId}\` does not exist.`)
  if (snapshot.status !== 'AVAILABLE') {
    throw errors.snapshotStatusDenied(`The snapshot \`${snapshotId}\` is ${snapshot.status}; a disk can be created only from an AVAILABLE snapshot.`)
  }
  if (snapshot.diskType !== 'DATA') throw errors.invalidParameterValue('The parameter `snapshotId` names a snapshot of a system disk; data disks can be created only from data-disk snapshots.')
  if (snapshot.zoneId !== zoneId) {
    throw errors.invalidParameterValue(`The parameter \`snapshotId\` names a snapshot in zone \`${snapshot.zoneId}\`; the disk is requested in \`${zoneId}\`.`)
  }
  if (diskSize < snapshot.diskSize) {
    throw errors.snapshotSizeMismatch(`The diskSize ${diskSize} GiB is smaller than the snapshot \`${snapshotId}\`'s disk (${snapshot.diskSize} GiB).`)
  }
}

/** The instance each new disk attaches to (null: none), checked for zone, status and room. */
function attachTargets (ctx: ActionContext, input: { instanceId?: string, instanceIds?: string[], zoneId: string }, amount: number): (InstanceRecord | null)[] {
  if (input.instanceId !== undefined && input.instanceIds !== undefined) {
    throw errors.invalidParameterValue('The parameters `instanceId` and `instanceIds` cannot be used together.')
  }
  if (input.instanceIds !== undefined && input.instanceIds.length !== amount) {
    throw errors.invalidParameterValue(`The parameter \`instanceIds\` has ${input.instanceIds.length} item(s); it must have one per disk (diskAmount = ${amount}).`)
  }
  const ids = input.instanceIds ?? Array.from({ length: amount }, () => input.instanceId ?? null)
  const targets = ids.map(id => id === null ? null : loadInstance(ctx, id))
  const perInstance = new Map<string, { instance: InstanceRecord, count: number }>()
  for (const instance of targets) {
    if (instance === null) continue
    const entry = perInstance.get(instance.instanceId) ?? { instance, count: 0 }
    entry.count++
    perInstance.set(instance.instanceId, entry)
  }
  for (const { instance, count } of perInstance.values()) requireRoomOn(ctx, instance, input.zoneId, count, 'The new disk')
  return targets
}

export default defineAction({
  name: 'CreateDisks',
  versions: BOTH_VERSIONS,
  input: Type.Object({
    zoneId: Id,
    diskName: DiskName,
    diskSize: DiskSize,
    diskAmount: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_DISK_AMOUNT })),
    instanceId: Type.Optional(Id),
    instanceIds: Type.Optional(IdList(MAX_DISK_AMOUNT)),
    resourceGroupId: Type.Optional(Id),
    diskCategory: Type.Optional(DiskCategory),
    snapshotId: Type.Optional(Id),
    marketingOptions: Type.Optional(Type.Object({ discountCode: Type.Optional(Type.String({ maxLength: 64 })), usePocVoucher: Type.Optional(Type.Boolean()) })),
    tags: Type.Optional(Tags),
    burstingEnabled: Type.Optional(Type.Boolean()),
    diskNames: Type.Optional(Type.Array(DiskName, { minItems: 1, maxItems: MAX_DISK_AMOUNT }))
  }),
  output: Type.Object({ diskIds: Type.Array(Type.String()), orderNumber: Type.String() }),
  handler (ctx, input) {
    const amount = input.diskAmount ?? 1
    requireZone(ctx, input.zoneId)
    if (input.diskNames !== undefined && input.diskNames.length !== amount) {
      throw errors.invalidParameterValue(`The parameter \`diskNames\` has ${input.diskNames.length} item(s); it must have one per disk (diskAmount = ${amount}).`)
    }
    const tags = input.tags?.tags ?? []
    const duplicate = duplicateTagKey(tags)
    if (duplicate !== null) throw errors.invalidParameterValue(`The parameter \`tags.tags\` has the key \`${duplicate}\` more than once; tag keys must be unique.`)
    const resourceGroupId = resourceGroupFor(ctx, input.resourceGroupId)
    if (input.snapshotId !== undefined) checkSnapshot(ctx, input.snapshotId, input.zoneId, input.diskSize)
    const targets = attachTargets(ctx, input, amount)

    const diskCategory = input.diskCategory ?? DEFAULT_DISK_CATEGORY
    const diskIds = targets.map((instance, i) => {
      const diskId = ctx.store.ids.next()
      const disk: DiskRecord = {
        diskId,
        accountId: ctx.accountId,
        diskName: input.diskNames?.[i] ?? input.diskName,
        zoneId: input.zoneId,
        diskType: 'DATA',
        diskCategory,
        diskSize: input.diskSize,
        status: 'CREATING',
        instanceId: instance?.instanceId ?? null,
        portable: true,
        snapshotAbility: snapshotAbilityOf(diskCategory),
        resourceGroupId,
        serial: serialFor(diskId),
        chargeType: 'POSTPAID',
        period: null,
        expiredTime: null,
        autoSnapshotPolicyId: null,
        burstingEnabled: input.burstingEnabled ?? false,
        tags,
        createTime: ctx.now,
        ...NO_PENDING
      }
      insertInTransition(ctx, 'disk.create', disk)
      return diskId
    })
    return { diskIds, orderNumber: ctx.store.ids.next() }
  }
})
