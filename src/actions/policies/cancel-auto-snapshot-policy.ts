/**
 * CancelAutoSnapshotPolicy (zec-api.md §3.5): unbinds disks from a policy. Disks that are not
 * bound to it, including ids of disks that no longer exist, are ignored, so cancelling after a
 * disk was destroyed succeeds.
 */
import { Type } from '@sinclair/typebox'
import { Id, IdList } from '../../../schemas/common.js'
import { errors } from '../../errors.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'

export default defineAction({
  name: 'CancelAutoSnapshotPolicy',
  versions: BOTH_VERSIONS,
  input: Type.Object({ autoSnapshotPolicyId: Id, diskIds: IdList(100) }),
  output: Type.Object({}),
  handler (ctx, input) {
    if (ctx.store.policies.get(ctx.accountId, input.autoSnapshotPolicyId) === undefined) {
      throw errors.policyNotFound(`The auto snapshot policy \`${input.autoSnapshotPolicyId}\` does not exist.`)
    }
    ctx.store.disks.unbindPolicy(ctx.accountId, input.autoSnapshotPolicyId, input.diskIds)
    return {}
  }
})
