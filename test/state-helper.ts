/**
 * What a user can see of an emulator's whole state, for tests that compare two of them:
 * every Describe of each account, the clock, the lifecycle policies and each account's quotas.
 */
import type { FastifyInstance } from 'fastify'
import { call } from './helper.js'

const DESCRIBES = ['DescribeDisks', 'DescribeSnapshots', 'DescribeAutoSnapshotPolicies', 'DescribeInstances', 'DescribeZones']

/** Authorization for an access key in `--auth off` (the signature is not checked). */
export const asKey = (key: string) => ({ headers: { authorization: `ZC2-HMAC-SHA256 Credential=${key}, SignedHeaders=content-type;host, Signature=00` } })

export async function admin (app: FastifyInstance, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown) {
  const res = await app.inject({ method, url, ...(body === undefined ? {} : { payload: body as object }) })
  return { status: res.statusCode, body: res.headers['content-type']?.toString().startsWith('application/json') === true ? res.json() : res.rawPayload }
}

export async function visibleState (app: FastifyInstance, keys: string[]): Promise<Record<string, unknown>> {
  const state: Record<string, unknown> = {}
  for (const key of keys) {
    for (const action of DESCRIBES) {
      const res = await call(app, action, action === 'DescribeZones' ? {} : { pageSize: 1000 }, asKey(key))
      const { requestId, ...response } = (res.body.response ?? res.body) as Record<string, unknown>
      state[`${key} ${action}`] = response
    }
    state[`${key} quotas`] = (await admin(app, 'GET', `/_emulator/quotas?accessKeyId=${key}`)).body
  }
  const { offsetMs, ...clock } = (await admin(app, 'GET', '/_emulator/clock')).body as Record<string, unknown>
  state.clock = clock
  state.lifecycle = (await admin(app, 'GET', '/_emulator/lifecycle')).body
  state.accounts = (await admin(app, 'GET', '/_emulator/accounts')).body
  return state
}
