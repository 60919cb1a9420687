/**
 * Fault rules over HTTP: `POST /_emulator/faults` adds a rule, `GET` lists them with their hit
 * counts, `DELETE /_emulator/faults/{id}` removes one and `DELETE /_emulator/faults` all. A rule
 * matches on action, account, access key id and a resource id anywhere in the body (each
 * optional), fires with a probability (seeded by --seed), for the next `times` calls, until an
 * instant on the virtual clock, with exactly one effect: a ZEC error, a throttle (429
 * REQUEST_LIMIT_EXCEEDED), a latency, or a dropped connection. The door is src/protocol/fault-door.ts.
 */
import { Type, type Static } from '@sinclair/typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { adminErrors } from '../../schemas/admin.js'
import { EFFECT_NAMES, isLive, type FaultEffect, type FaultRule } from '../domain/faults.js'
import type { Runtime } from '../engine/context.js'
import { errors } from '../errors.js'
import { parseInstant } from './clock.js'

export const MAX_LATENCY_MS = 60_000

const Latency = Type.Integer({ minimum: 0, maximum: MAX_LATENCY_MS })
const LatencyRange = Type.Object({ min: Latency, max: Latency })
const LatencyEffect = Type.Union([Latency, LatencyRange], { description: `an integer from 0 to ${MAX_LATENCY_MS} (milliseconds) or {min, max}` })
const ErrorEffect = Type.Object({
  status: Type.Integer({ minimum: 400, maximum: 599 }),
  code: Type.String({ minLength: 1, maxLength: 128 }),
  message: Type.Optional(Type.String({ maxLength: 1024 }))
})

const Match = {
  action: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: 'the x-zc-action, e.g. CreateSnapshot' })),
  account: Type.Optional(Type.String({ minLength: 1, maxLength: 300, description: 'the account the call runs as' })),
  accessKeyId: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: 'the access key id the call is signed with' })),
  resourceId: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: 'any string value anywhere in the request body' }))
}
const Effects = {
  error: Type.Optional(ErrorEffect),
  throttle: Type.Optional(Type.Literal(true)),
  latencyMs: Type.Optional(LatencyEffect),
  drop: Type.Optional(Type.Literal(true))
}

// Unknown fields are refused: a misspelt match field would otherwise fault every call.
export const FaultRuleInput = Type.Object({
  ...Match,
  probability: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: 'chance a matching call is faulted (default 1)' })),
  times: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000_000, description: 'fault only the next N calls' })),
  expiresAt: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'ISO-8601 instant on the virtual clock after which the rule no longer fires' })),
  ...Effects
}, { additionalProperties: false })

export const FaultRuleView = Type.Object({
  id: Type.String(),
  ...Match,
  probability: Type.Number(),
  times: Type.Optional(Type.Integer()),
  timesLeft: Type.Optional(Type.Integer()),
  expiresAt: Type.Optional(Type.String()),
  ...Effects,
  matched: Type.Integer({ description: 'calls that matched the rule, faulted or not' }),
  hits: Type.Integer({ description: 'calls the rule faulted' }),
  active: Type.Boolean({ description: 'false once expired or out of times' }),
  createdAt: Type.String()
})
const FaultList = Type.Object({ faults: Type.Array(FaultRuleView) })
const DeletedOne = Type.Object({ deleted: Type.String() })
const DeletedCount = Type.Object({ deleted: Type.Integer() })
const RuleId = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })

type Input = Static<typeof FaultRuleInput>

const iso = (ms: number) => new Date(ms).toISOString()

