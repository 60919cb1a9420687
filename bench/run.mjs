// npm run bench [-- <scenario or group>...]: the emulator against a bare Fastify route
// (bench/baseline.mjs) in the same run, each in its own process pinned to CPU 0, with wrk on CPU 1,
// after a warm-up, at 10 and 50 connections. Reports requests/s, p50/p99 and server RSS, each
// also as a ratio to the baseline; start-up to ready against `node -e 0`; idle RSS; and the scale
// states (100k pending transitions, 1M snapshots, 10k snapshots on one disk) against the small
// --db state. See bench/README.md.
//   BENCH_DIST=dist BENCH_WARMUP=2 BENCH_SECONDS=5 BENCH_CONNECTIONS=10,50
import { createHash, createHmac } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { spawn } from 'node:child_process'
import { detectLoadGenerator, drive, wrkVersion } from './load.mjs'
import { canPin, pinned, rssMb, SERVER_CPU, startBaseline, startServer } from './servers.mjs'
import { BUSY_DISK, buildState } from './big-state.mjs'

const DIST = resolve(process.env.BENCH_DIST ?? 'dist')
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '10,50').split(',').map(Number)
const WORK = resolve(process.env.BENCH_WORK ?? '.cache/bench')
const QUOTAS = ['--snapshot-quota-per-disk', '1000000', '--snapshot-quota-per-account', '100000000']
/** The demo disks a snapshot can be taken of (IN_USE or AVAILABLE, snapshotAbility true). */
const SNAPSHOTTABLE = ['1400000000000000001', BUSY_DISK, '1400000000000000003', '1400000000000000004', '1400000000000000012', '1400000000000000013']

const json = (action, input) => ({ headers: { 'Content-Type': 'application/json', 'X-ZC-Action': action, 'X-ZC-Version': '2025-09-01' }, body: JSON.stringify(input) })
const many = (count, make) => Array.from({ length: count }, (_, i) => make(i))
const creates = () => many(1200, i => json('CreateSnapshot', { diskId: SNAPSHOTTABLE[i % SNAPSHOTTABLE.length], snapshotName: `bench-${i}` }))

/** ZC2-HMAC-SHA256 (zec-api.md §1.5), made here from the spec, not with the emulator's own code. */
function signed (request, credential, host, timestamp) {
  const sha = (text) => createHash('sha256').update(text).digest('hex')
  const contentType = request.headers['Content-Type']
  const canonical = ['POST', '/', '', `content-type:${contentType}\nhost:${host}\n`, 'content-type;host', sha(request.body)].join('\n')
  const signature = createHmac('sha256', credential.password).update(`ZC2-HMAC-SHA256\n${timestamp}\n${sha(canonical)}`).digest('hex')
  return {
    body: request.body,
    headers: { ...request.headers, Host: host, 'X-ZC-Timestamp': timestamp, Authorization: `ZC2-HMAC-SHA256 Credential=${credential.accessKeyId}, SignedHeaders=content-type;host, Signature=${signature}` }
  }
}

// What each scenario sends and the status it expects; `requests(server)` runs once the server is up.
const LOADS = {
  baseline: { requests: creates, expect: 200 },
  create: { requests: creates, expect: 200 },
  'create-signed': {
    // wrk's Lua has no HMAC: every request is signed here, just before the load, with one
    // timestamp (valid for five minutes), and wrk cycles through the 1,200 signed requests.
    requests: (server) => {
      const host = new URL(server.url).host
      const timestamp = String(Math.floor(Date.now() / 1000))
      return creates().map(r => signed(r, server.credentials[0], host, timestamp))
    },
    expect: 200
  },
  'snapshots-page': { requests: () => [json('DescribeSnapshots', { pageNum: 1, pageSize: 20 })], expect: 200 },
  'snapshots-by-disk': { requests: () => [json('DescribeSnapshots', { diskIds: [BUSY_DISK], pageSize: 20 })], expect: 200 },
  'snapshots-name': { requests: () => [json('DescribeSnapshots', { snapshotName: 'web-01', pageSize: 20 })], expect: 200 },
  disks: { requests: () => [json('DescribeDisks', { pageNum: 1, pageSize: 20 })], expect: 200 },
  refused: { requests: () => [json('CreateSnapshot', { snapshotName: 'no-disk-given' })], expect: 400 }
}

const SCALE_LOADS = ['snapshots-page', 'snapshots-by-disk', 'disks', 'create']
const SCALE_STATES = ['pending-100k', 'snapshots-1m', 'disk-10k']

/**
 * Server groups, in run order: each starts one server and runs its loads in order (reads before
 * writes, since CreateSnapshot adds rows). A scenario is `<group>:<load>`.
 */
