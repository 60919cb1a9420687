/**
 * What the console's browser tests share, whatever drives the browser (playwright-core for
 * Chromium, puppeteer-core for Firefox): an emulator on 127.0.0.1 port 0 closed with the test,
 * calls to its admin and ZEC APIs, the demo disks the console must show, where screenshots go,
 * and `see`, a bounded wait that is also an assertion. Not a test file itself (no .test.ts).
 */
import type { Test } from 'tap'
import { existsSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../src/app.js'
import { UI_DIR } from '../../src/admin/ui.js'
import { makeConfig, type Config } from '../../src/config.js'
import { DISK, T0 } from '../helper.js'

/** Every single wait in a browser test is bounded by this. */
export const WAIT = 10_000
export const DEMO_TOKEN = 'zec-emulator-demo-token'
const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), 'artifacts')

/** The demo disks and the status each must show as text, one of every kind the fixtures have. */
export const DEMO_DISKS: readonly (readonly [string, string])[] = [
  [DISK.webSystem, 'IN_USE'], [DISK.spare, 'AVAILABLE'], [DISK.creating, 'CREATING'], [DISK.attaching, 'ATTACHING'],
  [DISK.detaching, 'DETACHING'], [DISK.changing, 'CHANGING'], [DISK.recycled, 'RECYCLED'], [DISK.failed, 'FAILED'], [DISK.sgSystem, 'IN_USE']
]

export const consoleBuilt = (): boolean => existsSync(join(UI_DIR, 'index.html'))

/** Where a screenshot named `name` goes (test/ui/artifacts/, ignored by git). */
export function artifact (name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true })
  return join(ARTIFACTS, name)
}

/** An emulator of its own for one test, its clock at T0; it is closed when the test ends. */
export async function startEmulator (t: Test, config: Partial<Config> = {}): Promise<{ app: FastifyInstance, base: string }> {
  const app = await buildApp(makeConfig(config), { clockAt: T0 })
  await app.listen({ host: '127.0.0.1', port: 0 })
  t.teardown(() => app.close())
  const address = app.server.address()
  return { app, base: `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}` }
}

/** A bounded wait that is also an assertion: it passes when the condition holds within 10 s. */
export async function see (t: Test, what: string, wait: () => Promise<unknown>): Promise<boolean> {
  try {
    await wait()
    t.pass(what)
    return true
  } catch (error) {
    t.fail(`${what}: ${(error as Error).message.split('\n')[0]}`)
    return false
  }
}

export async function http (base: string, method: string, path: string, body?: unknown): Promise<{ status: number, body: any }> {
  const res = await fetch(base + path, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(WAIT) })
  const text = await res.text()
  return { status: res.status, body: text === '' ? null : JSON.parse(text) }
}

/** A ZEC call as the demo account (its bearer token). */
export async function zec (base: string, action: string, input: unknown): Promise<{ status: number, body: any }> {
  const res = await fetch(`${base}/api/v2/zec`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-zc-action': action, 'x-zc-version': '2025-09-01', authorization: `Bearer ${DEMO_TOKEN}` },
    body: JSON.stringify(input),
    signal: AbortSignal.timeout(WAIT)
  })
  return { status: res.status, body: await res.json() }
}
