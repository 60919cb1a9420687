/**
 * The package's entry: `import { startEmulator } from 'zec-emulator'` starts an emulator inside a
 * test process (the same start path as the command line) and returns a handle whose methods drive
 * the emulator's own admin API in-process (`app.inject`, no sockets), so they behave exactly like
 * the HTTP routes and fail with the same codes.
 */
import type { Static } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { ClockView as ClockViewSchema } from './admin/clock.js'
import type { FaultRuleInput, FaultRuleView } from './admin/faults.js'
import type { JournalEntryView, RequestQuery } from './admin/requests.js'
import type { ResetRequest } from './admin/reset.js'
import type { Checkpoint } from './admin/state.js'
import { configFrom, type ConfigValues } from './config.js'
import { DEMO_ACCOUNT } from './engine/seed.js'
import { openAdminWarning, startServer } from './start.js'
import { tlsMaterial } from './tls.js'

export { ConfigError, type ConfigValues } from './config.js'

/** Any option by its config name (`port`, `host`, `db`, `auth`, `lifecycle`, `adminToken`, …). */
export type EmulatorOptions = ConfigValues

/** An admin API failure: the `{requestId, code, message}` envelope and the HTTP status. */
export class EmulatorError extends Error {
  constructor (readonly status: number, readonly code: string, message: string, readonly requestId?: string) {
    super(message)
    this.name = 'EmulatorError'
  }
}

// The handle's types are the admin routes' own TypeBox schemas, so they cannot drift apart.
export type ClockView = Static<typeof ClockViewSchema>
export type ResetScope = Static<typeof ResetRequest>
export type CheckpointView = Static<typeof Checkpoint>
/** A fault rule (POST /_emulator/faults): optional matches, then exactly one effect. */
export type FaultRule = Static<typeof FaultRuleInput>
export type FaultView = Static<typeof FaultRuleView>
export type RequestFilter = Static<typeof RequestQuery>
export type JournalEntry = Static<typeof JournalEntryView>

export interface Emulator {
  /** `http://HOST:PORT`. */
  url: string
  /** `HOST:PORT`: the domain (Python, Go, Terraform) or endpoint (Java) the SDKs take, with scheme http. */
  endpoint: string
  /** A credential of the demo account (the `accessKeyId` option's when given). */
  credentials: { accessKeyId: string, accessKeyPassword: string }
  /** Back to the fixtures (`{to: 'empty'}`: to nothing); every account, or one. */
  reset (scope?: ResetScope): Promise<{ reset: string[] }>
  /** Saves the whole state under a name. */
  checkpoint (name: string): Promise<CheckpointView>
  /** Goes back to a checkpoint in one step. */
  restore (name: string): Promise<{ restored: string }>
  clock: {
    now (): Promise<ClockView>
    freeze (): Promise<ClockView>
    resume (): Promise<ClockView>
    /** An ISO instant (`2026-01-15T10:00:00Z`) or a Date. */
    set (to: string | Date): Promise<ClockView>
    /** An ISO-8601 duration, e.g. `PT10M`, `P1D`. */
    advance (by: string): Promise<ClockView>
  }
  faults: {
    add (rule: FaultRule): Promise<FaultView>
    list (): Promise<FaultView[]>
    remove (id: string): Promise<{ deleted: string }>
    clear (): Promise<{ deleted: number }>
  }
  /** The request journal, newest first. */
  requests (filter?: RequestFilter): Promise<JournalEntry[]>
  /** Any admin route, e.g. `admin('PUT', '/_emulator/lifecycle', {policies: {…}})`. */
  admin<T = unknown> (method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T>
  /** The Fastify instance, for what the handle does not cover. */
  app: FastifyInstance
  /** Stops listening and closes the database. */
  close (): Promise<void>
}

const DEMO_KEY = { accessKeyId: 'ZEC-EMULATOR-DEMO-KEY', accessKeyPassword: 'zec-emulator-demo-password' }

/**
 * Starts an emulator (in memory unless `db` is given) on `host` (default 127.0.0.1) and `port`
 * (default 8790; 0 picks a free one). Rejects with a ConfigError naming a bad option.
 * Logs (level `logLevel`, default warn) go to stderr, so a TAP stream on stdout stays clean.
 */
export async function startEmulator (options: EmulatorOptions = {}): Promise<Emulator> {
  const config = configFrom(options)
  const tls = await tlsMaterial(config)
  const { app, url, endpoint, port } = await startServer(config, {
    logger: { level: config.logLevel, stream: process.stderr },
    ...(tls === null ? {} : { https: { key: tls.key, cert: tls.cert } })
  })
  const warning = openAdminWarning(config, port)
  if (warning !== undefined) console.error(warning)

  const admin = async <T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> => {
    const headers: Record<string, string> = {}
    if (config.adminToken !== '') headers.authorization = `Bearer ${config.adminToken}`
    if (body !== undefined) headers['content-type'] = 'application/json'
    const res = await app.inject({ method, url: path, headers, payload: body === undefined ? undefined : JSON.stringify(body) })
    let parsed: Record<string, unknown>
    try {
      parsed = res.json()
    } catch {
      throw new EmulatorError(res.statusCode, 'INVALID_RESPONSE', `${method} ${path} answered ${res.statusCode} with a body that is not JSON`)
    }
    if (res.statusCode >= 400) {
      throw new EmulatorError(res.statusCode, String(parsed.code), String(parsed.message), parsed.requestId as string | undefined)
    }
    return parsed as T
  }
  const clock = (body: object) => admin<ClockView>('POST', '/_emulator/clock', body)
  const query = (filter: RequestFilter) => {
    const entries = Object.entries(filter).filter(([, value]) => value !== undefined).map(([key, value]): [string, string] => [key, String(value)])
    return entries.length === 0 ? '' : `?${new URLSearchParams(entries).toString()}`
  }
  const demo = app.runtime.store.accounts.credentialsOf(DEMO_ACCOUNT)[0]

  return {
    url,
    endpoint,
    credentials: config.accessKeyId !== ''
      ? { accessKeyId: config.accessKeyId, accessKeyPassword: config.accessKeyPassword }
      : demo !== undefined ? { accessKeyId: demo.accessKeyId, accessKeyPassword: demo.password } : DEMO_KEY,
    reset: (scope = {}) => admin('POST', '/_emulator/reset', scope),
    checkpoint: (name) => admin('POST', '/_emulator/state/checkpoints', { name }),
    restore: (name) => admin('POST', `/_emulator/state/checkpoints/${encodeURIComponent(name)}/restore`, {}),
    clock: {
      now: () => admin('GET', '/_emulator/clock'),
      freeze: () => clock({ action: 'freeze' }),
      resume: () => clock({ action: 'resume' }),
      set: (to) => clock({ action: 'set', to: to instanceof Date ? to.toISOString() : to }),
      advance: (by) => clock({ action: 'advance', by })
    },
    faults: {
      add: (rule) => admin('POST', '/_emulator/faults', rule),
      list: async () => (await admin<{ faults: FaultView[] }>('GET', '/_emulator/faults')).faults,
      remove: (id) => admin('DELETE', `/_emulator/faults/${encodeURIComponent(id)}`),
      clear: () => admin('DELETE', '/_emulator/faults')
    },
    requests: async (filter = {}) => (await admin<{ requests: JournalEntry[] }>('GET', `/_emulator/requests${query(filter)}`)).requests,
    admin,
    app,
    close: () => app.close()
  }
}
