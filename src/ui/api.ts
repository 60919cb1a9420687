/**
 * The console's only way out: the emulator's own admin API (/_emulator/*) and its ZEC endpoint
 * (POST /api/v2/zec), on the origin that served the page. The admin token, when the emulator has
 * one, is kept in sessionStorage and sent as `Authorization: Bearer` on every admin call. Every
 * failure becomes an ApiError carrying the envelope's code and message.
 */

export const ZEC_VERSION = '2025-09-01'
/** Marks the console's own ZEC calls, so a journal or a log can tell them from the code under test. */
export const CLIENT_HEADER = 'x-zc-emulator-client'

export class ApiError extends Error {
  constructor (readonly status: number, readonly code: string, message: string, readonly requestId = '') {
    super(message)
    this.name = 'ApiError'
  }
}

const TOKEN_KEY = 'zec-emulator-console.adminToken'

export const adminToken = {
  get: (): string => sessionStorage.getItem(TOKEN_KEY) ?? '',
  set: (token: string): void => { sessionStorage.setItem(TOKEN_KEY, token) },
  clear: (): void => { sessionStorage.removeItem(TOKEN_KEY) }
}

/** Called when an admin call answers 401: the console then asks for the token. */
let tokenNeeded: (error: ApiError) => void = () => {}
export function onTokenNeeded (handler: (error: ApiError) => void): void { tokenNeeded = handler }

/** The request ids of the console's own ZEC calls (bounded), to leave them out of the journal panels. */
const ownIds = new Set<string>()
function rememberOwn (requestId: unknown): void {
  if (typeof requestId !== 'string' || requestId === '') return
  ownIds.add(requestId)
  if (ownIds.size > 5000) ownIds.delete(ownIds.values().next().value as string)
}
export const isOwnRequest = (requestId: string): boolean => ownIds.has(requestId)

async function readBody (res: Response): Promise<unknown> {
  const text = await res.text()
  if (text === '') return null
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

function failure (res: Response, body: unknown): ApiError {
  const envelope = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
  const code = typeof envelope.code === 'string' ? envelope.code : `HTTP_${res.status}`
  const message = typeof envelope.message === 'string' ? envelope.message : (typeof body === 'string' ? body : res.statusText)
  return new ApiError(res.status, code, message, typeof envelope.requestId === 'string' ? envelope.requestId : '')
}

async function send (url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init)
  } catch (error) {
    throw new ApiError(0, 'NETWORK_ERROR', `The emulator did not answer: ${(error as Error).message}`)
  }
}

export interface AdminOptions {
  /** Raw bytes for the body (state import) instead of JSON. */
  binary?: Blob
  /** Answer as a Blob (state export) instead of parsed JSON. */
  asBlob?: boolean
}

/** Calls an admin route; answers the parsed JSON body or throws the envelope as an ApiError. */
export async function admin<T = any> (method: string, path: string, body?: unknown, options: AdminOptions = {}): Promise<T> {
  const headers: Record<string, string> = {}
  const token = adminToken.get()
  if (token !== '') headers.authorization = `Bearer ${token}`
  let payload: BodyInit | undefined
  if (options.binary !== undefined) {
    headers['content-type'] = 'application/octet-stream'
    payload = options.binary
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json'
    payload = JSON.stringify(body)
  }
  const res = await send(path, { method, headers, body: payload, cache: 'no-store' })
  if (res.ok && options.asBlob === true) return await res.blob() as T
  const parsed = await readBody(res)
  if (!res.ok) {
    const error = failure(res, parsed)
    if (res.status === 401) tokenNeeded(error)
    throw error
  }
  return parsed as T
}

/** Calls a ZEC action with the header that picks the account; answers the `response` object. */
export async function zec<T = any> (action: string, input: unknown, authorization: string): Promise<T> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-zc-action': action,
    'x-zc-version': ZEC_VERSION,
    [CLIENT_HEADER]: 'console'
  }
  if (authorization !== '') headers.authorization = authorization
  const res = await send('/api/v2/zec', { method: 'POST', headers, body: JSON.stringify(input), cache: 'no-store' })
  const parsed = await readBody(res) as Record<string, any> | null
  rememberOwn(parsed?.requestId)
  if (!res.ok) throw failure(res, parsed)
  return (parsed?.response ?? {}) as T
}

/** How an answer or an error reads in a control's answer box. */
export function describeError (error: unknown): string {
  if (error instanceof ApiError) return `${error.status === 0 ? 'no answer' : error.status} ${error.code}: ${error.message}`
  return String(error)
}
