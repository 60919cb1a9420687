/**
 * The fault door on the wire: what a fired fault rule does to the HTTP exchange. An error or a
 * throttle answers the ZEC envelope (429 REQUEST_LIMIT_EXCEEDED is what every official SDK
 * retries, zec-api.md §1.6); a latency waits, then the call runs normally; a drop ends the
 * connection with no answer. Every route of the ZEC wire (other services included) asks
 * `mayFault` first thing, inside its transaction; only when a rule may match does it call
 * `passFaultDoor` before running: null means no rule fired (go on at once, no await); otherwise
 * await it — it throws the envelope's error, waits, or resolves true when the call was dropped.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { setTimeout as sleep } from 'node:timers/promises'
import { faultFor, type FiredFault } from '../engine/faults.js'
import type { Runtime } from '../engine/context.js'
import { errors } from '../errors.js'
import { journalDropped } from './journal-calls.js'
import { header } from './headers.js'

/** The web console marks its own calls: a fault rule is for the code under test, never for it. */
export const CONSOLE_CLIENT = 'console'

/** Whether any fault rule may fire on this call: false for the console's calls and when no rule names its action. */
export function mayFault (runtime: Runtime, request: FastifyRequest, action: string | undefined): boolean {
  return header(request, 'x-zc-emulator-client') !== CONSOLE_CLIENT && runtime.store.faults.forAction(action).length > 0
}

export function passFaultDoor (runtime: Runtime, request: FastifyRequest, reply: FastifyReply, service: string, action: string | undefined): Promise<boolean> | null {
  if (header(request, 'x-zc-emulator-client') === CONSOLE_CLIENT) return null
  const fault = faultFor(runtime, { action, authorization: header(request, 'authorization'), body: request.body })
  return fault === null ? null : applyFault(runtime, request, reply, service, fault)
}

async function applyFault (runtime: Runtime, request: FastifyRequest, reply: FastifyReply, service: string, fault: FiredFault): Promise<boolean> {
  const { rule } = fault
  request.zec.fault = rule.id
  const effect = rule.effect
  if ('error' in effect) {
    throw errors.injected(effect.error.status, effect.error.code, effect.error.message ?? `Fault rule \`${rule.id}\` answered this call with ${effect.error.code}.`)
  }
  if ('throttle' in effect) throw errors.requestLimitExceeded(`Request rate limit exceeded (fault rule \`${rule.id}\`); retry later.`)
  if ('drop' in effect) {
    journalDropped(runtime, request, reply, service)
    reply.hijack()
    // Ends the connection (a real socket), and fails app.inject() the same way a client sees it.
    reply.raw.destroy()
    request.raw.socket?.destroy()
    return true
  }
  await sleep(fault.waitMs)
  return false
}
