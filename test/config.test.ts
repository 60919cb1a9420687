import t from 'tap'
import { ConfigError, DEFAULT_PORT, loadConfig, usage } from '../src/config.js'

t.test('defaults: 127.0.0.1, the documented port, in memory, demo fixtures, auth off', async t => {
  const config = loadConfig([], {})
  t.match(config, { host: '127.0.0.1', port: DEFAULT_PORT, db: ':memory:', fixtures: /fixtures[/\\]demo\.json$/, auth: 'off', logLevel: 'warn', snapshotQuotaPerDisk: 64, snapshotQuotaPerAccount: 1000 })
  t.same(config.lifecycle, {})
})

t.test('every option has an env var and a flag; the flag wins', async t => {
  const env = { PORT: '9000', HOST: '0.0.0.0', ZEC_DB: '/data/zec.db', ZEC_AUTH: 'loose', LOG_LEVEL: 'info', ZEC_SNAPSHOT_QUOTA_PER_DISK: '5', ZEC_SNAPSHOT_QUOTA_PER_ACCOUNT: '50', ZEC_LIFECYCLE: 'snapshot.create=immediate', ZEC_FIXTURES: 'none' }
  t.match(loadConfig([], env), { port: 9000, host: '0.0.0.0', db: '/data/zec.db', auth: 'loose', logLevel: 'info', snapshotQuotaPerDisk: 5, snapshotQuotaPerAccount: 50, fixtures: 'none', lifecycle: { 'snapshot.create': { kind: 'immediate' } } })
  const config = loadConfig(['--port', '9100', '--auth=strict', '--lifecycle', 'disk.create=after:10m,snapshot.create=describes:2', '--snapshot-quota-per-disk', '7'], env)
  t.match(config, { port: 9100, auth: 'strict', snapshotQuotaPerDisk: 7, lifecycle: { 'disk.create': { kind: 'after', ms: 600_000 }, 'snapshot.create': { kind: 'describes', count: 2 } } })
  t.notOk('snapshot.create' in loadConfig(['--lifecycle', 'disk.create=manual'], {}).lifecycle || false, 'the flag replaces the env list')
})

t.test('a bad value is a ConfigError naming the option', async t => {
  const cases: [string[], NodeJS.ProcessEnv, RegExp][] = [
    [['--port', 'abc'], {}, /--port/],
    [['--port', '70000'], {}, /--port/],
    [[], { PORT: '-1' }, /PORT/],
    [['--auth', 'maybe'], {}, /--auth/],
    [['--log-level', 'loud'], {}, /--log-level/],
    [['--snapshot-quota-per-disk', '1.5'], {}, /--snapshot-quota-per-disk/],
    [['--lifecycle', 'disk.melt=immediate'], {}, /unknown transition `disk.melt`/],
    [['--lifecycle', 'disk.create=soon'], {}, /bad policy `soon`/],
    [['--frobnicate'], {}, /unknown option `--frobnicate`/],
    [['--port'], {}, /--port needs a value/],
    [['--access-key-id', 'AK'], {}, /go together/]
  ]
  for (const [argv, env, message] of cases) {
    let caught: unknown
    try { loadConfig(argv, env) } catch (error) { caught = error }
    t.ok(caught instanceof ConfigError, `${argv.join(' ')} is a ConfigError`)
    t.match((caught as Error).message, message)
  }
})

t.test('--help lists every flag and env var', async t => {
  const text = usage()
  for (const word of ['--port', 'PORT', '--host', 'HOST', '--db', 'ZEC_DB', '--fixtures', '--log-level', 'LOG_LEVEL', '--auth', '--snapshot-quota-per-disk', '--lifecycle']) t.match(text, word)
})

t.test('a boolean flag may stand alone: --tls', async t => {
  t.equal(loadConfig(['--tls'], {}).tls, true)
  t.match(loadConfig(['--tls', '--port', '0'], {}), { tls: true, port: 0 })
  t.equal(loadConfig(['--tls', 'false'], {}).tls, false)
  t.equal(loadConfig(['--tls=true'], {}).tls, true)
})
