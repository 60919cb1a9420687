/**
 * Which account an admin call is about: `account` (its id) or `accessKeyId` (the key that picks
 * it; an unknown key names the account it would get on first use, as the ZEC route does).
 */
import { errors } from '../errors.js'
import type { Runtime } from '../engine/context.js'
import { accountOfNewKey } from '../protocol/auth.js'

export interface Scope { account?: string, accessKeyId?: string }

/** The account named, or undefined when neither field is given. */
export function accountOfScope (runtime: Runtime, scope: Scope): string | undefined {
  if (scope.account !== undefined && scope.accessKeyId !== undefined) {
    throw errors.invalidParameterValue('Give `account` or `accessKeyId`, not both.')
  }
  if (scope.accessKeyId !== undefined) return runtime.store.accounts.credential(scope.accessKeyId)?.accountId ?? accountOfNewKey(scope.accessKeyId)
  return scope.account
}

/** The account named, which must exist. */
export function existingAccount (runtime: Runtime, scope: Scope): string {
  const accountId = accountOfScope(runtime, scope)
  if (accountId === undefined) throw errors.missingParameter('The parameter `account` (or `accessKeyId`) is required.')
  if (!runtime.store.accounts.exists(accountId)) throw errors.invalidParameterValue(`No account \`${accountId}\` exists.`)
  return accountId
}
