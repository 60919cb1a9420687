/**
 * GET /_emulator/health: the process answers (liveness), with the version and uptime.
 * GET /_emulator/ready: 200 once migrations, fixtures, the state file and the init folder are
 * loaded, 503 before (what Docker's HEALTHCHECK, compose and CI services wait on).
 */
import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ErrorEnvelope } from '../../schemas/admin.js'
import type { Runtime } from '../engine/context.js'
import { errors } from '../errors.js'
import { PROJECT_ROOT } from '../paths.js'

export const VERSION = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version

const Health = Type.Object({ status: Type.Literal('ok'), version: Type.String(), uptimeSeconds: Type.Number() })
const Ready = Type.Object({ status: Type.Literal('ready') })

export function registerHealth (app: FastifyInstance, runtime: Runtime, startedAt: number): void {
  app.get('/_emulator/health', {
    schema: { tags: ['health'], summary: 'Liveness: the process answers', security: [], response: { 200: Health } }
  }, async () => ({
    status: 'ok' as const,
    version: VERSION,
    uptimeSeconds: Math.round((Date.now() - startedAt) / 100) / 10
  }))

  app.get('/_emulator/ready', {
    schema: { tags: ['health'], summary: 'Readiness: 200 once the state is loaded, 503 before', security: [], response: { 200: Ready, 503: ErrorEnvelope } }
  }, async () => {
    if (!runtime.ready) throw errors.notReady('The emulator is still loading its fixtures, state file and init folder.')
    return { status: 'ready' as const }
  })
}
