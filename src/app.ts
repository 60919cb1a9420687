/**
 * buildApp(config): the whole emulator as a Fastify instance, used by the server AND the tests.
 * It opens the store, registers the ZEC route, the admin API (described by OpenAPI) and the
 * error envelope, then loads the state: fixtures into an empty database, a `--state` file, the
 * init folder. GET /_emulator/ready answers 503 until that load is done. It never listens.
 */
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify'
import type { Config } from './config.js'
import { createClock } from './domain/clock.js'
import { Lifecycle, type TransitionName } from './domain/lifecycle.js'
import { registerHealth } from './admin/health.js'
import { registerClock } from './admin/clock.js'
import { registerFaults } from './admin/faults.js'
import { adminValidatorCompiler, registerDocs } from './admin/docs.js'
import { registerHistory } from './admin/history.js'
import { registerLifecycle } from './admin/lifecycle.js'
import { registerAdminToken } from './admin/token.js'
import { registerReset } from './admin/reset.js'
import { registerRequests } from './admin/requests.js'
import { registerAccounts } from './admin/accounts.js'
import { registerQuotas } from './admin/quotas.js'
import { registerState } from './admin/state.js'
import { registerUi } from './admin/ui.js'
import type { Runtime } from './engine/context.js'
import { loadStartState } from './engine/init.js'
import { Journal } from './engine/journal.js'
import { seedDatabase } from './engine/seed.js'
import { createStateKeeper } from './engine/state.js'
import { schemaCompilers } from './compilers.js'
import { readFixtures } from './fixtures.js'
import { readPriceTable } from './price-table.js'
import { clientErrorOptions, registerClientErrors } from './protocol/client-errors.js'
import { newRequestId } from './protocol/envelope.js'
import { registerErrorHandling, registerZecRoute } from './protocol/route.js'
import { openStore, type Store } from './store/index.js'

export interface BuildOptions {
  /** Fastify's logger option; the server passes pino settings, tests pass false. */
  logger?: FastifyServerOptions['logger']
  /** The real clock the virtual one runs on (tests pass a fake one). */
  realNow?: () => number
  /** Freezes the virtual clock at this instant before anything is loaded (tests). */
  clockAt?: number
  /** Leaves the state unloaded (ready answers 503) until `app.emulator.load()` is called. */
  deferLoad?: boolean
  /** Serves HTTPS with this key and certificate (src/tls.ts makes them for --tls). */
  https?: { key: string, cert: string }
}

export interface EmulatorControl {
  /** Loads fixtures, the state file and the init folder once; ready answers 200 afterwards. */
  load (): Promise<void>
}

declare module 'fastify' {
  interface FastifyInstance { runtime: Runtime, emulator: EmulatorControl }
}

/**
 * The runtime. The clock and the lifecycle reach the store through `runtime.store` each time,
 * because an in-memory restore or import switches the runtime to a new store.
 */
function runtimeFor (config: Config, store: Store, options: BuildOptions): Runtime {
  // The journal lives in memory beside the store: a restore or an import does not touch it.
  const journal = config.journalSize > 0 ? new Journal(config.journalSize, config.journalBodyLimit) : null
  const runtime = { config, store, prices: readPriceTable(config.priceTable), journal, ready: false } as Runtime
  runtime.clock = createClock(options.realNow, {
    read: () => runtime.store.control.clock(),
    write: (state) => { runtime.store.control.setClock(state) }
  })
  runtime.lifecycle = new Lifecycle(config.lifecycle, {
    policy: (name) => runtime.store.control.policy(name),
    setPolicy: (name, text) => { runtime.store.control.setPolicy(name, text) },
    failures: (name) => runtime.store.control.failures(name),
    setFailures: (name: TransitionName, remaining: number) => { runtime.store.control.setFailures(name, remaining) }
  })
  return runtime
}

export async function buildApp (config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const startedAt = Date.now()
  const fixtures = config.fixtures === 'none' ? null : readFixtures(config.fixtures)
  const store = openStore(config.db)
  const runtime = runtimeFor(config, store, options)
  if (options.clockAt !== undefined) {
    runtime.clock.freeze()
    runtime.clock.set(options.clockAt)
  }

  const app = Fastify({
    ...(options.https === undefined ? {} : { https: options.https }),
    logger: options.logger ?? false,
    genReqId: newRequestId,
    // One cheap line per request is logged in onResponse instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    bodyLimit: 1024 * 1024,
    // What Node's parser and Fastify's router refuse answers the ZEC envelope too.
    ...clientErrorOptions,
    // Given here, not set afterwards, so Fastify loads no compiler of its own (src/compilers.ts).
    schemaController: schemaCompilers(adminValidatorCompiler)
  })
  app.decorate('runtime', runtime)
  registerErrorHandling(app)
  registerClientErrors(app)
  await registerDocs(app)
  registerAdminToken(app, config.adminToken)
  registerZecRoute(app, runtime, fixtures)
  registerHealth(app, runtime, startedAt)
  registerClock(app, runtime)
  registerLifecycle(app, runtime)
  registerHistory(app, runtime)
  registerReset(app, runtime, fixtures)
  const keeper = createStateKeeper(runtime)
  registerState(app, runtime, keeper)
  registerQuotas(app, runtime)
  registerAccounts(app, runtime)
  registerFaults(app, runtime)
  registerRequests(app, runtime)
  registerUi(app)

  // Decided once: at the default level (warn) the per-request hook is not even installed.
  if (['info', 'debug', 'trace'].includes(app.log.level)) {
    app.addHook('onResponse', async (request, reply) => {
      const { action, account, code } = request.zec ?? {}
      request.log.info({ action, account, status: reply.statusCode, code, ms: Math.round(reply.elapsedTime * 10) / 10 }, `${request.method} ${request.url}`)
    })
  }
  app.addHook('onClose', async () => { runtime.store.close() })

  let loading: Promise<void> | undefined
  // The state file and the init folder go into a new database only: a restart with --db keeps
  // the state it has instead of loading them again.
  const load = async () => {
    const fresh = runtime.store.accounts.all().length === 0
    runtime.store.transaction(() => { seedDatabase(runtime, fixtures) })
    if (fresh) loadStartState(runtime, keeper)
    runtime.ready = true
  }
  app.decorate('emulator', { load: () => (loading ??= load()) })
  if (options.deferLoad !== true) {
    try {
      await app.emulator.load()
    } catch (error) {
      runtime.store.close()
      throw error
    }
  }
  return app
}
