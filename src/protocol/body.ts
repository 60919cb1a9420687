/**
 * A request body as ZEC takes it: UTF-8 JSON, and an object. An empty body counts as `{}` (what
 * the SDKs send for an action with no input). Shared by the ZEC route and the admin API.
 */
import { errors } from '../errors.js'

export function parseBody (raw: unknown): object {
  if (!Buffer.isBuffer(raw) || raw.length === 0) return {}
  let body: unknown
  try {
    body = JSON.parse(raw.toString('utf8'))
  } catch (error) {
    throw errors.malformedBody(`The request body is not valid JSON: ${(error as Error).message}.`)
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw errors.malformedBody('The request body must be a JSON object.')
  }
  return body
}
