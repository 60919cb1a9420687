/**
 * Quotas at run time: `GET /_emulator/quotas?account=…` shows an account's snapshot quotas in
 * force, `PUT /_emulator/quotas` changes them (kept in SQLite; CreateSnapshot and the schedules
 * obey the change at once). An account with no change has the options' quotas.
 */
import { Type } from '@sinclair/typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { AccountScope, adminErrors } from '../../schemas/admin.js'
import type { Runtime } from '../engine/context.js'
import { snapshotQuotaOf } from '../engine/quotas.js'
import { existingAccount } from './scope.js'

const QuotaView = Type.Object({ account: Type.String(), snapshotsPerDisk: Type.Integer(), snapshotsPerAccount: Type.Integer() })
const QuotaChange = Type.Composite([AccountScope, Type.Object({
  snapshotsPerDisk: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  snapshotsPerAccount: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 }))
})])

function view (runtime: Runtime, account: string) {
  const quota = snapshotQuotaOf(runtime, account)
  return { account, snapshotsPerDisk: quota.perDisk, snapshotsPerAccount: quota.perAccount }
}

export function registerQuotas (app: FastifyInstance, runtime: Runtime): void {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>()
  typed.get('/_emulator/quotas', {
    schema: { tags: ['quotas'], summary: 'The snapshot quotas in force for an account', querystring: AccountScope, response: { 200: QuotaView, ...adminErrors } }
  }, async (request) => view(runtime, existingAccount(runtime, request.query)))

  typed.put('/_emulator/quotas', {
    schema: { tags: ['quotas'], summary: 'Change an account\'s snapshot quotas (the fields given; the others keep their value)', body: QuotaChange, response: { 200: QuotaView, ...adminErrors } }
  }, async (request) => runtime.store.transaction(() => {
    const account = existingAccount(runtime, request.body)
    const current = snapshotQuotaOf(runtime, account)
    runtime.store.control.setQuota(account, {
      snapshotsPerDisk: request.body.snapshotsPerDisk ?? current.perDisk,
      snapshotsPerAccount: request.body.snapshotsPerAccount ?? current.perAccount
    })
    return view(runtime, account)
  }))
}
