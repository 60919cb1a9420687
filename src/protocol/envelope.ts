/**
 * ZEC's two envelopes (zec-api.md §2): success is HTTP 200 `{requestId, response: {requestId, ...}}`
 * with the same id in both places; failure is 4xx/5xx `{requestId, code, message}`, all three keys.
 * The success envelope of each action and version is also a schema, built from the action's
 * TypeBox output, so the answer is serialized by fast-json-stringify: exact JSON types, fields
 * in schema order, and nothing the schema does not declare.
 */
import { randomUUID } from 'node:crypto'
import { Type, type TObject, type TSchema } from '@sinclair/typebox'
import type { ZecError } from '../errors.js'

/** `T` + an upper-case UUID, e.g. `T05992D0C-7E8B-4047-B0C0-780F2CD549D3`. */
export const newRequestId = () => 'T' + randomUUID().toUpperCase()

export const successEnvelope = (requestId: string, body: object) =>
  ({ requestId, response: { requestId, ...body } })

export const errorEnvelope = (requestId: string, error: ZecError) =>
  ({ requestId, code: error.code, message: error.message })

type JsonSchema = Record<string, unknown>

/**
 * A copy for the serializer: `anyOf [scalar, null]` (TypeBox's Nullable) becomes a type list,
 * which fast-json-stringify writes directly instead of testing each branch with a validator.
 */
function forSerializer (schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(forSerializer)
  if (schema === null || typeof schema !== 'object') return schema
  const anyOf = (schema as JsonSchema).anyOf as JsonSchema[] | undefined
  if (anyOf !== undefined && anyOf.every(s => Object.keys(s).length === 1 && typeof s.type === 'string' && s.type !== 'object' && s.type !== 'array')) {
    return { type: anyOf.map(s => s.type) }
  }
  return Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, forSerializer(value)]))
}

const envelopes = new WeakMap<TSchema, JsonSchema>()

/** The success envelope schema of an action whose output is `output` (one object per output schema). */
export function successSchema (output: TSchema): JsonSchema {
  let schema = envelopes.get(output)
  if (schema === undefined) {
    const response = Type.Object({ requestId: Type.String(), ...(output as TObject).properties })
    schema = forSerializer(Type.Object({ requestId: Type.String(), response })) as JsonSchema
    envelopes.set(output, schema)
  }
  return schema
}
