/**
 * Preconditions shared by the instance actions, each throwing the code ZEC answers with: every
 * named instance exists, none is in the recycle bin, each is in a status the operation allows.
 * All are checked before anything is written, so a refused call changes nothing.
 */
import type { ActionContext } from '../engine/context.js'
import { RECYCLED_STATUSES } from '../domain/instances.js'
import { errors, type ZecError } from '../errors.js'
import type { InstanceRecord } from '../store/records.js'

/** The instances named by `ids` (duplicates collapsed, request order kept); every one must exist. */
export function loadInstances (ctx: ActionContext, ids: readonly string[]): InstanceRecord[] {
  const unique = [...new Set(ids)]
  const found = new Map(ctx.store.instances.getMany(ctx.accountId, unique).map(i => [i.instanceId, i]))
  const missing = unique.filter(id => !found.has(id))
  if (missing.length > 0) throw errors.instanceNotFound(`The instance(s) ${missing.map(id => `\`${id}\``).join(', ')} do not exist.`)
  return unique.map(id => found.get(id) as InstanceRecord)
}

export function requireNotRecycled (instance: InstanceRecord): void {
  if (RECYCLED_STATUSES.includes(instance.status)) {
    throw errors.instanceRecycled(`The instance \`${instance.instanceId}\` is ${instance.status}: it is in the recycle bin.`)
  }
}

/** Not recycled, then in one of `allowed`; `refusal` picks the code for any other status. */
export function requireStatus (instance: InstanceRecord, allowed: readonly string[], doing: string, refusal: (m: string) => ZecError = errors.instanceStatusDenied): void {
  requireNotRecycled(instance)
  if (allowed.includes(instance.status)) return
  const creating = instance.status === 'PENDING' || instance.status === 'DEPLOYING'
  throw (creating ? errors.instanceCreating : refusal)(`The instance \`${instance.instanceId}\` is ${instance.status}; it can be ${doing} only while it is ${allowed.join(' or ')}.`)
}

/** Passwords (CreateZecInstancesRequest's comment): 8–16 characters with letters, digits and symbols. */
export function requirePassword (password: string): void {
  const kinds = [/[A-Za-z]/, /[0-9]/, /[^A-Za-z0-9]/].every(re => re.test(password))
  if (password.length < 8 || password.length > 16 || !kinds) {
    throw errors.passwordMalformed('The parameter `password` must be 8 to 16 characters long and hold letters, digits and symbols (~!@$^*-_=+|;:,.?).')
  }
}
