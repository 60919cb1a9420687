/**
 * Preconditions shared by the disk actions, each throwing the catalogue error the ZEC docs give
 * for it. A handler runs its checks before it writes anything, so a refused call changes nothing.
 */
import type { ActionContext } from '../engine/context.js'
import { ATTACHABLE_INSTANCE_STATUSES, MAX_DATA_DISKS_PER_INSTANCE } from '../domain/disks.js'
import { errors, type ZecError } from '../errors.js'
import type { DiskRecord, InstanceRecord } from '../store/records.js'

const quoted = (ids: readonly string[]) => ids.map(id => `\`${id}\``).join(', ')

/** The disks named by `ids` (duplicates collapsed, request order kept); every one must exist. */
export function loadDisks (ctx: ActionContext, ids: readonly string[], notFound: (message: string) => ZecError = errors.diskNotFound): DiskRecord[] {
  const unique = [...new Set(ids)]
  const found = new Map(ctx.store.disks.getMany(ctx.accountId, unique).map(d => [d.diskId, d]))
  const missing = unique.filter(id => !found.has(id))
  if (missing.length > 0) throw notFound(`The disk(s) ${quoted(missing)} do not exist.`)
  return unique.map(id => found.get(id) as DiskRecord)
}

export function loadDisk (ctx: ActionContext, diskId: string): DiskRecord {
  return loadDisks(ctx, [diskId])[0]
}

export function loadInstance (ctx: ActionContext, instanceId: string): InstanceRecord {
  const instance = ctx.store.instances.get(ctx.accountId, instanceId)
  if (instance === undefined) throw errors.instanceNotFound(`The instance \`${instanceId}\` does not exist.`)
  return instance
}

export function requireZone (ctx: ActionContext, zoneId: string): void {
  if (ctx.store.zones.get(zoneId) === undefined) throw errors.zoneNotFound(`The specified zoneId \`${zoneId}\` is not found.`)
}

/** The group to put new resources in: the named one (which must exist) or the account's default. */
export function resourceGroupFor (ctx: ActionContext, resourceGroupId: string | undefined): string {
  if (resourceGroupId === undefined) return ctx.store.accounts.defaultResourceGroup(ctx.accountId).resourceGroupId
  if (ctx.store.accounts.resourceGroup(ctx.accountId, resourceGroupId) === undefined) {
    throw errors.resourceGroupNotFound(`The resource group \`${resourceGroupId}\` does not exist.`)
  }
  return resourceGroupId
}

export function requireInstanceStatus (instance: InstanceRecord, allowed: readonly string[], doing: string): void {
  if (!allowed.includes(instance.status)) {
    throw errors.instanceStatusUnsupported(`The instance \`${instance.instanceId}\` is ${instance.status}; disks can be ${doing} only while it is ${allowed.join(' or ')}.`)
  }
}

/** Data disks only, each portable: system disks and disks bound to their instance never move. */
export function requirePortable (disks: readonly DiskRecord[]): void {
  for (const disk of disks) {
    if (disk.diskType === 'SYSTEM') throw errors.diskNotPortable(`The disk \`${disk.diskId}\` is a system disk; it cannot be attached, detached or released on its own.`)
    if (!disk.portable) throw errors.diskNotPortable(`The disk \`${disk.diskId}\` is not portable: it lives and dies with its instance.`)
  }
}

export function requireDiskStatus (disks: readonly DiskRecord[], allowed: readonly string[], doing: string): void {
  for (const disk of disks) {
    if (!allowed.includes(disk.status)) {
      throw errors.diskStatusUnsupported(`The disk \`${disk.diskId}\` is ${disk.status}; it can be ${doing} only when it is ${allowed.join(' or ')}.`)
    }
  }
}

/**
 * `instance` can take `count` more data disks living in `zoneId`: same zone, a status that allows
 * attaching, and room under the per-instance limit.
 */
export function requireRoomOn (ctx: ActionContext, instance: InstanceRecord, zoneId: string, count: number, subject: string): void {
  if (instance.zoneId !== zoneId) {
    throw errors.diskInstanceZoneMismatch(`${subject} is in zone \`${zoneId}\` but the instance \`${instance.instanceId}\` is in \`${instance.zoneId}\`.`)
  }
  requireInstanceStatus(instance, ATTACHABLE_INSTANCE_STATUSES, 'attached')
  const attached = ctx.store.disks.attachedTo(ctx.accountId, instance.instanceId).filter(d => d.diskType === 'DATA').length
  if (attached + count > MAX_DATA_DISKS_PER_INSTANCE) {
    throw errors.instanceAttachLimit(`The instance \`${instance.instanceId}\` has ${attached} data disk(s); attaching ${count} more would exceed its limit of ${MAX_DATA_DISKS_PER_INSTANCE}.`)
  }
}

/** The one instance all of `disks` (IN_USE) sit on; a call may not span instances. */
export function requireOneInstance (disks: readonly DiskRecord[], doing: string): string {
  const instanceIds = [...new Set(disks.map(d => d.instanceId as string))]
  if (instanceIds.length > 1) {
    throw errors.invalidParameterValue(`The parameter \`diskIds\` names disks on ${instanceIds.length} instances (${instanceIds.join(', ')}); one call ${doing} disks from one instance.`)
  }
  return instanceIds[0]
}
