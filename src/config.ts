/**
 * Every option of the emulator, each with an environment variable and a command-line flag
 * (the flag wins). One table drives parsing, validation, `--help` and the README's option list.
 * A bad value is a ConfigError; the server prints it and exits with code 2.
 */
import { Type, type TSchema, type Static } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { DEMO_FIXTURES } from './paths.js'
import { parsePolicyList, type Policy, type TransitionName } from './domain/lifecycle.js'

export const DEFAULT_PORT = 8790

export class ConfigError extends Error {}

interface Option<S extends TSchema> {
  flag: string
  env: string
  schema: S
  default: Static<S>
  help: string
}

const option = <S extends TSchema>(o: Option<S>) => o

export const OPTIONS = {
  port: option({ flag: '--port', env: 'PORT', schema: Type.Integer({ minimum: 0, maximum: 65535 }), default: DEFAULT_PORT, help: 'TCP port to listen on (0 picks a free one)' }),
  host: option({ flag: '--host', env: 'HOST', schema: Type.String({ minLength: 1, maxLength: 255 }), default: '127.0.0.1', help: 'address to listen on (0.0.0.0 in Docker)' }),
  db: option({ flag: '--db', env: 'ZEC_DB', schema: Type.String({ minLength: 1 }), default: ':memory:', help: 'SQLite file for persistent state (WAL mode); in-memory when absent' }),
  fixtures: option({ flag: '--fixtures', env: 'ZEC_FIXTURES', schema: Type.String({ minLength: 1 }), default: DEMO_FIXTURES, help: 'fixtures file loaded into an empty database; `none` starts empty' }),
  logLevel: option({ flag: '--log-level', env: 'LOG_LEVEL', schema: Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map(l => Type.Literal(l))), default: 'warn', help: 'pino level; `info` logs one line per request' }),
  auth: option({ flag: '--auth', env: 'ZEC_AUTH', schema: Type.Union([Type.Literal('off'), Type.Literal('loose'), Type.Literal('strict')]), default: 'off', help: 'signature checking: off | loose | strict' }),
  accessKeyId: option({ flag: '--access-key-id', env: 'ZEC_ACCESS_KEY_ID', schema: Type.String({ maxLength: 128 }), default: '', help: 'an extra access key id for the demo account' }),
  accessKeyPassword: option({ flag: '--access-key-password', env: 'ZEC_ACCESS_KEY_PASSWORD', schema: Type.String({ maxLength: 256 }), default: '', help: 'its password' }),
  token: option({ flag: '--token', env: 'ZEC_TOKEN', schema: Type.String({ maxLength: 256 }), default: '', help: 'an extra bearer token for the demo account' }),
  snapshotQuotaPerDisk: option({ flag: '--snapshot-quota-per-disk', env: 'ZEC_SNAPSHOT_QUOTA_PER_DISK', schema: Type.Integer({ minimum: 0, maximum: 1_000_000 }), default: 64, help: 'snapshots one disk may have' }),
  snapshotQuotaPerAccount: option({ flag: '--snapshot-quota-per-account', env: 'ZEC_SNAPSHOT_QUOTA_PER_ACCOUNT', schema: Type.Integer({ minimum: 0, maximum: 100_000_000 }), default: 1000, help: 'snapshots one account may have' }),
  priceTable: option({ flag: '--price-table', env: 'ZEC_PRICE_TABLE', schema: Type.String(), default: '', help: 'JSON file merged over the disk price table (docs/behaviour-disks.md)' }),
  lifecycle: option({ flag: '--lifecycle', env: 'ZEC_LIFECYCLE', schema: Type.String(), default: '', help: 'transition policies, e.g. `snapshot.create=after:10s,disk.create=immediate`' }),
  adminToken: option({ flag: '--admin-token', env: 'ZEC_ADMIN_TOKEN', schema: Type.String({ maxLength: 256 }), default: '', help: 'bearer token every admin route but health, ready and the docs needs' }),
  state: option({ flag: '--state', env: 'ZEC_STATE', schema: Type.String(), default: '', help: 'a state file (from GET /_emulator/state/export) to start from' }),
  initDir: option({ flag: '--init-dir', env: 'ZEC_INIT_DIR', schema: Type.String(), default: '', help: 'folder of fixtures (.json) and state files (.sqlite) loaded in name order at start' }),
  seed: option({ flag: '--seed', env: 'ZEC_SEED', schema: Type.Integer({ minimum: 0, maximum: 2_147_483_647 }), default: 0, help: 'seed for fault rules with a probability (same seed, same sequence)' }),
  journalSize: option({ flag: '--journal-size', env: 'ZEC_JOURNAL_SIZE', schema: Type.Integer({ minimum: 0, maximum: 1_000_000 }), default: 1000, help: 'calls the request journal keeps (0 turns it off)' }),
  journalBodyLimit: option({ flag: '--journal-body-limit', env: 'ZEC_JOURNAL_BODY_LIMIT', schema: Type.Integer({ minimum: 0, maximum: 1_048_576 }), default: 16_384, help: 'bytes of each request and response body the journal keeps' }),
  tls: option({ flag: '--tls', env: 'ZEC_TLS', schema: Type.Boolean(), default: false, help: 'serve HTTPS (a certificate is made at first start and kept beside the database)' }),
  tlsCert: option({ flag: '--tls-cert', env: 'ZEC_TLS_CERT', schema: Type.String(), default: '', help: 'PEM certificate for --tls' }),
  tlsKey: option({ flag: '--tls-key', env: 'ZEC_TLS_KEY', schema: Type.String(), default: '', help: 'PEM private key for --tls' })
}

