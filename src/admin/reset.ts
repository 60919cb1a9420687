/**
 * POST /_emulator/reset, in one transaction. An empty body resets every account back to the
 * fixtures; `{"accessKeyId": "..."}` or `{"account": "..."}` only that one, so one test suite can
 * start clean without disturbing another that shares the emulator; `{"to": "empty"}` leaves the
 * accounts with no resources at all instead of the fixtures' (engine/seed.ts: resetState).
 */
import { Type } from '@sinclair/typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { AccountScope, adminErrors } from '../../schemas/admin.js'
import { Enum } from '../../schemas/common.js'
import type { Runtime } from '../engine/context.js'
import { resetState } from '../engine/seed.js'
import { errors } from '../errors.js'
import type { Fixtures } from '../fixtures.js'
import { accountOfScope } from './scope.js'

export const ResetRequest = Type.Composite([AccountScope, Type.Object({ to: Type.Optional(Enum(['fixtures', 'empty'] as const)) })])
const ResetView = Type.Object({ reset: Type.Array(Type.String()) })

export function registerReset (app: FastifyInstance, runtime: Runtime, fixtures: Fixtures | null): void {
  app.withTypeProvider<TypeBoxTypeProvider>().post('/_emulator/reset', {
    schema: { tags: ['state'], summary: 'Back to the fixtures (or to empty): every account, or one', body: ResetRequest, response: { 200: ResetView, ...adminErrors } }
  }, async (request) => {
    // resetState runs the one transaction: a full reset needs foreign keys off around it.
    const accountId = accountOfScope(runtime, request.body)
    if (accountId !== undefined && !runtime.store.accounts.exists(accountId)) {
      throw errors.invalidParameterValue(`No account \`${accountId}\` exists to reset.`)
    }
    return { reset: resetState(runtime, fixtures, accountId, request.body.to) }
  })
}
