/**
 * Builds a fresh in-memory emulator per test and calls ZEC actions the way a client does.
 * Every success is checked against the action's declared response schema, so a wrong JSON type
 * or a missing field fails the test that produced it.
 */
import type { Test } from 'tap'
import { Value } from '@sinclair/typebox/value'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../src/app.js'
import { makeConfig, type Config } from '../src/config.js'
import type { Clock } from '../src/domain/clock.js'
import { ACTIONS_BY_NAME, SERVICES } from '../src/actions/index.js'
import { outputFor } from '../src/actions/define-action.js'
import { NEWEST_VERSION, type ApiVersion } from '../schemas/common.js'

/** A fixed instant for tests: 2026-01-15T10:00:00Z. */
export const T0 = Date.UTC(2026, 0, 15, 10, 0, 0)

export interface TestApp {
  app: FastifyInstance
  clock: Clock
}

/** A frozen clock at T0 and all transitions immediate unless the test says otherwise. */
export async function build (t: Test, overrides: Partial<Config> = {}): Promise<TestApp> {
  const app = await buildApp(makeConfig({ lifecycle: { 'snapshot.create': { kind: 'immediate' }, 'snapshot.delete': { kind: 'immediate' } }, ...overrides }), { clockAt: T0 })
  t.teardown(() => app.close())
  return { app, clock: app.runtime.clock }
}

export interface CallOptions {
  /** The service path; /api/v2/zec unless told (zrm and user are served beside it). */
  path?: string
  version?: ApiVersion | string
  headers?: Record<string, string>
}

export interface CallResult {
  status: number
  body: Record<string, unknown>
  headers: Record<string, unknown>
}

export async function call (app: FastifyInstance, action: string, input: unknown = {}, options: CallOptions = {}): Promise<CallResult> {
  const res = await app.inject({
    method: 'POST',
    url: options.path ?? '/api/v2/zec',
    headers: { 'content-type': 'application/json', 'x-zc-action': action, 'x-zc-version': options.version ?? SERVICES.find(s => s.path === options.path)?.newest ?? NEWEST_VERSION, ...options.headers },
    payload: typeof input === 'string' ? input : JSON.stringify(input)
  })
  return { status: res.statusCode, body: res.json(), headers: res.headers }
}

/** Calls an action that must succeed; returns `response` after checking it against the schema. */
export async function ok (t: Test, app: FastifyInstance, action: string, input: unknown = {}, options: CallOptions = {}): Promise<Record<string, any>> {
  const res = await call(app, action, input, options)
  if (res.status !== 200) t.fail(`${action} failed: ${res.status} ${JSON.stringify(res.body)}`)
  const response = res.body.response as Record<string, unknown>
  t.equal(response.requestId, res.body.requestId, 'requestId inside response equals the outer one')
  const definition = options.path === undefined ? ACTIONS_BY_NAME.get(action) : SERVICES.find(s => s.path === options.path)?.actions.get(action)
  if (definition !== undefined) {
    const schema = outputFor(definition, (options.version ?? definition.versions[0]) as ApiVersion)
    const { requestId, ...fields } = response
    const problems = [...Value.Errors(schema, fields)].map(e => `${e.path}: ${e.message}`)
    t.same(problems, [], `${action} response matches its schema`)
  }
  return response
}

/** Calls an action that must fail with this status and code; returns the error body. */
export async function fails (t: Test, app: FastifyInstance, action: string, input: unknown, status: number, code: string, options: CallOptions = {}): Promise<Record<string, any>> {
  const res = await call(app, action, input, options)
  t.equal(res.status, status, `${action} → ${status}`)
  t.equal(res.body.code, code, `${action} → ${code}`)
  t.same(Object.keys(res.body).sort(), ['code', 'message', 'requestId'], 'error envelope has exactly requestId, code, message')
  t.match(res.body.requestId, /^T[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/)
  return res.body
}

export const DISK = {
  webSystem: '1400000000000000001',
  webData: '1400000000000000002',
  spare: '1400000000000000003',
  dbSystem: '1400000000000000004',
  noSnapshot: '1400000000000000005',
  creating: '1400000000000000006',
  attaching: '1400000000000000007',
  detaching: '1400000000000000008',
  changing: '1400000000000000009',
  recycled: '1400000000000000010',
  failed: '1400000000000000011',
  sgSystem: '1400000000000000012',
  sgData: '1400000000000000013'
} as const

export const SNAPSHOT = {
  webDataManual: '1500000000000000001',
  webDataAuto: '1500000000000000002',
  spareCreating: '1500000000000000003',
  sgSystemAuto: '1500000000000000004',
  webSystemWeekly: '1500000000000000005'
} as const

export const UNKNOWN_ID = '1999999999999999999'
