/**
 * The process entry: options → buildApp → listen, and a clean shutdown on SIGINT/SIGTERM.
 * A bad option or fixtures file stops the process with a clear message and exit code 2.
 */
import { buildApp } from './app.js'
import { ConfigError, loadConfig, usage, type Config } from './config.js'
import { DEMO_ACCOUNT } from './engine/seed.js'
import { DataFileError } from './fixtures.js'
import { tlsMaterial, trustHelp, type TlsMaterial } from './tls.js'

function loggerFor (config: Config) {
  // Pretty lines for a person at a terminal, JSON for Docker and CI (chosen by TTY, not NODE_ENV).
  return process.stdout.isTTY
    ? { level: config.logLevel, transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname' } } }
    : { level: config.logLevel }
}

async function main (): Promise<void> {
  const argv = process.argv.slice(2)
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage())
    return
  }
  let config: Config
  try {
    config = loadConfig(argv, process.env)
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`zec-emulator: ${error.message}`)
      process.exit(2)
    }
    throw error
  }

  let app
  let tls: TlsMaterial | null
  try {
    tls = await tlsMaterial(config)
    app = await buildApp(config, { logger: loggerFor(config), ...(tls === null ? {} : { https: { key: tls.key, cert: tls.cert } }) })
  } catch (error) {
    if (error instanceof DataFileError || (error as { code?: string }).code === 'SQLITE_CANTOPEN') {
      console.error(`zec-emulator: ${(error as Error).message}`)
      process.exit(2)
    }
    throw error
  }

  const shutdown = async (signal: string) => {
    app.log.info(`${signal}: shutting down`)
    await app.close()
    process.exit(0)
  }
  process.once('SIGINT', () => { shutdown('SIGINT').catch(fatal) })
  process.once('SIGTERM', () => { shutdown('SIGTERM').catch(fatal) })

  await app.listen({ host: config.host, port: config.port })
  const address = app.server.address()
  const port = typeof address === 'object' && address !== null ? address.port : config.port
  const shownHost = config.host.includes(':') ? `[${config.host}]` : config.host
  const credentials = app.runtime.store.accounts.credentialsOf(DEMO_ACCOUNT)
  const scheme = tls === null ? 'http' : 'https'
  console.log([
    `zec-emulator ready at ${scheme}://${shownHost}:${port}`,
    `  endpoint   POST ${scheme}://${shownHost}:${port}/api/v2/zec   (SDK domain: ${shownHost}:${port}, scheme: ${scheme})`,
    ...(tls === null ? [] : trustHelp(tls.certPath)),
    `  database   ${config.db === ':memory:' ? 'in memory (state is lost on exit; use --db FILE to keep it)' : config.db}`,
    `  fixtures   ${config.fixtures}`,
    `  auth       ${config.auth}`,
    ...credentials.map(c => `  access key ${c.accessKeyId} / ${c.password}`),
    '  health     GET /_emulator/health'
  ].join('\n'))
}

function fatal (error: unknown): never {
  console.error(error)
  process.exit(1)
}

main().catch(fatal)
