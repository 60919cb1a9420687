/** GET /_emulator/accounts: every account the emulator holds, with the access key ids that pick it. */
import { Type } from '@sinclair/typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import type { Runtime } from '../engine/context.js'
import { newKeyOfAccount } from '../protocol/auth.js'

const Accounts = Type.Object({ accounts: Type.Array(Type.Object({ account: Type.String(), accessKeyIds: Type.Array(Type.String()) })) })

export function registerAccounts (app: FastifyInstance, runtime: Runtime): void {
  app.withTypeProvider<TypeBoxTypeProvider>().get('/_emulator/accounts', {
    schema: { tags: ['accounts'], summary: 'Every account, with its access key ids', response: { 200: Accounts } }
  }, async () => ({
    // An account made on first use of a key stores no credential: its key is in its name.
    accounts: runtime.store.accounts.withKeys().map(({ account, accessKeyIds }) => {
      const implicit = newKeyOfAccount(account)
      return { account, accessKeyIds: accessKeyIds.length === 0 && implicit !== undefined ? [implicit] : accessKeyIds }
    })
  }))
}