export function faultView (rule: FaultRule, now: number) {
  const view: Record<string, unknown> = { id: rule.id }
  if (rule.action !== null) view.action = rule.action
  if (rule.account !== null) view.account = rule.account
  if (rule.accessKeyId !== null) view.accessKeyId = rule.accessKeyId
  if (rule.resourceId !== null) view.resourceId = rule.resourceId
  view.probability = rule.probability
  if (rule.timesLeft !== null) {
    // Times left fall by one exactly when hits rise by one, so the times asked for are their sum.
    view.times = rule.timesLeft + rule.hits
    view.timesLeft = rule.timesLeft
  }
  if (rule.expiresAt !== null) view.expiresAt = iso(rule.expiresAt)
  Object.assign(view, rule.effect)
  view.matched = rule.matched
  view.hits = rule.hits
  view.active = isLive(rule, now)
  view.createdAt = iso(rule.createdAt)
  return view as Static<typeof FaultRuleView>
}

/** The one effect of a rule; what TypeBox cannot say (exactly one, min ≤ max, an instant) is checked here. */
function effectOf (input: Input): FaultEffect {
  const given = EFFECT_NAMES.filter(name => input[name] !== undefined)
  if (given.length === 0) throw errors.missingParameter('A fault rule needs one effect: `error`, `throttle`, `latencyMs` or `drop`.')
  if (given.length > 1) throw errors.invalidParameterValue(`A fault rule has exactly one effect; \`${given.join('` and `')}\` were given.`)
  const latency = input.latencyMs
  if (typeof latency === 'object' && latency.min > latency.max) {
    throw errors.invalidParameterValue(`The parameter \`latencyMs.max\` (${latency.max}) must not be less than \`latencyMs.min\` (${latency.min}).`)
  }
  const name = given[0]
  return { [name]: input[name] } as unknown as FaultEffect
}

export function registerFaults (app: FastifyInstance, runtime: Runtime): void {
  // `runtime.store` is read per request: a restore or an import switches it.
  const faults = () => runtime.store.faults
  const typed = app.withTypeProvider<TypeBoxTypeProvider>()

  typed.post('/_emulator/faults', {
    schema: { tags: ['faults'], summary: 'Add a fault rule: match fields, probability, times, expiry and exactly one effect', body: FaultRuleInput, response: { 201: FaultRuleView, ...adminErrors } }
  }, async (request, reply) => {
    const input = request.body
    const effect = effectOf(input)
    let expiresAt: number | null = null
    if (input.expiresAt !== undefined) {
      expiresAt = parseInstant(input.expiresAt)
      if (expiresAt === null) throw errors.dateFormatError(`The parameter \`expiresAt\` \`${input.expiresAt}\` is not an ISO-8601 instant with a zone, such as 2026-01-15T10:00:00Z.`)
    }
    const rule = runtime.store.transaction(() => {
      const now = runtime.clock.now()
      const added = faults().add({
        createdAt: now,
        action: input.action ?? null,
        account: input.account ?? null,
        accessKeyId: input.accessKeyId ?? null,
        resourceId: input.resourceId ?? null,
        probability: input.probability ?? 1,
        timesLeft: input.times ?? null,
        expiresAt,
        effect
      })
      return faultView(added, now)
    })
    return reply.code(201).send(rule)
  })

  typed.get('/_emulator/faults', {
    schema: { tags: ['faults'], summary: 'Every fault rule with its hit count', response: { 200: FaultList, ...adminErrors } }
  }, async () => {
    const now = runtime.clock.now()
    return { faults: faults().all().map(rule => faultView(rule, now)) }
  })

  typed.delete('/_emulator/faults/:id', {
    schema: { tags: ['faults'], summary: 'Remove one fault rule', params: RuleId, response: { 200: DeletedOne, ...adminErrors } }
  }, async (request) => {
    const { id } = request.params
    if (!runtime.store.transaction(() => faults().remove(id))) throw errors.faultRuleNotFound(`The fault rule \`${id}\` does not exist.`)
    return { deleted: id }
  })

  typed.delete('/_emulator/faults', {
    schema: { tags: ['faults'], summary: 'Remove every fault rule', response: { 200: DeletedCount, ...adminErrors } }
  }, async () => ({ deleted: runtime.store.transaction(() => faults().clear()) }))
}
