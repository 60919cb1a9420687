/**
 * What puts a call of the wire into the request journal: two route-level hooks (onSend keeps the
 * answer's text, onResponse writes the entry), spread into a route's options by
 * `journalHooks(runtime, service)`. With the journal off (--journal-size 0) it gives no hooks, so
 * the route pays nothing. A dropped call (a fault rule) never reaches onResponse; the fault door
 * journals it through `journalDropped`.
 */
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction, onResponseHookHandler, onSendHookHandler } from 'fastify'
import { NEWEST_VERSION } from '../../schemas/common.js'
import type { Runtime } from '../engine/context.js'
import type { Journal } from '../engine/journal.js'
import { accessKeyIdOf, callerOf } from './auth.js'
import { header } from './headers.js'

function record (runtime: Runtime, journal: Journal, service: string, request: FastifyRequest, status: number, durationMs: number): void {
  const facts = request.zec ?? {}
  const authorization = header(request, 'authorization')
  const body = request.body
  const virtualTime = facts.now ?? runtime.clock.now()
  journal.add({
    id: request.id,
    time: Date.now() - durationMs,
    virtualTime,
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
    response: facts.response ?? ''
  })
}

export function journalHooks (runtime: Runtime, service: string): { onSend?: onSendHookHandler, onResponse?: onResponseHookHandler } {
  const journal = runtime.journal
  if (journal === null) return {}
  // Callback style: no promise per call.
  const onSend = (request: FastifyRequest, _reply: FastifyReply, payload: unknown, done: (error: null, payload: unknown) => void) => {
    if (typeof payload === 'string' && request.zec !== null) request.zec.response = payload
    done(null, payload)
  }
  const onResponse = (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    record(runtime, journal, service, request, reply.statusCode, reply.elapsedTime)
    done()
  }
  return { onSend: onSend as unknown as onSendHookHandler, onResponse: onResponse as unknown as onResponseHookHandler }
}

/** A call a fault rule dropped: status 0, no answer. */
export function journalDropped (runtime: Runtime, request: FastifyRequest, reply: FastifyReply, service: string): void {
  if (runtime.journal === null) return
  record(runtime, runtime.journal, service, request, 0, reply.elapsedTime)
}
