/**
 * What puts a call of the wire into the request journal. The route calls `journalCall` itself
 * with the answer's text, once it is made: for a success in the handler, for a refusal in the
 * error handler (src/protocol/route.ts). No Fastify hook runs per request for it (two route hooks
 * cost more than the entry itself), and with the journal off (--journal-size 0) it returns at
 * once. A dropped call (a fault rule) has no answer; the fault door journals it through
 * `journalDropped`.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { NEWEST_VERSION } from '../../schemas/common.js'
import type { Runtime } from '../engine/context.js'
import { accessKeyIdOf, callerOf } from './auth.js'
import { header } from './headers.js'

/** Journals one answered call of `service`: its HTTP status and the answer's text. */
export function journalCall (runtime: Runtime, service: string, request: FastifyRequest, reply: FastifyReply, status: number, response: string): void {
  const journal = runtime.journal
  if (journal === null) return
  const facts = request.zec ?? {}
  const authorization = header(request, 'authorization')
  const body = request.body
  const durationMs = reply.elapsedTime
  journal.add({
    id: request.id,
    time: Date.now() - durationMs,
    virtualTime: facts.now ?? runtime.clock.now(),
    // The account authentication picked; for a call refused or faulted before it, the one it would have run as.
    account: facts.account ?? callerOf(runtime, authorization).account,
    accessKeyId: accessKeyIdOf(authorization),
    service,
    action: facts.action ?? null,
    version: header(request, 'x-zc-version') || NEWEST_VERSION,
    status,
    code: facts.code ?? null,
    durationMs: Math.round(durationMs * 1000) / 1000,
    fault: facts.fault ?? null,
    request: Buffer.isBuffer(body) ? body.toString('utf8') : body === undefined || body === null ? '' : JSON.stringify(body),
    response
  })
}

/** A call a fault rule dropped: status 0, no answer. */
export function journalDropped (runtime: Runtime, request: FastifyRequest, reply: FastifyReply, service: string): void {
  journalCall(runtime, service, request, reply, 0, '')
}
