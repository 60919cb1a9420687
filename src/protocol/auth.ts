/**
 * Who is calling: checks the Authorization header under the configured mode and picks the
 * account (architecture.md: tenants come from credentials).
 * - strict: ZC2-HMAC-SHA256 verified exactly (or a known Bearer token); any failure is a 401.
 * - loose: verified the same way, but a failure is only logged and reported in a response header.
 * - off: anything is accepted.
 * In off and loose mode an unknown key or token gets its own account on first use, seeded from
 * the fixtures, so parallel suites with different keys are isolated with no setup.
 * Signature timestamps are checked against the real wall clock, never the virtual one.
 */
import { errors, type ZecError } from '../errors.js'
import { DEMO_ACCOUNT, seedAccount } from '../engine/seed.js'
import type { Runtime } from '../engine/context.js'
import type { Fixtures } from '../fixtures.js'
import { computeSignature, parseAuthorization, signaturesMatch, SIGNED_HEADERS, type Authorization } from './signature.js'

export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000

/** The account an unknown access key gets on first use in off and loose mode. */
export const accountOfNewKey = (accessKeyId: string) => `key:${accessKeyId}`
/** The key an account made on first use of a new key was made for (the inverse of accountOfNewKey). */
export const newKeyOfAccount = (accountId: string) => accountId.startsWith('key:') ? accountId.slice('key:'.length) : undefined
const accountOfNewToken = (token: string) => `token:${token}`

export interface SignedRequest {
  authorization?: string
  timestamp?: string
  contentType?: string
  host?: string
  body: Buffer
}

export interface Caller {
  accountId: string
  /** In loose mode: why strict mode would have refused the request. */
  problem?: ZecError
}

type Verdict = { accountId?: string, key?: string, problem?: ZecError }

function verify (runtime: Runtime, request: SignedRequest, realNow: number): Verdict {
  const auth = parseAuthorization(request.authorization)
  switch (auth.scheme) {
    case 'none':
      return { problem: errors.invalidAuthorization('The Authorization header is missing.') }
    case 'malformed':
      return { problem: errors.invalidAuthorization(`The Authorization header is malformed: ${auth.reason}.`) }
    case 'bearer': {
      const accountId = runtime.store.accounts.accountForToken(auth.token)
      if (accountId !== undefined) return { accountId }
      return { key: accountOfNewToken(auth.token), problem: errors.invalidAuthorization('The Bearer token is not known.') }
    }
    case 'hmac': {
      const credential = runtime.store.accounts.credential(auth.accessKeyId)
      const key = accountOfNewKey(auth.accessKeyId)
      if (credential === undefined) return { key, problem: errors.invalidAuthorization(`The access key id \`${auth.accessKeyId}\` is not known.`) }
      if (auth.signedHeaders !== SIGNED_HEADERS) {
        return { accountId: credential.accountId, problem: errors.invalidAuthorization(`SignedHeaders must be \`${SIGNED_HEADERS}\`.`) }
      }
      const timestamp = request.timestamp ?? ''
      if (!/^\d{1,12}$/.test(timestamp)) {
        return { accountId: credential.accountId, problem: errors.invalidAuthorization('The x-zc-timestamp header must be the Unix time in seconds.') }
      }
      if (Math.abs(realNow - Number(timestamp) * 1000) > MAX_CLOCK_SKEW_MS) {
        return { accountId: credential.accountId, problem: errors.signatureExpired('The x-zc-timestamp and the server time must not differ by more than five minutes.') }
      }
      const expected = computeSignature(credential.password, timestamp, request.contentType ?? '', request.host ?? '', request.body)
      if (!signaturesMatch(expected, auth.signature)) {
        return { accountId: credential.accountId, problem: errors.signatureFailure('The request signature does not match: check the access key password, and that Content-Type, Host and the body are signed as sent.') }
      }
      return { accountId: credential.accountId }
    }
  }
}

/** Who the header names, without checking anything. */
function identify (runtime: Runtime, authorization: string | undefined): Verdict {
  return identifyParsed(runtime, parseAuthorization(authorization))
}

function identifyParsed (runtime: Runtime, auth: Authorization): Verdict {
  if (auth.scheme === 'bearer') return { accountId: runtime.store.accounts.accountForToken(auth.token), key: accountOfNewToken(auth.token) }
  if (auth.scheme === 'hmac') return { accountId: runtime.store.accounts.credential(auth.accessKeyId)?.accountId, key: accountOfNewKey(auth.accessKeyId) }
  return {}
}

export function authenticate (runtime: Runtime, fixtures: Fixtures | null, request: SignedRequest, realNow: number, virtualNow: number): Caller {
  const mode = runtime.config.auth
  // In off mode nothing is verified (and no error is built): the header only picks the account.
  const verdict = mode === 'off' ? identify(runtime, request.authorization) : verify(runtime, request, realNow)
  if (mode === 'strict' && verdict.problem !== undefined) throw verdict.problem
  let accountId = verdict.accountId
  if (accountId === undefined) {
    if (verdict.key === undefined) {
      accountId = DEMO_ACCOUNT
    } else {
      accountId = verdict.key
      if (!runtime.store.accounts.exists(accountId)) seedAccount(runtime, fixtures ?? { zones: [] }, accountId, virtualNow)
    }
  }
  return { accountId, problem: mode === 'loose' ? verdict.problem : undefined }
}

/** The access key id a call came with (its HMAC credential), or null (a token, nothing, garbage). */
export function accessKeyIdOf (authorization: string | undefined): string | null {
  const auth = parseAuthorization(authorization)
  return auth.scheme === 'hmac' ? auth.accessKeyId : null
}

/**
 * The account a call runs as, with no side effect and nothing verified: a known key or token →
 * its account, an unknown one → the account it gets on first use, no header → the demo account.
 * Fault rules and the journal use it; `authenticate` remains the one that decides.
 */
export function callerOf (runtime: Runtime, authorization: string | undefined): { account: string, accessKeyId: string | null } {
  const auth = parseAuthorization(authorization)
  const verdict = identifyParsed(runtime, auth)
  return { account: verdict.accountId ?? verdict.key ?? DEMO_ACCOUNT, accessKeyId: auth.scheme === 'hmac' ? auth.accessKeyId : null }
}