const GROUPS = [
  { name: 'baseline', baseline: true, loads: ['baseline'] },
  { name: 'memory', args: [...QUOTAS], loads: ['snapshots-page', 'snapshots-by-disk', 'snapshots-name', 'disks', 'refused', 'create'] },
  { name: 'log-silent', args: [...QUOTAS, '--log-level', 'silent'], loads: ['create'] },
  { name: 'strict', args: [...QUOTAS, '--auth', 'strict'], loads: ['create-signed'] },
  { name: 'db', state: 'small', args: [...QUOTAS], loads: SCALE_LOADS },
  ...SCALE_STATES.map(state => ({ name: state, state, args: [...QUOTAS], loads: SCALE_LOADS }))
]

async function stateFile (state) {
  mkdirSync(WORK, { recursive: true })
  const tag = createHash('sha1').update(DIST).digest('hex').slice(0, 8)
  const cached = join(WORK, `${state}-${tag}.sqlite`)
  if (!existsSync(cached)) {
    const t0 = performance.now()
    await buildState(state, cached, DIST)
    console.error(`  built ${state} in ${Math.round((performance.now() - t0) / 1000)} s`)
  }
  // Every run starts from the same rows: the load writes into a copy.
  const copy = join(WORK, `run-${state}.sqlite`)
  for (const suffix of ['', '-wal', '-shm']) rmSync(copy + suffix, { force: true })
  copyFileSync(cached, copy)
  return copy
}

async function check (server, load) {
  const [first] = load.requests(server)
  const res = await fetch(server.url + '/api/v2/zec', { method: 'POST', headers: first.headers, body: first.body })
  const text = await res.text()
  if (res.status !== load.expect) throw new Error(`expected ${load.expect}, got ${res.status}: ${text.slice(0, 300)}`)
}

/**
 * Waits until the server has worked through what a load left queued (requests whose connections
 * wrk already closed still run), so one measure does not slow the next: any request answers only
 * after the backlog, since the server is one thread.
 */
async function drained (server) {
  try {
    await (await fetch(server.url + '/_emulator/health', { signal: AbortSignal.timeout(120_000) })).arrayBuffer()
  } catch {}
}

