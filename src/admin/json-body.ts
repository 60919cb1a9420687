/**
 * Admin request bodies. The ZEC route keeps JSON bodies as raw bytes (its signature is computed
 * over them), so admin routes parse and validate their own, with the same ZEC parameter codes
 * and field-naming messages as the actions.
 */
import type { Static, TSchema } from '@sinclair/typebox'
import { errors } from '../errors.js'
import { validateInput } from '../protocol/validation.js'

export function adminBody<T extends TSchema> (schema: T, raw: unknown): Static<T> {
  let body: unknown = {}
  if (Buffer.isBuffer(raw) && raw.length > 0) {
    try {
      body = JSON.parse(raw.toString('utf8'))
    } catch (error) {
      throw errors.malformedBody(`The request body is not valid JSON: ${(error as Error).message}.`)
    }
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw errors.malformedBody('The request body must be a JSON object.')
  return validateInput(schema, body)
}
