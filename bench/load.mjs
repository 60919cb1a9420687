// The load generator, in its own process pinned to CPU 1: wrk (one thread) with bench/wrk/zec.lua,
// which cycles through prebuilt requests; autocannon from npm only when wrk is missing (then
// with the first request's body only). Returns requests/s, p50/p99 and error counts.
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { LOAD_CPU, pinned } from './servers.mjs'

const WRK_SCRIPT = new URL('./wrk/zec.lua', import.meta.url).pathname

const has = (command, args) => spawnSync(command, args, { stdio: 'ignore' }).error === undefined

/** wrk if present (installed from apt when it can be), else autocannon; null when neither can run. */
export function detectLoadGenerator () {
  if (has('wrk', ['--version'])) return 'wrk'
  if (process.getuid?.() === 0 && has('apt-get', ['--version'])) {
    console.error('wrk is missing: apt-get install -y wrk')
    spawnSync('sh', ['-c', 'apt-get update -qq && apt-get install -y -qq wrk'], { stdio: 'inherit' })
    if (has('wrk', ['--version'])) return 'wrk'
  }
  if (spawnSync('npx', ['--no-install', 'autocannon', '--version'], { stdio: 'ignore' }).status === 0) return 'autocannon'
  return null
}

export function wrkVersion () {
  const out = spawnSync('wrk', ['--version'], { encoding: 'utf8' })
  return (out.stdout + out.stderr).split('\n')[0].trim()
}

// Lua long strings need no escaping; JSON and header values never contain `]==]`.
const luaString = (text) => `[==[${text}]==]`
const luaRequests = (requests) => 'return {\n' + requests.map(r =>
  `{ body = ${luaString(r.body)}, headers = { ${Object.entries(r.headers).map(([k, v]) => `[ ${luaString(k)} ] = ${luaString(v)}`).join(', ')} } },`
).join('\n') + '\n}\n'

function run (command, args, env) {
  const [cmd, argv] = pinned(LOAD_CPU, command, args)
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } })
    let out = ''
    let err = ''
    child.stdout.on('data', chunk => { out += chunk })
    child.stderr.on('data', chunk => { err += chunk })
    child.once('exit', code => code === 0 && err === '' ? resolve(out) : reject(new Error(`${command} exited ${code}: ${err}`)))
  })
}

/**
 * Drives `url` with `requests` (cycled) over `connections` for `seconds`.
 * → { rps, p50Ms, p99Ms, errors: {status, socket}, requests }
 */
export async function drive (tool, url, requests, connections, seconds, workDir) {
  if (tool === 'wrk') {
    mkdirSync(workDir, { recursive: true })
    const file = join(workDir, 'requests.lua')
    writeFileSync(file, luaRequests(requests))
    const out = await run('wrk', ['-t1', `-c${connections}`, `-d${seconds}s`, '--timeout', '10s', '-s', WRK_SCRIPT, url + '/api/v2/zec'], { ZEC_REQUESTS: file })
    const line = /BENCHJSON (\{.*\})/.exec(out)
    if (line === null) throw new Error(`wrk printed no summary:\n${out}`)
    const s = JSON.parse(line[1])
    const secs = s.durationUs / 1e6
    return { rps: s.requests / secs, p50Ms: s.p50 / 1000, p99Ms: s.p99 / 1000, requests: s.requests, errors: { status: s.status, socket: s.connect + s.read + s.write + s.timeout } }
  }
  const first = requests[0]
  const headers = Object.entries(first.headers).flatMap(([k, v]) => ['-H', `${k}=${v}`])
  const out = await run('npx', ['--no-install', 'autocannon', '-c', String(connections), '-d', String(seconds), '-m', 'POST', ...headers, '-b', first.body, '--json', url + '/api/v2/zec'], {})
  const r = JSON.parse(out)
  return { rps: r.requests.average, p50Ms: r.latency.p50, p99Ms: r.latency.p99, requests: r.requests.total, errors: { status: r.non2xx, socket: r.errors + r.timeouts } }
}
