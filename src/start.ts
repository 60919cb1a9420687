/**
 * The one start path the command line (src/server.ts) and `startEmulator()` (src/index.ts)
 * share: config → buildApp → listen → where it listens, the start banner and the warning for an
 * open admin API. The banner's first line, `zec-emulator ready at http://HOST:PORT` (https with
 * --tls), is a stable
 * interface: scripts and other languages' test harnesses wait for it (README "Start line").
 */
import { isIP } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { buildApp, type BuildOptions } from './app.js'
import type { Config } from './config.js'
import { DEMO_ACCOUNT } from './engine/seed.js'
import { trustHelp } from './tls.js'

export const READY_PREFIX = 'zec-emulator ready at '

export interface Listening {
  app: FastifyInstance
  /** `http://HOST:PORT` (`https` with TLS), with an IPv6 host in brackets. */
  url: string
  scheme: 'http' | 'https'
  /** `HOST:PORT`: what the SDKs take as their domain / endpoint. */
  endpoint: string
  port: number
}

/** 127.0.0.0/8, ::1 (also IPv4-mapped) and localhost: only this machine can connect. */
export function isLoopback (host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase()
  if (bare === 'localhost' || bare.endsWith('.localhost') || bare === '::1') return true
  const v4 = bare.startsWith('::ffff:') ? bare.slice('::ffff:'.length) : bare
  return isIP(v4) === 4 && v4.startsWith('127.')
}

/** The start-up warning when anyone who reaches the port may drive the admin API, else undefined. */
export function openAdminWarning (config: Config, port: number): string | undefined {
  if (config.adminToken !== '' || isLoopback(config.host)) return undefined
  return `zec-emulator: warning: listening on ${config.host} without an admin token: anyone who can reach port ${port} can reset, rewind or fault this emulator through /_emulator/*. ` +
    'Set --admin-token / ZEC_ADMIN_TOKEN to require `Authorization: Bearer <token>` on the admin API.'
}

/** Builds the app and listens on the configured host and port (0 picks a free one). */
export async function startServer (config: Config, options: BuildOptions = {}): Promise<Listening> {
  const app = await buildApp(config, options)
  try {
    await app.listen({ host: config.host, port: config.port })
  } catch (error) {
    await app.close()
    throw error
  }
  const address = app.server.address()
  const port = typeof address === 'object' && address !== null ? address.port : config.port
  const shownHost = config.host.includes(':') ? `[${config.host}]` : config.host
  const scheme = options.https === undefined ? 'http' : 'https'
  return { app, url: `${scheme}://${shownHost}:${port}`, scheme, endpoint: `${shownHost}:${port}`, port }
}

/** What the command line prints once listening; the first line is the stable start line. */
export function startBanner (listening: Listening, config: Config, certPath?: string): string {
  const credentials = listening.app.runtime.store.accounts.credentialsOf(DEMO_ACCOUNT)
  return [
    `${READY_PREFIX}${listening.url}`,
    `  endpoint   POST ${listening.url}/api/v2/zec   (SDK domain: ${listening.endpoint}, scheme: ${listening.scheme})`,
    ...(certPath === undefined ? [] : trustHelp(certPath)),
    `  database   ${config.db === ':memory:' ? 'in memory (state is lost on exit; use --db FILE to keep it)' : config.db}`,
    `  fixtures   ${config.fixtures}`,
    `  auth       ${config.auth}`,
    ...credentials.map(c => `  access key ${c.accessKeyId} / ${c.password}`),
    '  health     GET /_emulator/health'
  ].join('\n')
}
