/**
 * Validates an action's JSON body against its TypeBox input and answers with ZEC's parameter
 * codes (zec-api.md §2.3), naming the field. JSON `null` counts as absent; unknown fields are
 * ignored, because newer SDKs send fields an older server does not know. Ignored means dropped:
 * a handler gets only the fields its schema declares, so an undeclared field can never reach a
 * store filter (a `tags` string sent to DescribeInstancesStatus once became a 500 that way).
 */
import type { Static, TSchema } from '@sinclair/typebox'
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler'
import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors'
import { Value } from '@sinclair/typebox/value'
import { errors, type ZecError } from '../errors.js'

const compiled = new WeakMap<TSchema, TypeCheck<TSchema>>()

function checkerFor<T extends TSchema> (schema: T): TypeCheck<T> {
  let check = compiled.get(schema)
  if (check === undefined) {
    check = TypeCompiler.Compile(schema)
    compiled.set(schema, check)
  }
  return check as TypeCheck<T>
}

/** Drops `null` members from objects, recursively: a null field is an absent field. */
export function withoutNulls (value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, withoutNulls(v)]))
  }
  return value
}

/** `/tags/tags/0/key` → `tags.tags[0].key` */
export function fieldName (path: string): string {
  return path.split('/').filter(part => part !== '').map((part, i) => /^\d+$/.test(part) ? `[${part}]` : (i === 0 ? part : '.' + part)).join('')
}

const typeWords: Partial<Record<ValueErrorType, string>> = {
  [ValueErrorType.String]: 'a string',
  [ValueErrorType.Integer]: 'an integer',
  [ValueErrorType.Number]: 'a number',
  [ValueErrorType.Boolean]: 'a boolean',
  [ValueErrorType.Array]: 'an array',
  [ValueErrorType.Object]: 'an object'
}

/** What a literal's JavaScript type is called in a message. */
const literalWords: Record<string, string> = { string: 'a string', number: 'a number', boolean: 'a boolean' }

function toZecError (error: ValueError): ZecError {
  const schema = error.schema as Record<string, unknown>
  const field = fieldName(error.path)
  switch (error.type) {
    case ValueErrorType.ObjectRequiredProperty:
      return errors.missingParameter(`The parameter \`${field}\` is required.`)
    case ValueErrorType.String:
    case ValueErrorType.Integer:
    case ValueErrorType.Number:
    case ValueErrorType.Boolean:
    case ValueErrorType.Array:
    case ValueErrorType.Object:
      return field === ''
        ? errors.malformedBody('The request body must be a JSON object.')
        : errors.invalidParameterType(`The parameter \`${field}\` must be ${typeWords[error.type]}.`)
    case ValueErrorType.StringMaxLength:
      return errors.exceedLength(`The parameter \`${field}\` must be at most ${String(schema.maxLength)} characters long.`)
    case ValueErrorType.StringMinLength:
      return errors.lessLength(`The parameter \`${field}\` must be at least ${String(schema.minLength)} characters long.`)
    case ValueErrorType.ArrayMaxItems:
      return errors.exceedLength(`The parameter \`${field}\` must have at most ${String(schema.maxItems)} items.`)
    case ValueErrorType.ArrayMinItems:
      return errors.lessLength(`The parameter \`${field}\` must have at least ${String(schema.minItems)} item(s).`)
    case ValueErrorType.NumberMaximum:
    case ValueErrorType.IntegerMaximum:
      return errors.exceedMaximum(`The parameter \`${field}\` must be at most ${String(schema.maximum)}.`)
    case ValueErrorType.NumberMinimum:
    case ValueErrorType.IntegerMinimum:
      return errors.lessMinimum(`The parameter \`${field}\` must be at least ${String(schema.minimum)}.`)
    case ValueErrorType.StringPattern:
      return errors.patternError(`The parameter \`${field}\` does not match the required format ${String(schema.pattern)}.`)
    case ValueErrorType.ObjectAdditionalProperties:
      return errors.invalidParameterValue(`The parameter \`${field}\` is not known here.`)
    case ValueErrorType.ArrayUniqueItems:
      return errors.invalidParameterValue(`The parameter \`${field}\` must not contain duplicates.`)
    case ValueErrorType.Union:
    case ValueErrorType.Literal: {
      const allowed = ((schema.anyOf as { const?: unknown }[] | undefined) ?? [schema]).map(s => s.const).filter(v => v !== undefined)
      // A union of shapes rather than of values (e.g. a number or an object) says what it takes in its description.
      if (allowed.length === 0) return errors.invalidParameterValue(`The parameter \`${field}\` must be ${typeof schema.description === 'string' ? schema.description : 'one of its documented forms'}.`)
      return allowed.every(v => typeof v === typeof allowed[0]) && typeof error.value !== typeof allowed[0]
        ? errors.invalidParameterType(`The parameter \`${field}\` must be ${literalWords[typeof allowed[0]] ?? 'a number'}.`)
        : errors.invalidParameterValue(`The parameter \`${field}\` must be one of: ${allowed.map(v => String(v)).join(', ')}.`)
    }
    default:
      return errors.invalidParameterValue(`The parameter \`${field}\` is invalid: ${error.message}.`)
  }
}

export function validateInput<T extends TSchema> (schema: T, body: unknown): Static<T> {
  const value = withoutNulls(body)
  const check = checkerFor(schema)
  // `value` is withoutNulls' fresh copy of the body: cleaning it in place touches nothing of the caller's.
  if (check.Check(value)) return Value.Clean(schema, value) as Static<T>
  const first = check.Errors(value).First()
  throw first === undefined ? errors.malformedBody('The request body is invalid.') : toZecError(first)
}