type OptionKey = keyof typeof OPTIONS
type RawConfig = { [K in OptionKey]: Static<(typeof OPTIONS)[K]['schema']> }
/** Options by their config names, as written on the command line (`lifecycle` is its text). */
export type ConfigValues = Partial<RawConfig>
export type Config = Omit<RawConfig, 'lifecycle'> & { lifecycle: Partial<Record<TransitionName, Policy>> }

/** Builds a full config from partial overrides (used by tests and by `loadConfig`). */
const rawDefaults = () => Object.fromEntries(Object.entries(OPTIONS).map(([key, o]) => [key, o.default])) as RawConfig

export function makeConfig (overrides: Partial<Config> = {}): Config {
  return { ...rawDefaults(), lifecycle: {}, ...overrides }
}

function parseValue (key: OptionKey, text: string, source: string): unknown {
  const o = OPTIONS[key]
  // Value.Convert would truncate `1.5` to 1; a whole number must be written as one.
  const value = o.schema.type === 'integer' && !/^-?\d+$/.test(text) ? text : Value.Convert(o.schema, text)
  if (!Value.Check(o.schema, value)) {
    const detail = [...Value.Errors(o.schema, value)][0]?.message ?? 'invalid'
    throw new ConfigError(`${source}: invalid value \`${text}\` (${detail.toLowerCase()}; ${o.help})`)
  }
  return value
}

export function usage (): string {
  const lines = Object.values(OPTIONS).map(o => `  ${(o.flag + ' <value>').padEnd(36)} ${o.env.padEnd(32)} ${o.help} (default: ${o.default === '' ? 'none' : String(o.default)})`)
  return ['Usage: zec-emulator [options]', '', '  flag'.padEnd(39) + 'env'.padEnd(33) + 'meaning', ...lines, '  --help'.padEnd(39) + 'print this and exit'].join('\n')
}

/** Reads env then argv; throws ConfigError naming the option on any bad value or unknown flag. */
export function loadConfig (argv: string[], env: NodeJS.ProcessEnv): Config {
  const values: Record<string, unknown> = {}
  const byFlag = new Map(Object.entries(OPTIONS).map(([key, o]) => [o.flag, key as OptionKey]))

  for (const [key, o] of Object.entries(OPTIONS) as [OptionKey, Option<TSchema>][]) {
    const text = env[o.env]
    if (text !== undefined && text !== '') values[key] = parseValue(key, text, o.env)
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const eq = arg.indexOf('=')
    const flag = eq === -1 ? arg : arg.slice(0, eq)
    const key = byFlag.get(flag)
    if (key === undefined) throw new ConfigError(`unknown option \`${arg}\` (see --help)`)
    // A boolean flag may stand alone (`--tls`): it then means true.
    const bare = eq === -1 && OPTIONS[key].schema.type === 'boolean' && (argv[i + 1] === undefined || argv[i + 1].startsWith('--'))
    const text = bare ? 'true' : eq === -1 ? argv[++i] : arg.slice(eq + 1)
    if (text === undefined) throw new ConfigError(`${flag} needs a value`)
    values[key] = parseValue(key, text, flag)
  }

  return finish({ ...rawDefaults(), ...values } as RawConfig)
}

/** The same checks for options given by name in code (startEmulator): ConfigError naming the option. */
export function configFrom (values: Record<string, unknown>): Config {
  const checked: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue
    const o = (OPTIONS as Record<string, Option<TSchema>>)[key]
    if (o === undefined) throw new ConfigError(`unknown option \`${key}\` (the options are: ${Object.keys(OPTIONS).join(', ')})`)
    if (!Value.Check(o.schema, value)) {
      const detail = [...Value.Errors(o.schema, value)][0]?.message ?? 'invalid'
      throw new ConfigError(`${key}: invalid value \`${JSON.stringify(value)}\` (${detail.toLowerCase()}; ${o.help})`)
    }
    checked[key] = value
  }
  return finish({ ...rawDefaults(), ...checked } as RawConfig)
}

function finish (raw: RawConfig): Config {
  if ((raw.accessKeyId === '') !== (raw.accessKeyPassword === '')) {
    throw new ConfigError('--access-key-id and --access-key-password go together')
  }
  const lifecycle = parsePolicyList(raw.lifecycle)
  if (typeof lifecycle === 'string') throw new ConfigError(`--lifecycle: ${lifecycle}`)
  return { ...raw, lifecycle }
}
