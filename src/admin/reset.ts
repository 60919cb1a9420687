/**
 * POST /_emulator/reset: back to the fixtures, in one transaction. An empty body resets every
 * account; `{"accessKeyId": "..."}` or `{"account": "..."}` resets only that one, so one test suite
 * can start clean without disturbing another that shares the emulator.
 */
import { Type } from '@sinclair/typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { adminErrors } from '../../schemas/admin.js'
import type { Runtime } from '../engine/context.js'
import { resetState } from '../engine/seed.js'
import { errors } from '../errors.js'
import type { Fixtures } from '../fixtures.js'
import { accountOfNewKey } from '../protocol/auth.js'

const ResetScope = Type.Object({
  account: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  accessKeyId: Type.Optional(Type.String({ minLength: 1, maxLength: 128 }))
})

const ResetView = Type.Object({ reset: Type.Array(Type.String()) })

export function registerReset (app: FastifyInstance, runtime: Runtime, fixtures: Fixtures | null): void {
  app.withTypeProvider<TypeBoxTypeProvider>().post('/_emulator/reset', {
    schema: { tags: ['state'], summary: 'Back to the fixtures: every account, or one', body: ResetScope, response: { 200: ResetView, ...adminErrors } }
  }, async (request) => {
    const scope = request.body
    if (scope.account !== undefined && scope.accessKeyId !== undefined) {
      throw errors.invalidParameterValue('Give `account` or `accessKeyId`, not both.')
    }
    return runtime.store.transaction(() => {
      let accountId = scope.account
      if (scope.accessKeyId !== undefined) {
        accountId = runtime.store.accounts.credential(scope.accessKeyId)?.accountId ?? accountOfNewKey(scope.accessKeyId)
      }
      if (accountId !== undefined && !runtime.store.accounts.exists(accountId)) {
        throw errors.invalidParameterValue(`No account \`${accountId}\` exists to reset.`)
      }
      return { reset: resetState(runtime, fixtures, accountId) }
    })
  })
}
