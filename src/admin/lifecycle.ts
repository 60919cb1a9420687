/**
 * Lifecycle policies over HTTP. `GET /_emulator/lifecycle` shows the policy of every transition
 * and the pending failure injections; `PUT` changes some of them (all checked before any is
 * applied); `POST /_emulator/lifecycle/complete` ends one resource's pending transition now —
 * the step a `manual` policy waits for.
 */
import { Type } from '@sinclair/typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { adminErrors } from '../../schemas/admin.js'
import { Enum, Id } from '../../schemas/common.js'
import { isTransitionName, parsePolicy, TRANSITION_NAMES, TRANSITIONS, type Lifecycle, type Policy, type TransitionName } from '../domain/lifecycle.js'
import type { Runtime } from '../engine/context.js'
import { completeNow } from '../engine/transitions.js'
import { errors } from '../errors.js'

const LifecycleChange = Type.Object({
  policies: Type.Optional(Type.Record(Type.String(), Type.String({ minLength: 1, maxLength: 64 }))),
  failNext: Type.Optional(Type.Record(Type.String(), Type.Integer({ minimum: 0, maximum: 1_000_000 })))
})

const Completion = Type.Object({ resource: Enum(['disk', 'snapshot', 'instance'] as const), id: Id })

const LifecycleView = Type.Object({
  policies: Type.Record(Type.String(), Type.String()),
  failNext: Type.Record(Type.String(), Type.Integer()),
  transitions: Type.Record(Type.String(), Type.String())
})
const CompletionView = Type.Object({ resource: Type.String(), id: Type.String(), transition: Type.Union([Type.String(), Type.Null()]), status: Type.Union([Type.String(), Type.Null()]), gone: Type.Boolean() })

export function lifecycleView (lifecycle: Lifecycle) {
  const failNext: Record<string, number> = {}
  for (const name of TRANSITION_NAMES) {
    const left = lifecycle.pendingFailures(name)
    if (left > 0) failNext[name] = left
  }
  const transitions = Object.fromEntries(TRANSITION_NAMES.map(name => [name, TRANSITIONS[name].describe]))
  return { policies: lifecycle.snapshot(), failNext, transitions }
}

function checkedName (field: string, name: string): TransitionName {
  if (!isTransitionName(name)) throw errors.invalidParameterValue(`The parameter \`${field}\` names an unknown transition \`${name}\` (known: ${TRANSITION_NAMES.join(', ')}).`)
  return name
}

export function registerLifecycle (app: FastifyInstance, runtime: Runtime): void {
  const { lifecycle } = runtime
  const typed = app.withTypeProvider<TypeBoxTypeProvider>()
  typed.get('/_emulator/lifecycle', {
    schema: { tags: ['lifecycle'], summary: 'The policy of every transition and the pending failure injections', response: { 200: LifecycleView } }
  }, async () => lifecycleView(lifecycle))

  typed.put('/_emulator/lifecycle', {
    schema: { tags: ['lifecycle'], summary: 'Change policies and failure injections (all checked before any is applied)', body: LifecycleChange, response: { 200: LifecycleView, ...adminErrors } }
  }, async (request) => {
    const change = request.body
    const policies: [TransitionName, Policy][] = Object.entries(change.policies ?? {}).map(([name, text]) => {
      const policy = parsePolicy(text)
      if (policy === null) throw errors.invalidParameterValue(`The parameter \`policies.${name}\` \`${text}\` is not a policy; use immediate, after:<duration> (e.g. after:10m, after:PT10M), describes:<n> or manual.`)
      return [checkedName(`policies.${name}`, name), policy]
    })
    const failures = Object.entries(change.failNext ?? {}).map(([name, count]) => [checkedName(`failNext.${name}`, name), count] as const)
    return runtime.store.transaction(() => {
      for (const [name, policy] of policies) lifecycle.setPolicy(name, policy)
      for (const [name, count] of failures) lifecycle.failNext(name, count)
      return lifecycleView(lifecycle)
    })
  })

  typed.post('/_emulator/lifecycle/complete', {
    schema: { tags: ['lifecycle'], summary: 'End one resource\'s pending transition now (what a manual policy waits for)', body: Completion, response: { 200: CompletionView, ...adminErrors } }
  }, async (request) => {
    const { resource, id } = request.body
    return runtime.store.transaction(() => {
      const find = () => resource === 'disk' ? runtime.store.disks.findById(id) : resource === 'instance' ? runtime.store.instances.findById(id) : runtime.store.snapshots.findById(id)
      const record = find()
      if (record === undefined) {
        const notFound = { disk: errors.diskNotFound, snapshot: errors.snapshotNotFound, instance: errors.instanceNotFound }[resource]
        throw notFound(`The ${resource} \`${id}\` does not exist.`)
      }
      const { transition } = record
      if (!completeNow(runtime, record)) {
        throw errors.invalidParameterValue(`The ${resource} \`${id}\` has no pending transition (it is ${record.status}).`)
      }
      const after = find()
      return { resource, id, transition, status: after?.status ?? null, gone: after === undefined }
    })
  })
}
