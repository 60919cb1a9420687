/**
 * The shape of one ZEC action: its input and output schemas, the API versions that have it,
 * and its handler. The handler runs inside the request's single transaction; it returns the
 * fields of `response` (the protocol adds `requestId`) or throws a ZecError from the catalogue.
 */
import type { Static, TSchema } from '@sinclair/typebox'
import type { ApiVersion } from '../../schemas/common.js'
import type { ActionContext } from '../engine/context.js'

/** The versions of every service served on the wire: zec's two, zrm's and user's one each. */
export type Version = ApiVersion | '2025-10-14' | '2024-05-29'
export type ServiceName = 'zec' | 'zrm' | 'user'

export interface ActionDefinition<I extends TSchema = TSchema, O extends TSchema = TSchema> {
  name: string
  /** The service whose path serves it (`POST /api/v2/<service>`); zec when absent. */
  service?: ServiceName
  versions: readonly Version[]
  input: I
  /** The response model; `outputByVersion` overrides it where a version differs. */
  output: O
  outputByVersion?: Partial<Record<Version, TSchema>>
  handler: (ctx: ActionContext, input: Static<I>) => Static<O>
}

export const BOTH_VERSIONS: readonly ApiVersion[] = ['2025-09-01', '2024-04-01']

export function defineAction<I extends TSchema, O extends TSchema> (definition: ActionDefinition<I, O>): ActionDefinition<I, O> {
  return definition
}

export function outputFor (action: ActionDefinition, version: Version): TSchema {
  return action.outputByVersion?.[version] ?? action.output
}
