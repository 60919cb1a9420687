/**
 * The request journal over HTTP: `GET /_emulator/requests?action=&account=&status=&limit=` lists
 * the last calls of the ZEC wire newest first; `DELETE /_emulator/requests` forgets them. With the
 * journal off (--journal-size 0) the list is always empty. The journal is src/engine/journal.ts.
 */
import { Type } from '@sinclair/typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { adminErrors } from '../../schemas/admin.js'
import type { Runtime } from '../engine/context.js'

export const DEFAULT_LIMIT = 100

export const RequestQuery = Type.Object({
  action: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
  account: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  status: Type.Optional(Type.Integer({ minimum: 0, maximum: 599, description: 'HTTP status; 0 = dropped by a fault rule' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, description: `at most this many (default ${DEFAULT_LIMIT}; never more than the journal keeps)` }))
})

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()])

export const JournalEntryView = Type.Object({
  id: Type.String({ description: 'the request id the call was answered with' }),
  time: Type.String({ description: 'real time the call arrived' }),
  virtualTime: Type.String({ description: 'the virtual clock when it ran' }),
  account: Nullable(Type.String()),
  accessKeyId: Nullable(Type.String({ description: 'the access key id the call was signed with' })),
  service: Type.String(),
  action: Nullable(Type.String()),
  version: Nullable(Type.String()),
  status: Type.Integer({ description: 'HTTP status; 0 when a fault rule dropped the connection' }),
  code: Nullable(Type.String({ description: 'the error code, for a failure' })),
  durationMs: Type.Number(),
  fault: Nullable(Type.String({ description: 'the fault rule that fired on the call' })),
  request: Type.String({ description: 'request body, secrets redacted, cut at --journal-body-limit bytes' }),
  response: Type.String({ description: 'response body, secrets redacted, cut at --journal-body-limit bytes' }),
  truncated: Type.Object({ request: Type.Boolean(), response: Type.Boolean() })
})

const RequestList = Type.Object({ requests: Type.Array(JournalEntryView) })
const Cleared = Type.Object({ cleared: Type.Integer() })

export function registerRequests (app: FastifyInstance, runtime: Runtime): void {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>()
  const { journal } = runtime

  typed.get('/_emulator/requests', {
    schema: { tags: ['requests'], summary: 'The last calls of the ZEC wire, newest first', querystring: RequestQuery, response: { 200: RequestList, ...adminErrors } }
  }, async (request) => {
    if (journal === null) return { requests: [] }
    const { action, account, status, limit } = request.query
    return { requests: journal.list({ action, account, status, limit: Math.min(limit ?? DEFAULT_LIMIT, journal.size) }) }
  })

  typed.delete('/_emulator/requests', {
    schema: { tags: ['requests'], summary: 'Forget every journaled call', response: { 200: Cleared, ...adminErrors } }
  }, async () => ({ cleared: journal === null ? 0 : journal.clear() }))
}
