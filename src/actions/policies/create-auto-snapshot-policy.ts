/**
 * CreateAutoSnapshotPolicy (zec-api.md §3.5): a weekly schedule of UTC hours for one zone, with
 * the retention of the Auto snapshots it takes (-1, the default, keeps them). It is created
 * synchronously and runs at its first slot strictly after now.
 */
import { Type } from '@sinclair/typebox'
import { Id, Tags } from '../../../schemas/common.js'
import { Hours, PolicyName, RepeatWeekDays, RetentionDays } from '../../../schemas/policy.js'
import { asSortedSet, duplicateTagProblem, retentionDaysProblem } from '../../domain/policies.js'
import { nextSlotAfter } from '../../domain/schedules.js'
import { errors } from '../../errors.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'

export default defineAction({
  name: 'CreateAutoSnapshotPolicy',
  versions: BOTH_VERSIONS,
  input: Type.Object({
    zoneId: Id,
    autoSnapshotPolicyName: PolicyName,
    repeatWeekDays: RepeatWeekDays,
    hours: Hours,
    retentionDays: Type.Optional(RetentionDays),
    resourceGroupId: Type.Optional(Id),
    tags: Type.Optional(Tags)
  }),
  output: Type.Object({ autoSnapshotPolicyId: Type.String() }),
  handler (ctx, input) {
    const retentionDays = input.retentionDays ?? -1
    const badRetention = retentionDaysProblem(retentionDays)
    if (badRetention !== null) throw errors.invalidParameterValue(badRetention)
    const tags = input.tags?.tags ?? []
    const badTags = duplicateTagProblem(tags)
    if (badTags !== null) throw errors.invalidParameterValue(badTags)
    if (ctx.store.zones.get(input.zoneId) === undefined) throw errors.zoneNotFound(`The zoneId \`${input.zoneId}\` is not found.`)
    const group = input.resourceGroupId === undefined
      ? ctx.store.accounts.defaultResourceGroup(ctx.accountId)
      : ctx.store.accounts.resourceGroup(ctx.accountId, input.resourceGroupId)
    if (group === undefined) throw errors.resourceGroupNotFound(`The resource group \`${input.resourceGroupId}\` does not exist.`)

    const schedule = { repeatWeekDays: asSortedSet(input.repeatWeekDays), hours: asSortedSet(input.hours) }
    const autoSnapshotPolicyId = ctx.store.ids.next()
    ctx.store.policies.insert({
      autoSnapshotPolicyId,
      accountId: ctx.accountId,
      autoSnapshotPolicyName: input.autoSnapshotPolicyName,
      zoneId: input.zoneId,
      ...schedule,
      retentionDays,
      resourceGroupId: group.resourceGroupId,
      tags,
      createTime: ctx.now,
      nextRunAt: nextSlotAfter(schedule, ctx.now)
    })
    return { autoSnapshotPolicyId }
  }
})
