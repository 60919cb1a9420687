/**
 * ModifyAutoSnapshotPolicy (zec-api.md §3.5): name, weekdays, hours and retention days, each
 * optional, with the rules of CreateAutoSnapshotPolicy. A new schedule takes effect from now
 * (slots up to now have already run when the request settled). A new retentionDays applies to
 * Auto snapshots taken afterwards; existing ones keep the retentionTime they were given.
 */
import { Type } from '@sinclair/typebox'
import { Id } from '../../../schemas/common.js'
import { Hours, PolicyName, RepeatWeekDays, RetentionDays } from '../../../schemas/policy.js'
import { asSortedSet, retentionDaysProblem } from '../../domain/policies.js'
import { nextSlotAfter } from '../../domain/schedules.js'
import { errors } from '../../errors.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'

export default defineAction({
  name: 'ModifyAutoSnapshotPolicy',
  versions: BOTH_VERSIONS,
  input: Type.Object({
    autoSnapshotPolicyId: Id,
    autoSnapshotPolicyName: Type.Optional(PolicyName),
    repeatWeekDays: Type.Optional(RepeatWeekDays),
    hours: Type.Optional(Hours),
    retentionDays: Type.Optional(RetentionDays)
  }),
  output: Type.Object({}),
  handler (ctx, input) {
    if (input.retentionDays !== undefined) {
      const badRetention = retentionDaysProblem(input.retentionDays)
      if (badRetention !== null) throw errors.invalidParameterValue(badRetention)
    }
    const policy = ctx.store.policies.get(ctx.accountId, input.autoSnapshotPolicyId)
    if (policy === undefined) throw errors.policyNotFound(`The auto snapshot policy \`${input.autoSnapshotPolicyId}\` does not exist.`)

    const schedule = {
      repeatWeekDays: input.repeatWeekDays === undefined ? policy.repeatWeekDays : asSortedSet(input.repeatWeekDays),
      hours: input.hours === undefined ? policy.hours : asSortedSet(input.hours)
    }
    ctx.store.policies.update(policy.autoSnapshotPolicyId, {
      ...(input.autoSnapshotPolicyName === undefined ? {} : { autoSnapshotPolicyName: input.autoSnapshotPolicyName }),
      ...(input.retentionDays === undefined ? {} : { retentionDays: input.retentionDays }),
      ...schedule,
      nextRunAt: nextSlotAfter(schedule, ctx.now)
    })
    return {}
  }
})
