/** GET /_emulator/health: 200 with the version and uptime once migrations and fixtures are loaded. */
import type { FastifyInstance } from 'fastify'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PROJECT_ROOT } from '../paths.js'

export const VERSION = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version

export function registerHealth (app: FastifyInstance, startedAt: number): void {
  app.get('/_emulator/health', async () => ({
    status: 'ok',
    version: VERSION,
    uptimeSeconds: Math.round((Date.now() - startedAt) / 100) / 10
  }))
}
