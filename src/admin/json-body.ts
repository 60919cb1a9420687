/**
 * Admin request bodies. The JSON content-type parser keeps bodies as raw bytes (the ZEC route's
 * signature is computed over them), so admin routes parse and validate their own, with the same
 * ZEC parameter codes and field-naming messages as the actions.
 */
import type { Static, TSchema } from '@sinclair/typebox'
import { parseBody } from '../protocol/body.js'
import { validateInput } from '../protocol/validation.js'

export function adminBody<T extends TSchema> (schema: T, raw: unknown): Static<T> {
  return validateInput(schema, parseBody(raw))
}
