/**
 * The built server, started exactly the way the Docker image starts it (the Dockerfile's CMD and
 * HEALTHCHECK, HOST=0.0.0.0, a database file), plus the process-level options behaviour.
 * Needs `npm run build` first (the test script does it).
 */
import t from 'tap'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { PROJECT_ROOT } from '../src/paths.js'

const dockerfile = readFileSync(join(PROJECT_ROOT, 'Dockerfile'), 'utf8')
const jsonLine = (instruction: string) => JSON.parse(dockerfile.split('\n').find(line => line.startsWith(instruction))!.slice(instruction.length).replace(/^.*?CMD /, '')) as string[]
const CMD = jsonLine('CMD ')
const HEALTHCHECK = jsonLine('HEALTHCHECK ')

interface Running { child: ChildProcess, port: number, output: () => string, stdout: () => string, stderr: () => string }

function start (env: Record<string, string>, args: string[] = []): Promise<Running> {
  const child = spawn(CMD[0] === 'node' ? process.execPath : CMD[0], [...CMD.slice(1), ...args], { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const streams = { stdout: '', stderr: '' }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`no ready line in 20 s: ${output}`)) }, 20_000)
    const onData = (name: 'stdout' | 'stderr') => (chunk: Buffer) => {
      output += chunk.toString()
      streams[name] += chunk.toString()
      const m = /zec-emulator ready at http:\/\/[^:]+:(\d+)/.exec(output)
      if (m !== null) { clearTimeout(timer); resolve({ child, port: Number(m[1]), output: () => output, stdout: () => streams.stdout, stderr: () => streams.stderr }) }
    }
    child.stdout!.on('data', onData('stdout'))
    child.stderr!.on('data', onData('stderr'))
    child.on('exit', code => { clearTimeout(timer); reject(new Error(`exited ${code}: ${output}`)) })
  })
}

const stop = (running: Running, signal: NodeJS.Signals = 'SIGTERM') => new Promise<number | null>(resolve => {
  running.child.removeAllListeners('exit')
  running.child.on('exit', code => resolve(code))
  running.child.kill(signal)
})

async function zec (port: number, action: string, body: object) {
  const res = await fetch(`http://127.0.0.1:${port}/api/v2/zec`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-zc-action': action }, body: JSON.stringify(body) })
  return { status: res.status, body: await res.json() as any }
}

t.test('the Docker start path: 0.0.0.0, health check, file database that survives restart and kill -9', async t => {
  t.ok(existsSync(join(PROJECT_ROOT, CMD[1])), `${CMD[1]} is built`)
  const dir = t.testdir({})
  const env = { HOST: '0.0.0.0', PORT: '0', ZEC_DB: join(dir, 'zec.db'), ZEC_LIFECYCLE: 'snapshot.create=immediate' }
  let server = await start(env)
  t.teardown(() => { server.child.kill('SIGKILL') })
  t.match(server.output(), /ready at http:\/\/0\.0\.0\.0:\d+/)
  t.match(server.stderr(), /warning: listening on 0\.0\.0\.0 without an admin token: anyone who can reach port \d+ can reset[^]*--admin-token \/ ZEC_ADMIN_TOKEN/, 'an open admin API is announced on stderr')

  t.match(HEALTHCHECK.join(' '), /\/_emulator\/ready/, 'the HEALTHCHECK asks ready, not health')
  const health = spawnSync(process.execPath, HEALTHCHECK.slice(1), { env: { ...process.env, PORT: String(server.port) }, timeout: 10_000 })
  t.equal(health.status, 0, 'the HEALTHCHECK command passes')
  const res = await fetch(`http://127.0.0.1:${server.port}/_emulator/health`)
  t.match(await res.json(), { status: 'ok' })

  const created = await zec(server.port, 'CreateSnapshot', { diskId: '1400000000000000003', snapshotName: 'survives' })
  t.equal(created.status, 200)
  t.equal(await stop(server), 0, 'SIGTERM shuts down cleanly')

  server = await start(env)
  const afterRestart = await zec(server.port, 'DescribeSnapshots', { snapshotIds: [created.body.response.snapshotId] })
  t.equal(afterRestart.body.response.totalCount, 1, 'state survives a restart; fixtures are not loaded twice')
  t.equal((await zec(server.port, 'DescribeDisks', {})).body.response.totalCount, 13)

  const second = await zec(server.port, 'CreateSnapshot', { diskId: '1400000000000000003', snapshotName: 'acknowledged' })
  await stop(server, 'SIGKILL')
  server = await start(env)
  t.equal((await zec(server.port, 'DescribeSnapshots', { snapshotIds: [second.body.response.snapshotId] })).body.response.totalCount, 1, 'an acknowledged write survives kill -9')
  await stop(server)
})

t.test('a bad option stops the process with a clear message and exit code 2', async t => {
  for (const [args, env, message] of [
    [['--port', 'many'], {}, /--port: invalid value `many`/],
    [[], { ZEC_AUTH: 'sometimes' }, /ZEC_AUTH/],
    [['--fixtures', '/nonexistent/fixtures.json'], {}, /cannot read fixtures/],
    [[], { ZEC_PRICE_TABLE: '/nonexistent/prices.json' }, /cannot read price table/],
    [['--bogus'], {}, /unknown option/]
  ] as [string[], Record<string, string>, RegExp][]) {
    const run = spawnSync(process.execPath, [CMD[1], ...args], { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 20_000 })
    t.equal(run.status, 2, args.join(' ') || JSON.stringify(env))
    t.match(run.stderr, message)
  }
  const help = spawnSync(process.execPath, [CMD[1], '--help'], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 20_000 })
  t.equal(help.status, 0)
  t.match(help.stdout, /--snapshot-quota-per-disk/)
})

t.test('the stable start line: --port 0 prints the chosen URL as the first stdout line; a token silences the warning', async t => {
  const server = await start({ HOST: '0.0.0.0', ZEC_ADMIN_TOKEN: 'docker-secret' }, ['--port', '0'])
  t.teardown(() => { server.child.kill('SIGKILL') })
  t.equal(server.stdout().split('\n')[0], `zec-emulator ready at http://0.0.0.0:${server.port}`, 'exactly this, first')
  t.notMatch(server.stderr(), /warning/, 'no warning once the admin API needs a token')
  const health = spawnSync(process.execPath, HEALTHCHECK.slice(1), { env: { ...process.env, PORT: String(server.port) }, timeout: 10_000 })
  t.equal(health.status, 0, 'the HEALTHCHECK needs no token')
  const clock = await fetch(`http://127.0.0.1:${server.port}/_emulator/clock`)
  t.equal(clock.status, 401, 'the admin API does')
  t.equal(await stop(server), 0)
})
