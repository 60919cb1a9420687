/**
 * A resource's lifecycle history over HTTP: `GET /_emulator/resources/{id}/history?account=…`
 * answers the transitions of a disk, snapshot or instance newest first — the one in flight (from
 * the resource's pending columns, `endedAt` null), then the finished ones the store keeps
 * (store/history.ts: the newest 50, and a destroyed resource's for an hour of virtual time).
 * The account is settled first, as a ZEC request would be, so what is due has ended.
 */
import { Type } from '@sinclair/typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { AccountScope, adminErrors } from '../../schemas/admin.js'
import { Id, Nullable } from '../../schemas/common.js'
import { TRANSITIONS, isTransitionName } from '../domain/lifecycle.js'
import { formatZecTime } from '../domain/time.js'
import type { Runtime } from '../engine/context.js'
import { settleAccount } from '../engine/transitions.js'
import { errors } from '../errors.js'
import type { HistoryEntry } from '../store/history.js'
import type { Pending } from '../store/records.js'
import { existingAccount } from './scope.js'

const ResourceId = Type.Object({ id: Id })

export const HistoryEntryView = Type.Object({
  transition: Type.String({ description: 'e.g. snapshot.create (GET /_emulator/lifecycle lists them)' }),
  status: Type.String({ description: 'the transitional status it went through, e.g. CREATING' }),
  startedAt: Type.String({ description: 'virtual time it started, yyyy-MM-ddTHH:mm:ssZ' }),
  endedAt: Nullable(Type.String({ description: 'virtual time it ended (its due time when the clock jumped past it); null while in flight' })),
  endStatus: Nullable(Type.String({ description: 'the status it ended in, `gone` when it destroyed the resource; null while in flight' })),
  failed: Type.Boolean({ description: 'it ended failed (a failure injection)' })
})
const HistoryView = Type.Object({ history: Type.Array(HistoryEntryView) })

const finished = (entry: HistoryEntry) => ({
  transition: entry.transition,
  status: entry.status,
  startedAt: formatZecTime(entry.startedAt),
  endedAt: formatZecTime(entry.endedAt),
  endStatus: entry.endStatus,
  failed: entry.failed
})

function inFlight (record: Pending & { status: string }) {
  if (record.transition === null) return []
  const status = isTransitionName(record.transition) ? TRANSITIONS[record.transition].status : record.status
  return [{ transition: record.transition, status, startedAt: formatZecTime(record.transitionStarted ?? 0), endedAt: null, endStatus: null, failed: false }]
}

export function registerHistory (app: FastifyInstance, runtime: Runtime): void {
  app.withTypeProvider<TypeBoxTypeProvider>().get('/_emulator/resources/:id/history', {
    schema: {
      tags: ['lifecycle'],
      summary: 'The lifecycle transitions of a disk, snapshot or instance, newest first, with virtual times',
      params: ResourceId,
      querystring: AccountScope,
      response: { 200: HistoryView, ...adminErrors }
    }
  }, async (request) => runtime.store.transaction(() => {
    const { store } = runtime
    const accountId = existingAccount(runtime, request.query)
    settleAccount(runtime, accountId, runtime.clock.now())
    const { id } = request.params
    const resource = store.disks.get(accountId, id) ?? store.snapshots.get(accountId, id) ?? store.instances.get(accountId, id)
    const kept = store.history.of(accountId, id)
    if (resource === undefined && kept.length === 0) {
      throw errors.resourceNotFound(`The account \`${accountId}\` has no disk, snapshot or instance \`${id}\` (a destroyed one's history is kept for an hour of virtual time).`)
    }
    return { history: [...(resource === undefined ? [] : inFlight(resource)), ...kept.map(finished)] }
  }))
}
