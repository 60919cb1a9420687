/**
 * HTTP-level failures in the ZEC envelope. Some requests never reach a route: Node's HTTP parser
 * refuses them (an unknown method, a header section over 16 KiB, a bad or repeated
 * Content-Length, a malformed chunked body, invalid header characters…), Node answers them itself
 * with an empty body (a missing Host, an `Expect` other than 100-continue), drops them (CONNECT),
 * or Fastify's router refuses them (a path that is not valid percent-encoding, a path parameter
 * over its length limit). Each of these answers `{requestId, code, message}` with a 4xx here,
 * like every other failure, so a client's error handling sees one shape.
 */
import { STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import type { ConnectionError, FastifyHttpOptions, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify'
import { errors, type ZecError } from '../errors.js'
import { errorEnvelope, newRequestId } from './envelope.js'

/**
 * What Node passes to `clientError`: llhttp's code, its reason, and the bytes it was parsing
 * (Fastify's ConnectionError type describes rawPacket as a JSON'd Buffer; it is a Buffer).
 */
interface ClientError extends Error { code?: string, reason?: string, rawPacket?: Buffer }

/** An HTTP token (RFC 9110 §5.6.2): a well-formed method the parser simply does not know. */
const METHOD_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,32}$/

function describe (error: ClientError): ZecError {
  const reason = (error.reason ?? error.message.replace(/^Parse Error: /, '')).replace(/\.$/, '')
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return errors.headerFieldsTooLarge('The request line and headers are larger than 16 KiB (Node\'s --max-http-header-size); send fewer or shorter headers.')
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return errors.bodyTooLarge(`The chunk extensions of the request body are too large: ${reason}.`)
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return errors.requestTimeout('The request (headers and body) did not arrive in time; the connection is closed.')
    case 'HPE_INVALID_METHOD': {
      const method = String(error.rawPacket ?? '').split(' ', 1)[0]
      return METHOD_TOKEN.test(method)
        ? errors.methodNotAllowed(`The method \`${method}\` is not served; ZEC actions are called with POST /api/v2/zec.`)
        : errors.malformedHttpRequest('The request line does not start with an HTTP method (is this TLS or binary data sent to a plain HTTP/1.1 port?).')
    }
    case 'HPE_PAUSED_H2_UPGRADE':
      return errors.malformedHttpRequest('HTTP/2 is not served; the emulator speaks HTTP/1.1.')
    case 'HPE_INVALID_VERSION':
      return errors.malformedHttpRequest(`The HTTP version of the request line is invalid: ${reason}; send HTTP/1.1.`)
    case 'HPE_INVALID_URL':
      return errors.malformedHttpRequest(`The request target is not a valid path: ${reason}.`)
    case 'HPE_INVALID_CONTENT_LENGTH':
      return errors.malformedHttpRequest(`The Content-Length header is not a number of bytes: ${reason}.`)
    case 'HPE_UNEXPECTED_CONTENT_LENGTH':
      return errors.malformedHttpRequest(`The Content-Length header must appear once: ${reason}.`)
    case 'HPE_INVALID_TRANSFER_ENCODING':
      return errors.malformedHttpRequest(`The Transfer-Encoding header is invalid: ${reason}.`)
    case 'HPE_INVALID_HEADER_TOKEN':
      return errors.malformedHttpRequest(`A request header has an invalid name or value: ${reason}.`)
    case 'HPE_INVALID_CHUNK_SIZE':
    case 'HPE_STRICT':
    case 'HPE_CR_EXPECTED':
    case 'HPE_LF_EXPECTED':
    case 'HPE_INVALID_EOF_STATE':
      return errors.malformedBody(`The chunked request body is malformed: ${reason}.`)
  }
  return errors.malformedHttpRequest(`The request is not valid HTTP/1.1: ${reason}.`)
}

/** A complete HTTP/1.1 answer written straight to the socket (there is no response object yet). */
function rawResponse (error: ZecError): string {
  const body = JSON.stringify(errorEnvelope(newRequestId(), error))
  return [
    `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status] ?? 'Error'}`,
    'Content-Type: application/json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    '',
    body
  ].join('\r\n')
}

/**
 * Fastify's `clientErrorHandler` (bound to the instance). After the answer the connection is
 * closed: its parser cannot go on. When the broken bytes follow a complete pipelined request
 * whose answer is still being made, that answer goes out first (Node's own handler would cut it
 * off). Nothing is written when the socket is gone or an answer to this very request has begun.
 */
export function clientErrorHandler (this: FastifyInstance, connectionError: ConnectionError, socket: Duplex): void {
  const error = connectionError as unknown as ClientError
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  const zecError = describe(error)
  this.log.debug({ code: error.code, status: zecError.status }, `client error: ${zecError.message}`)
  const answer = (): void => {
    if (socket.writable && !socket.destroyed) socket.write(rawResponse(zecError))
    socket.destroy()
  }
  const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage
  if (inFlight === undefined || inFlight === null || inFlight.writableFinished) return answer()
  if (inFlight.req?.complete === true) {
    inFlight.once('finish', answer)
    return
  }
  // The error is in this request's own body: answer now, unless its answer has begun.
  if (inFlight.headersSent) socket.destroy()
  else answer()
}

/** Fastify's `frameworkErrors`: its router's own refusals, before any hook or route runs. */
function frameworkErrors (error: Error & { code?: string }, request: FastifyRequest, reply: FastifyReply): void {
  const path = request.raw.url ?? ''
  const zecError = error.code === 'FST_ERR_MAX_PARAM_LENGTH'
    ? errors.uriTooLong(`A parameter in the path \`${path.slice(0, 200)}\` is longer than 100 characters.`)
    : errors.malformedHttpRequest(`The request path \`${path.slice(0, 200)}\` is not valid percent-encoding.`)
  reply.code(zecError.status).send(errorEnvelope(request.id, zecError))
}

/** The Fastify() options that route these failures here; spread into buildApp's options. */
export const clientErrorOptions = {
  clientErrorHandler,
  frameworkErrors: frameworkErrors as FastifyServerOptions['frameworkErrors'],
  // Node would answer a missing Host with an empty 400 itself; the hook below answers it instead.
  http: { requireHostHeader: false }
} satisfies Partial<FastifyHttpOptions<Server>>

/** The failures Node raises as server events, and the Host rule Node no longer checks itself. */
export function registerClientErrors (app: FastifyInstance): void {
  // CONNECT (a proxy tunnel) is an event, not a request; without a listener Node drops the socket.
  app.server.on('connect', (request: IncomingMessage, socket: Duplex) => {
    socket.end(rawResponse(errors.methodNotAllowed(`CONNECT ${String(request.url)} is not served: the emulator is not a proxy.`)))
  })
  // An `Expect` other than 100-continue: without a listener Node answers 417 with an empty body.
  app.server.on('checkExpectation', (request: IncomingMessage, response: ServerResponse) => {
    const body = JSON.stringify(errorEnvelope(newRequestId(), errors.expectationFailed(`The Expect header \`${String(request.headers.expect)}\` cannot be met; only 100-continue is understood.`)))
    response.writeHead(417, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), connection: 'close' })
    response.end(body)
  })
  app.addHook('onRequest', async (request) => {
    if (request.raw.httpVersion === '1.1' && request.headers.host === undefined) {
      throw errors.malformedHttpRequest('The Host header is required in HTTP/1.1 (RFC 9112 §3.2).')
    }
  })
}
