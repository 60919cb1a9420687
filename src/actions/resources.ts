/**
 * Any ZEC resource of the account by its id, for the services that act across resource kinds
 * (zrm's ModifyResourceTags, user's AddResourceResourceGroup). Ids are unique across kinds.
 */
import type { ActionContext } from '../engine/context.js'
import { errors } from '../errors.js'
import type { Tag } from '../store/records.js'

export interface TaggedResource { kind: string, tags: Tag[], setTags (tags: Tag[]): void }
export interface GroupedResource { kind: string, setResourceGroup (resourceGroupId: string): void }

/** The resource kinds whose read models show tags: disks, instances, VPCs, auto-snapshot policies. */
export function findTagged (ctx: ActionContext, id: string): TaggedResource {
  const { store, accountId } = ctx
  const tables = [['disk', store.disks], ['instance', store.instances], ['VPC', store.vpcs], ['auto-snapshot policy', store.policies]] as const
  for (const [kind, table] of tables) {
    const record = table.get(accountId, id) as { tags: Tag[] } | undefined
    if (record !== undefined) return { kind, tags: record.tags, setTags: (tags) => { table.update(id, { tags }) } }
  }
  throw errors.resourceNotFound(`The resource \`${id}\` does not exist or cannot be tagged (disks, instances, VPCs and auto-snapshot policies can).`)
}

/** The resource kinds that belong to a resource group: those above and snapshots. */
export function findGrouped (ctx: ActionContext, id: string): GroupedResource {
  const { store, accountId } = ctx
  const tables = [['disk', store.disks], ['instance', store.instances], ['VPC', store.vpcs], ['auto-snapshot policy', store.policies], ['snapshot', store.snapshots]] as const
  for (const [kind, table] of tables) {
    if (table.get(accountId, id) !== undefined) return { kind, setResourceGroup: (resourceGroupId) => { table.update(id, { resourceGroupId }) } }
  }
  throw errors.resourceNotFound(`The resource \`${id}\` does not exist.`)
}