async function runGroup (tool, group, selected) {
  const loads = group.loads.filter(load => selected(`${group.name}:${load}`, group.name))
  if (loads.length === 0) return []
  console.error(`▶ ${group.name}`)
  const args = [...(group.args ?? [])]
  if (group.state !== undefined) args.push('--db', await stateFile(group.state))
  const server = group.baseline === true ? await startBaseline() : await startServer(DIST, args)
  const rows = []
  try {
    for (const name of loads) {
      const load = LOADS[name]
      await check(server, load)
      const requests = load.requests(server)
      const dir = join(WORK, 'wrk')
      await drive(tool, server.url, requests, CONNECTIONS[0], WARMUP, dir)
      await drained(server)
      const row = { scenario: `${group.name}:${name}`, group: group.name, load: name, expect: load.expect, byConnections: {} }
      for (const connections of CONNECTIONS) {
        const r = await drive(tool, server.url, load.requests(server), connections, SECONDS, dir)
        await drained(server)
        const unexpected = load.expect === 200 ? r.errors.status : r.requests - r.errors.status
        row.byConnections[connections] = { ...r, unexpected, rssMb: rssMb(server.pid) }
        console.error(`  ${name} c=${connections}: ${Math.round(r.rps)} req/s, p50 ${r.p50Ms.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms, rss ${Math.round(rssMb(server.pid))} MB${unexpected + r.errors.socket > 0 ? `, ${unexpected} unexpected statuses, ${r.errors.socket} socket errors` : ''}`)
      }
      rows.push(row)
    }
  } finally {
    await server.stop()
  }
  return rows
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

function timedExit (command, args) {
  const t0 = performance.now()
  const [cmd, argv] = pinned(SERVER_CPU, command, args)
  return new Promise((resolve, reject) => {
    spawn(cmd, argv, { stdio: 'ignore' }).once('exit', code => code === 0 ? resolve(performance.now() - t0) : reject(new Error(`${command} exited ${code}`)))
  })
}

/** Start-up to ready (the banner is printed after listen and load) against `node -e 0`; idle RSS. */
async function startup (runs = 10) {
  console.error('▶ startup')
  const bare = []
  const ready = []
  const idle = []
  for (let i = 0; i < runs; i++) {
    bare.push(await timedExit('node', ['-e', '0']))
    const server = await startServer(DIST, [])
    ready.push(server.readyMs)
    await new Promise(resolve => setTimeout(resolve, 1000))
    idle.push(rssMb(server.pid))
    await server.stop()
  }
  const result = { nodeMs: median(bare), readyMs: median(ready), idleRssMb: median(idle), runs }
  console.error(`  node -e 0 ${result.nodeMs.toFixed(0)} ms, ready ${result.readyMs.toFixed(0)} ms (${(result.readyMs / result.nodeMs).toFixed(2)}×), idle RSS ${result.idleRssMb.toFixed(1)} MB`)
  return result
}

const fmt = (n, digits = 0) => n === undefined || n === null ? '—' : n.toFixed(digits)

function report (rows, start) {
  const base = rows.find(r => r.scenario === 'baseline:baseline')
  const out = []
  out.push('| scenario | conns | req/s | ×baseline | p50 ms | p99 ms | p99 ×baseline | RSS MB | unexpected |')
  out.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|')
  for (const row of rows) {
    for (const [c, r] of Object.entries(row.byConnections)) {
      const b = base?.byConnections[c]
      out.push(`| ${row.scenario} | ${c} | ${fmt(r.rps)} | ${b === undefined ? '—' : fmt(r.rps / b.rps, 3)} | ${fmt(r.p50Ms, 2)} | ${fmt(r.p99Ms, 2)} | ${b === undefined ? '—' : fmt(r.p99Ms / b.p99Ms, 1)} | ${fmt(r.rssMb)} | ${r.unexpected + r.errors.socket} |`)
    }
  }
  const small = Object.fromEntries(rows.filter(r => r.group === 'db').map(r => [r.load, r]))
  const scaled = rows.filter(r => SCALE_STATES.includes(r.group))
  if (scaled.length > 0 && Object.keys(small).length > 0) {
    out.push('', '| scale state | load | conns | req/s | small-state req/s | cost ×small (≤ 1.3) | p99 ms | RSS MB |', '|---|---|---:|---:|---:|---:|---:|---:|')
    for (const row of scaled) {
      for (const [c, r] of Object.entries(row.byConnections)) {
        const s = small[row.load]?.byConnections[c]
        out.push(`| ${row.group} | ${row.load} | ${c} | ${fmt(r.rps)} | ${fmt(s?.rps)} | ${s === undefined ? '—' : fmt(s.rps / r.rps, 2)} | ${fmt(r.p99Ms, 2)} | ${fmt(r.rssMb)} |`)
      }
    }
  }
  if (start !== undefined) {
    out.push('', `Start-up to ready: ${fmt(start.readyMs)} ms, ${fmt(start.readyMs / start.nodeMs, 2)}× \`node -e 0\` (${fmt(start.nodeMs)} ms); idle RSS ${fmt(start.idleRssMb, 1)} MB (medians of ${start.runs} runs).`)
  }
  return out.join('\n')
}

async function main () {
  const wanted = process.argv.slice(2)
  const selected = (scenario, group) => wanted.length === 0 || wanted.some(w => w === scenario || w === group || scenario.endsWith(':' + w) || (w === 'scale' && SCALE_STATES.concat('db').includes(group)))
  const tool = detectLoadGenerator()
  if (tool === null) {
    console.error('No load generator: install wrk (apt-get install -y wrk) or autocannon (npm install autocannon).')
    process.exit(2)
  }
  if (!existsSync(join(DIST, 'src/server.js'))) {
    console.error(`No build at ${DIST}: run npm run build (or set BENCH_DIST).`)
    process.exit(2)
  }
  const meta = {
    date: new Date().toISOString(),
    dist: DIST,
    node: process.version,
    loadGenerator: tool === 'wrk' ? `${wrkVersion()}, 1 thread` : 'autocannon',
    pinned: canPin() ? 'server on CPU 0, load on CPU 1 (taskset)' : 'not pinned (no taskset)',
    warmupSeconds: WARMUP,
    seconds: SECONDS,
    connections: CONNECTIONS
  }
  console.error(JSON.stringify(meta))
  const rows = []
  // The baseline always runs: every figure is a ratio to it.
  const groups = GROUPS.filter(g => g.baseline === true || g.loads.some(l => selected(`${g.name}:${l}`, g.name)))
  for (const group of groups) rows.push(...await runGroup(tool, group, group.baseline === true ? () => true : selected))
  const start = wanted.length === 0 || wanted.includes('startup') ? await startup() : undefined
  const text = report(rows, start)
  mkdirSync(WORK, { recursive: true })
  writeFileSync(join(WORK, 'last-run.json'), JSON.stringify({ meta, rows, start }, null, 2))
  console.log(`\n${meta.date}, node ${meta.node}, ${meta.loadGenerator}, ${meta.pinned}; warm-up ${WARMUP} s, ${SECONDS} s per measure; dist ${DIST}\n`)
  console.log(text)
}

main().catch(error => {
  console.error(error)
  process.exit(1)
})
