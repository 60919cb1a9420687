/** CreateSecurityGroup (Go SDK CreateSecurityGroupRequest): a global security group with its rules (kept, not enforced). */
import { Type } from '@sinclair/typebox'
import { Enum } from '../../../schemas/common.js'
import { SecurityGroupName } from '../../../schemas/network.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'

const Rule = Type.Object({
  direction: Enum(['ingress', 'egress'] as const),
  policy: Enum(['accept', 'deny'] as const),
  priority: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  ipProtocol: Enum(['tcp', 'udp', 'icmp', 'all'] as const),
  portRange: Type.Optional(Type.String({ maxLength: 16 })),
  cidrIp: Type.Optional(Type.String({ maxLength: 43 })),
  desc: Type.Optional(Type.String({ maxLength: 255 }))
})

export default defineAction({
  name: 'CreateSecurityGroup',
  versions: BOTH_VERSIONS,
  input: Type.Object({
    scope: Type.Optional(Enum(['Global'] as const)),
    securityGroupName: SecurityGroupName,
    ruleInfos: Type.Optional(Type.Array(Rule, { maxItems: 100 }))
  }),
  output: Type.Object({ securityGroupId: Type.String() }),
  handler (ctx, input) {
    const securityGroupId = ctx.store.ids.next()
    ctx.store.securityGroups.insert({
      securityGroupId,
      accountId: ctx.accountId,
      securityGroupName: input.securityGroupName,
      scope: 'Global',
      isDefault: false,
      rules: (input.ruleInfos ?? []).map(r => ({ direction: r.direction, policy: r.policy, priority: r.priority ?? 1, ipProtocol: r.ipProtocol, portRange: r.portRange ?? '-1', cidrIp: r.cidrIp ?? '0.0.0.0/0', desc: r.desc ?? '' })),
      createTime: ctx.now
    })
    return { securityGroupId }
  }
})
