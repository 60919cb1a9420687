/**
 * ZEC's two envelopes (zec-api.md §2): success is HTTP 200 `{requestId, response: {requestId, ...}}`
 * with the same id in both places; failure is 4xx/5xx `{requestId, code, message}`, all three keys.
 */
import { randomUUID } from 'node:crypto'
import type { ZecError } from '../errors.js'

/** `T` + an upper-case UUID, e.g. `T05992D0C-7E8B-4047-B0C0-780F2CD549D3`. */
export const newRequestId = () => 'T' + randomUUID().toUpperCase()

export const successEnvelope = (requestId: string, body: object) =>
  ({ requestId, response: { requestId, ...body } })

export const errorEnvelope = (requestId: string, error: ZecError) =>
  ({ requestId, code: error.code, message: error.message })
