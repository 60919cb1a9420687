/**
 * buildApp(config): the whole emulator as a Fastify instance, used by the server AND the tests.
 * It opens the store, loads fixtures into an empty database, and registers the ZEC route, the
 * admin API and the error envelope. It never listens.
 */
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify'
import type { Config } from './config.js'
import { createClock, type Clock } from './domain/clock.js'
import { Lifecycle } from './domain/lifecycle.js'
import { registerHealth } from './admin/health.js'
import { registerClock } from './admin/clock.js'
import { registerLifecycle } from './admin/lifecycle.js'
import { registerReset } from './admin/reset.js'
import type { Runtime } from './engine/context.js'
import { seedDatabase } from './engine/seed.js'
import { readFixtures } from './fixtures.js'
import { readPriceTable } from './price-table.js'
import { newRequestId } from './protocol/envelope.js'
import { registerErrorHandling, registerZecRoute } from './protocol/route.js'
import { openStore } from './store/index.js'

export interface BuildOptions {
  /** Fastify's logger option; the server passes pino settings, tests pass false. */
  logger?: FastifyServerOptions['logger']
  clock?: Clock
}

declare module 'fastify' {
  interface FastifyInstance { runtime: Runtime }
}

export async function buildApp (config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const startedAt = Date.now()
  const fixtures = config.fixtures === 'none' ? null : readFixtures(config.fixtures)
  const prices = readPriceTable(config.priceTable)
  const store = openStore(config.db)
  const runtime: Runtime = { config, store, clock: options.clock ?? createClock(), lifecycle: new Lifecycle(config.lifecycle), prices }
  try {
    store.transaction(() => { seedDatabase(runtime, fixtures) })
  } catch (error) {
    store.close()
    throw error
  }

  const app = Fastify({
    logger: options.logger ?? false,
    genReqId: newRequestId,
    // One cheap line per request is logged in onResponse instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    bodyLimit: 1024 * 1024
  })
  app.decorate('runtime', runtime)
  registerErrorHandling(app)
  registerZecRoute(app, runtime, fixtures)
  registerHealth(app, startedAt)
  registerClock(app, runtime)
  registerLifecycle(app, runtime)
  registerReset(app, runtime, fixtures)

  // Decided once: at the default level (warn) the per-request hook is not even installed.
  if (['info', 'debug', 'trace'].includes(app.log.level)) {
    app.addHook('onResponse', async (request, reply) => {
      const { action, account, code } = request.zec ?? {}
      request.log.info({ action, account, status: reply.statusCode, code, ms: Math.round(reply.elapsedTime * 10) / 10 }, `${request.method} ${request.url}`)
    })
  }
  app.addHook('onClose', async () => { store.close() })
  return app
}
