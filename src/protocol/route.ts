/**
 * The ZEC wire (zec-api.md §1–2): `POST /api/v2/zec` (and `/api/v2/zrm`, `/api/v2/user`, signed
 * and answered the same way), the action from `x-zc-action`, the version from `x-zc-version`.
 * One request = authenticate, parse, validate, settle due state, run the action, all in ONE
 * transaction, then wrap the result in ZEC's success envelope. Every failure, including ones
 * Fastify raises itself, leaves through the ZEC error envelope. Before any of it, the fault door
 * (fault-door.ts) may answer, delay or drop the call; every answered call is journaled
 * (journal-calls.ts), when the journal is on.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ApiVersion } from '../../schemas/common.js'
import { outputFor } from '../actions/define-action.js'
import { SERVICES, type Service } from '../actions/index.js'
import { settleAccount } from '../engine/transitions.js'
import type { Runtime } from '../engine/context.js'
import { errors, ZecError } from '../errors.js'
import type { Fixtures } from '../fixtures.js'
import { authenticate } from './auth.js'
import { errorEnvelope, successEnvelope, successSchema } from './envelope.js'
import { parseBody } from './body.js'
import { mayFault, passFaultDoor } from './fault-door.js'
import { journalCall } from './journal-calls.js'
import { validateInput } from './validation.js'
import { header } from './headers.js'

export const ZEC_PATH = '/api/v2/zec'
export const AUTH_WARNING_HEADER = 'x-zc-emulator-auth-warning'
const JSON_TYPE = 'application/json; charset=utf-8'
/** What a call's transaction returns when a fault rule may match it: the door decides first. */
const DOOR = Symbol('fault door')

/** What the per-request log line and the journal report. */
export interface RequestFacts {
  action?: string
  account?: string
  code?: string
  /** The virtual instant the call ran at. */
  now?: number
  /** The fault rule that fired on the call, if any. */
  fault?: string
  /** The answer's text, kept for the journal. */
  response?: string
}

declare module 'fastify' {
  interface FastifyRequest { zec: RequestFacts }
}

function versionOf (request: FastifyRequest, service: Service): ApiVersion {
  const version = header(request, 'x-zc-version')
  if (version === undefined || version === '') return service.newest as ApiVersion
  if (!(service.versions as readonly string[]).includes(version)) {
    throw errors.unsupportedVersion(`The x-zc-version \`${version}\` is not served for ${service.name}; use one of: ${service.versions.join(', ')}.`)
  }
  return version as ApiVersion
}

/** The paths every service is served at (`POST /api/v2/<service>`). */
export const SERVICE_PATHS: readonly string[] = SERVICES.map(s => s.path)

