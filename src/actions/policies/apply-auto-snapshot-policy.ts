/**
 * ApplyAutoSnapshotPolicy (zec-api.md §3.5): binds disks to a policy. A disk belongs to one
 * policy at most: the same policy again is a no-op, a different one fails the whole call, as do
 * an unknown disk and a disk in another zone. The binding is the disk's `autoSnapshotPolicyId`;
 * the policy's `diskIdSet`/`diskNum` are read from it. Any disk status is accepted: a disk that
 * cannot be snapshotted when a slot comes is skipped then, as ZEC documents.
 */
import { Type } from '@sinclair/typebox'
import { Id, IdList } from '../../../schemas/common.js'
import { errors } from '../../errors.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'

const quoted = (ids: string[]) => ids.map(id => `\`${id}\``).join(', ')

export default defineAction({
  name: 'ApplyAutoSnapshotPolicy',
  versions: BOTH_VERSIONS,
  input: Type.Object({ autoSnapshotPolicyId: Id, diskIds: IdList(100) }),
  output: Type.Object({}),
  handler (ctx, input) {
    const policy = ctx.store.policies.get(ctx.accountId, input.autoSnapshotPolicyId)
    if (policy === undefined) throw errors.policyNotFound(`The auto snapshot policy \`${input.autoSnapshotPolicyId}\` does not exist.`)

    const ids = [...new Set(input.diskIds)]
    const disks = ctx.store.disks.getMany(ctx.accountId, ids)
    const missing = ids.filter(id => !disks.some(d => d.diskId === id))
    if (missing.length > 0) throw errors.diskNotFound(`The disk(s) ${quoted(missing)} do not exist.`)
    const elsewhere = disks.filter(d => d.zoneId !== policy.zoneId)
    if (elsewhere.length > 0) {
      throw errors.policyZoneMismatch(`The disk(s) ${quoted(elsewhere.map(d => d.diskId))} are not in the policy's zone \`${policy.zoneId}\`.`)
    }
    const taken = disks.filter(d => d.autoSnapshotPolicyId !== null && d.autoSnapshotPolicyId !== policy.autoSnapshotPolicyId)
    if (taken.length > 0) {
      throw errors.diskPolicyExists(`The disk(s) ${taken.map(d => `\`${d.diskId}\` (policy \`${String(d.autoSnapshotPolicyId)}\`)`).join(', ')} already belong to another auto snapshot policy; cancel it first.`)
    }
    ctx.store.disks.bindPolicy(ctx.accountId, policy.autoSnapshotPolicyId, ids)
    return {}
  }
})
