/**
 * DeleteAutoSnapshotPolicies (zec-api.md §3.5): all or nothing; an unknown id fails the call
 * (Terraform treats that code as "already gone"). Disks still bound are unbound with it, the way
 * CancelAutoSnapshotPolicy would; the Auto snapshots it took are kept and still expire at their
 * own retentionTime.
 */
import { Type } from '@sinclair/typebox'
import { IdList } from '../../../schemas/common.js'
import { errors } from '../../errors.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'

export default defineAction({
  name: 'DeleteAutoSnapshotPolicies',
  versions: BOTH_VERSIONS,
  input: Type.Object({ autoSnapshotPolicyIds: IdList(100) }),
  output: Type.Object({}),
  handler (ctx, input) {
    const ids = [...new Set(input.autoSnapshotPolicyIds)]
    const found = new Set(ctx.store.policies.getMany(ctx.accountId, ids).map(p => p.autoSnapshotPolicyId))
    const missing = ids.filter(id => !found.has(id))
    if (missing.length > 0) throw errors.policyNotFound(`The auto snapshot policy(ies) \`${missing.join('`, `')}\` do not exist.`)
    ctx.store.disks.unbindPolicies(ctx.accountId, ids)
    for (const id of ids) ctx.store.policies.remove(id)
    return {}
  }
})
