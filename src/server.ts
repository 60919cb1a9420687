#!/usr/bin/env node
/**
 * The command line (`zec-emulator`, `npm start`, the Docker CMD): options → the shared start path
 * (src/start.ts) → the start banner on stdout, a clean shutdown on SIGINT/SIGTERM. A bad option
 * or fixtures file stops the process with a clear message and exit code 2.
 */
import type { FastifyInstance } from 'fastify'
import { ConfigError, loadConfig, usage, type Config } from './config.js'
import { DataFileError } from './fixtures.js'
import { openAdminWarning, startBanner, startServer } from './start.js'
import { tlsMaterial } from './tls.js'

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

  // Installed before the start, so a signal while loading also ends cleanly.
  const running: { app?: FastifyInstance } = {}
  const shutdown = async (signal: string) => {
    if (running.app !== undefined) {
      running.app.log.info(`${signal}: shutting down`)
      await running.app.close()
    }
    process.exit(0)
  }
  process.once('SIGINT', () => { shutdown('SIGINT').catch(fatal) })
  process.once('SIGTERM', () => { shutdown('SIGTERM').catch(fatal) })

  let listening
  let certPath: string | undefined
  try {
    const tls = await tlsMaterial(config)
    certPath = tls?.certPath
    listening = await startServer(config, { logger: loggerFor(config), ...(tls === null ? {} : { https: { key: tls.key, cert: tls.cert } }) })
  } catch (error) {
    if (error instanceof DataFileError || (error as { code?: string }).code === 'SQLITE_CANTOPEN') {
      console.error(`zec-emulator: ${(error as Error).message}`)
      process.exit(2)
    }
    throw error
  }
  running.app = listening.app
  const warning = openAdminWarning(config, listening.port)
  if (warning !== undefined) console.error(warning)
  console.log(startBanner(listening, config, certPath))
}

function fatal (error: unknown): never {
  console.error(error)
  process.exit(1)
}

main().catch(fatal)