export function registerZecRoute (app: FastifyInstance, runtime: Runtime, fixtures: Fixtures | null): void {
  // A route with `config.rawBody` (the ZEC wire) keeps the raw bytes: the signature is computed
  // over exactly what was sent. Every other route (the admin API) gets the parsed object.
  app.removeContentTypeParser(['application/json', 'text/plain'])
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    if ((request.routeOptions.config as { rawBody?: boolean } | undefined)?.rawBody === true) return done(null, body)
    try {
      done(null, parseBody(body))
    } catch (error) {
      done(error as Error, undefined)
    }
  })
  // Binary bodies only where a route asks for them (`config.binaryBody`: the state import).
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (request, body, done) => {
    if ((request.routeOptions.config as { binaryBody?: boolean } | undefined)?.binaryBody === true) return done(null, body)
    done(errors.unsupportedContentType(`The Content-Type \`${String(request.headers['content-type'])}\` is not supported; send application/json.`), undefined)
  })
  app.addContentTypeParser('*', (request, _payload, done) => {
    done(errors.unsupportedContentType(`The Content-Type \`${String(request.headers['content-type'])}\` is not supported; send application/json.`), undefined)
  })
  // Set by the ZEC handler when it starts (no hook per request); null on every other route.
  app.decorateRequest('zec', null as unknown as RequestFacts)

  // Every service is signed, validated and answered the same way; only its actions differ.
  const handlerFor = (service: Service) => async (request: FastifyRequest, reply: FastifyReply) => {
    if (!runtime.ready) throw errors.notReady('The emulator is still loading its fixtures, state file and init folder; wait for GET /_emulator/ready.')
    const actionName = header(request, 'x-zc-action')
    request.zec = { action: actionName }
    const rawBody = request.body as Buffer | undefined

    const call = (askDoor: boolean) => runtime.store.transaction(() => {
      // The fault door's first question is asked inside the call's one transaction: with no rule
      // that may match (nearly always) a file database opens one transaction per call, not two.
      // When one may, the transaction ends with nothing written and the door decides outside.
      if (askDoor && mayFault(runtime, request, actionName)) return DOOR
      const version = versionOf(request, service)
      const now = runtime.clock.now()
      request.zec.now = now
      const caller = authenticate(runtime, fixtures, {
        authorization: header(request, 'authorization'),
        timestamp: header(request, 'x-zc-timestamp'),
        contentType: header(request, 'content-type'),
        host: header(request, 'host'),
        body: rawBody ?? Buffer.alloc(0)
      }, Date.now(), now)
      request.zec.account = caller.accountId
      if (caller.problem !== undefined) {
        request.log.warn({ code: caller.problem.code }, `auth (loose): ${caller.problem.message}`)
        reply.header(AUTH_WARNING_HEADER, `${caller.problem.code}: ${caller.problem.message}`)
      }

      if (actionName === undefined || actionName === '') throw errors.missingParameter('The x-zc-action header is required: it names the action to call.')
      const action = service.actions.get(actionName)
      if (action === undefined || !action.versions.includes(version)) {
        throw errors.unknownAction(`The action \`${actionName}\` does not exist in ${service.name} ${version}${action === undefined ? '' : ` (it is served in ${action.versions.join(', ')})`}.`)
      }
      const input = validateInput(action.input, parseBody(rawBody))
      settleAccount(runtime, caller.accountId, now)
      return { action, version, result: action.handler({ ...runtime, accountId: caller.accountId, version, requestId: request.id, now }, input) }
    })
    let answered = call(true)
    if (answered === DOOR) {
      const door = passFaultDoor(runtime, request, reply, service.name, actionName)
      if (door !== null && await door) return reply
      answered = call(false) as Exclude<typeof answered, typeof DOOR>
    }
    const { action, version, result } = answered
    // Serialized with the action's output schema (fast-json-stringify, compiled once per schema).
    const serialize = reply.compileSerializationSchema(successSchema(outputFor(action, version)))
    const payload = serialize(successEnvelope(request.id, result as object))
    journalCall(runtime, service.name, request, reply, 200, payload)
    reply.type(JSON_TYPE)
    return payload
  }
  for (const service of SERVICES) {
    const handler = handlerFor(service)
    app.post(service.path, { config: { rawBody: true }, schema: { hide: true } }, async (request, reply) => await handler(request, reply))
  }
}

/** Fastify's own errors, mapped onto the catalogue. */
function toZecError (error: Error & { code?: string, statusCode?: number }): ZecError {
  if (error instanceof ZecError) return error
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE': return errors.bodyTooLarge(`The request body is larger than the limit: ${error.message}.`)
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': return errors.unsupportedContentType('The Content-Type is missing or not supported; send application/json.')
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH': return errors.malformedBody(error.message)
  }
  if (error.statusCode !== undefined && error.statusCode < 500) return errors.malformedBody(error.message)
  return errors.internal('The emulator hit an internal error; see its log for the request id.')
}

const SERVICE_BY_PATH = new Map(SERVICES.map(s => [s.path, s.name]))

export function registerErrorHandling (app: FastifyInstance): void {
  app.setErrorHandler((error: Error, request: FastifyRequest, reply: FastifyReply) => {
    const zecError = toZecError(error)
    // A 5xx a fault rule asked for is no emulator failure.
    if (zecError.status >= 500 && request.zec?.fault === undefined) request.log.error({ err: error, requestId: request.id }, 'unhandled error')
    // A call refused before the ZEC handler started (its body, its content type) has no facts yet.
    request.zec ??= {}
    request.zec.code = zecError.code
    const payload = JSON.stringify(errorEnvelope(request.id, zecError))
    // Refusals on the ZEC wire are journaled like answers; admin routes are not.
    const service = SERVICE_BY_PATH.get(request.routeOptions.url ?? '')
    reply.code(zecError.status).type(JSON_TYPE)
    if (service !== undefined) journalCall(app.runtime, service, request, reply, zecError.status, payload)
    return reply.send(payload)
  })

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]
    const error = SERVICE_PATHS.includes(path)
      ? errors.methodNotAllowed(`${request.method} is not supported on ${path}; ZEC actions are called with POST.`)
      : errors.routeNotFound(`No API at ${request.method} ${path}: ZEC actions are served at POST ${ZEC_PATH}, the emulator's admin API under /_emulator/.`)
    if (request.zec !== undefined && request.zec !== null) request.zec.code = error.code
    return reply.code(error.status).send(errorEnvelope(request.id, error))
  })
}
