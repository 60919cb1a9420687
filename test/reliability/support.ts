/**
 * What the reliability tests share: a replayable seed, a child emulator started from the built
 * server (dist/src/server.js, as `npm test` builds it) with its URL parsed from the ready line,
 * ZEC calls over real HTTP, RSS from /proc and one figures line per test for RELIABILITY.md.
 * Each test file uses only this module and arbitraries.ts, never another test file.
 */
import type { Test } from 'tap'
import { spawn, type ChildProcess } from 'node:child_process'
import { appendFileSync, existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { FastifyInstance } from 'fastify'
import { PROJECT_ROOT } from '../../src/paths.js'

export const SERVER = join(PROJECT_ROOT, 'dist/src/server.js')
export const CI = process.env.CI === 'true'

/** The seed of this run: ZEC_TEST_SEED when given (to replay a run), else a fresh one; always printed. */
export function seedFor (t: Test, file: string): number {
  const given = process.env.ZEC_TEST_SEED
  const seed = given !== undefined && given !== '' ? Number(given) >>> 0 : Math.floor(Math.random() * 0x7fffffff)
  t.comment(`seed ${seed} (replay: ZEC_TEST_SEED=${seed} npx tap test/reliability/${file})`)
  return seed
}

/** mulberry32: a small seeded generator, so a printed seed replays the same kills and choices. */
export function prng (seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6D2B79F5) >>> 0
    let r = Math.imul(a ^ (a >>> 15), 1 | a)
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * The figures a test proved, as one comment line (`RELIABILITY <test> {json}`); with
 * ZEC_RELIABILITY_OUT set they are also appended to that file, from which RELIABILITY.md is updated.
 */
export function report (t: Test, name: string, figures: Record<string, unknown>): void {
  const line = `RELIABILITY ${name} ${JSON.stringify(figures)}`
  t.comment(line)
  const out = process.env.ZEC_RELIABILITY_OUT
  if (out !== undefined && out !== '') appendFileSync(out, line + '\n')
}

export interface Child {
  process: ChildProcess
  pid: number
  url: string
  output: () => string
  /** Resolves when the process has exited (at once if it already has). */
  exited: Promise<number | null>
}

/**
 * Starts `node dist/src/server.js --port 0 …args` and resolves once it prints its ready line.
 * Rejects when it exits first or is not ready within `timeoutMs`.
 */
export function startChild (args: string[], env: Record<string, string> = {}, timeoutMs = 30_000): Promise<Child> {
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npm run build\` first`)
  const child = spawn(process.execPath, [SERVER, '--port', '0', ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  const exited = new Promise<number | null>(resolve => {
    child.once('exit', code => resolve(code))
  })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`no ready line within ${timeoutMs} ms: ${output}`))
    }, timeoutMs)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const m = /zec-emulator ready at (http:\/\/[^\s]+)/.exec(output)
      if (m !== null) {
        clearTimeout(timer)
        resolve({ process: child, pid: child.pid as number, url: m[1].replace('0.0.0.0', '127.0.0.1'), output: () => output, exited })
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    exited.then(code => {
      clearTimeout(timer)
      reject(new Error(`exited with ${code} before it was ready: ${output}`))
    }, () => {})
  })
}

/** Sends `signal` and waits for the exit. */
export async function stopChild (child: Child, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill(signal)
  return child.exited
}

/** `PRAGMA integrity_check` of a database file, opened afresh (after a kill: what a restart finds). */
export function integrity (db: string): string {
  const file = new Database(db)
  try {
    return (file.pragma('integrity_check') as { integrity_check: string }[]).map(r => r.integrity_check).join('; ')
  } finally {
    file.close()
  }
}

/** Resident set size of a process in KiB (VmRSS in /proc/<pid>/status). */
export function rssKiB (pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  if (m === null) throw new Error(`no VmRSS for ${pid}`)
  return Number(m[1])
}

export interface Reply { status: number, body: any, text: string }

/** One call over HTTP, to zec unless `path` names another service's; the body is parsed when it is JSON. */
export async function zec (url: string, action: string, input: unknown = {}, headers: Record<string, string> = {}, path = '/api/v2/zec'): Promise<Reply> {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-zc-action': action, ...headers },
    body: typeof input === 'string' ? input : JSON.stringify(input)
  })
  const text = await res.text()
  let body: unknown
  try { body = JSON.parse(text) } catch { body = undefined }
  return { status: res.status, body, text }
}

/** Lets `app` listen on 127.0.0.1, a free port; returns its base URL. */
export async function listen (app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  if (address === null || typeof address !== 'object') throw new Error('no address')
  return `http://127.0.0.1:${address.port}`
}

/** An account of its own in auth off: a Bearer token the emulator has not seen gets a fresh account seeded from the fixtures. */
export const as = (token: string) => ({ authorization: `Bearer ${token}` })

/** The exact ZEC error envelope: three string keys and nothing else. */
export function isEnvelope (body: unknown): boolean {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return false
  const keys = Object.keys(body).sort()
  const b = body as Record<string, unknown>
  return keys.length === 3 && keys[0] === 'code' && keys[1] === 'message' && keys[2] === 'requestId' &&
    typeof b.code === 'string' && typeof b.message === 'string' && typeof b.requestId === 'string'
}

/** Text that must never reach a client: stack frames, source paths, SQLite's own error text. */
export const LEAK = /\bat [^\s]+ \(|\/work\/|node_modules|\.ts:\d|\.js:\d|SQLITE|syntax error|no such (table|column)|sqlite3/i
