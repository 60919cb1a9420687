/**
 * The shape of one ZEC action: its input and output schemas, the API versions that have it,
 * and its handler. The handler runs inside the request's single transaction; it returns the
 * fields of `response` (the protocol adds `requestId`) or throws a ZecError from the catalogue.
 */
import type { Static, TSchema } from '@sinclair/typebox'
import type { ApiVersion } from '../../schemas/common.js'
import type { ActionContext } from '../engine/context.js'

export interface ActionDefinition<I extends TSchema = TSchema, O extends TSchema = TSchema> {
  name: string
  versions: readonly ApiVersion[]
  input: I
  /** The response model; `outputByVersion` overrides it where a version differs. */
  output: O
  outputByVersion?: Partial<Record<ApiVersion, TSchema>>
  handler: (ctx: ActionContext, input: Static<I>) => Static<O>
}

export const BOTH_VERSIONS: readonly ApiVersion[] = ['2025-09-01', '2024-04-01']

export function defineAction<I extends TSchema, O extends TSchema> (definition: ActionDefinition<I, O>): ActionDefinition<I, O> {
  return definition
}

export function outputFor (action: ActionDefinition, version: ApiVersion): TSchema {
  return action.outputByVersion?.[version] ?? action.output
}
