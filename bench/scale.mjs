// What a request costs in each big state against the small one, as CPU time per call: the four
// scale loads (DescribeSnapshots page of 20, by diskIds, DescribeDisks, CreateSnapshot) through
// app.inject, in sequence, on one emulator per state file (copies of bench/big-state.mjs files),
// in alternating rounds, medians reported. Less noisy on a shared machine than throughput, of
// which it is the inverse. With BENCH_TRACE=1 it also lists, per load, the SQL statements that
// cost more per call in a big state than in the small one (where a fix is needed).
//   npm run build && node bench/scale.mjs                  (5 rounds of 1000 calls per load)
//   BENCH_ROUNDS=3 BENCH_CALLS=500 BENCH_STATES=disk-10k node bench/scale.mjs
import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { buildState, BUSY_DISK } from './big-state.mjs'

const DIST = resolve(process.env.BENCH_DIST ?? 'dist')
const WORK = resolve(process.env.BENCH_WORK ?? '.cache/bench')
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
const CALLS = Number(process.env.BENCH_CALLS ?? 1000)
const TRACE = process.env.BENCH_TRACE === '1'
const STATES = ['small', ...(process.env.BENCH_STATES ?? 'pending-100k,snapshots-1m,disk-10k').split(',')]
const SNAPSHOTTABLE = ['1400000000000000001', BUSY_DISK, '1400000000000000003', '1400000000000000004', '1400000000000000012', '1400000000000000013']

const { buildApp } = await import(join(DIST, 'src/app.js'))
const { makeConfig } = await import(join(DIST, 'src/config.js'))

const LOADS = {
  'snapshots-page': () => ['DescribeSnapshots', { pageNum: 1, pageSize: 20 }],
  'snapshots-by-disk': () => ['DescribeSnapshots', { diskIds: [BUSY_DISK], pageSize: 20 }],
  disks: () => ['DescribeDisks', { pageNum: 1, pageSize: 20 }],
  create: (i) => ['CreateSnapshot', { diskId: SNAPSHOTTABLE[i % SNAPSHOTTABLE.length], snapshotName: `bench-${i}` }]
}

// Per statement text: calls and CPU microseconds, while `tracing` names the load being measured.
let tracing = null
const traced = {}
if (TRACE) {
  const probe = new Database(':memory:')
  const statementProto = Object.getPrototypeOf(probe.prepare('SELECT 1'))
  probe.close()
  for (const method of ['run', 'get', 'all']) {
    const original = statementProto[method]
    statementProto[method] = function (...args) {
      if (tracing === null) return original.apply(this, args)
      const before = process.cpuUsage()
      try { return original.apply(this, args) } finally {
        const used = process.cpuUsage(before)
        const entry = ((traced[tracing] ??= {})[this.source] ??= { calls: 0, us: 0 })
        entry.calls++
        entry.us += used.user + used.system
      }
    }
  }
}

async function start (state) {
  mkdirSync(WORK, { recursive: true })
  // Cached per text of big-state.mjs, not per build: an older build reads the same file (a newer one migrates it).
  const tag = createHash('sha1').update(readFileSync(new URL('./big-state.mjs', import.meta.url))).digest('hex').slice(0, 8)
  const cached = join(WORK, `scale-${state}-${tag}.sqlite`)
  if (!existsSync(cached)) await buildState(state, cached, DIST)
  const file = join(WORK, `scale-${state}.run.sqlite`)
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
  copyFileSync(cached, file)
  const app = await buildApp(makeConfig({ db: file, snapshotQuotaPerDisk: 1_000_000, snapshotQuotaPerAccount: 100_000_000 }))
  await app.ready()
  return { app, file }
}

/** Process CPU microseconds per call, `calls` calls of `load` in sequence. */
async function cpuPerCall (app, load, calls, first) {
  const before = process.cpuUsage()
  for (let i = 0; i < calls; i++) {
    const [action, body] = LOADS[load](first + i)
    const res = await app.inject({ method: 'POST', url: '/api/v2/zec', headers: { 'content-type': 'application/json', 'x-zc-action': action, 'x-zc-version': '2025-09-01' }, payload: JSON.stringify(body) })
    if (res.statusCode !== 200) throw new Error(`${load}: ${res.statusCode} ${res.body}`)
  }
  const used = process.cpuUsage(before)
  return (used.user + used.system) / calls
}

const servers = {}
for (const state of STATES) servers[state] = await start(state)
const cpu = {}
const made = {}
// Reads before writes, as the bench runs them (CreateSnapshot adds rows); the JIT warmed first.
for (const load of Object.keys(LOADS)) {
  for (const [state, { app }] of Object.entries(servers)) { await cpuPerCall(app, load, 200, made[state] ?? 0); made[state] = (made[state] ?? 0) + 200 }
  for (let round = 0; round < ROUNDS; round++) {
    for (const [state, { app }] of Object.entries(servers)) {
      tracing = TRACE ? `${load}|${state}` : null
      ;((cpu[load] ??= {})[state] ??= []).push(await cpuPerCall(app, load, CALLS, made[state]))
      made[state] += CALLS
      tracing = null
    }
  }
}
for (const { app, file } of Object.values(servers)) {
  await app.close()
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const big = STATES.slice(1)
console.log(`\nBENCH_ROUNDS=${ROUNDS} BENCH_CALLS=${CALLS}, node ${process.version}; CPU µs/call, and cost ×small (big ÷ small)`)
console.log(`| load | small | ${big.map(state => `${state} | ×small`).join(' | ')} |`)
console.log(`|---|---:|${big.map(() => '---:|---:').join('|')}|`)
for (const load of Object.keys(LOADS)) {
  const small = median(cpu[load].small)
  console.log(`| ${load} | ${Math.round(small)} | ${big.map(state => `${Math.round(median(cpu[load][state]))} | ${(median(cpu[load][state]) / small).toFixed(2)}`).join(' | ')} |`)
}

if (TRACE) {
  const calls = ROUNDS * CALLS
  for (const load of Object.keys(LOADS)) {
    const small = traced[`${load}|small`] ?? {}
    for (const state of big) {
      const rows = Object.entries(traced[`${load}|${state}`] ?? {})
        .map(([sql, e]) => [sql, e.us / calls, (small[sql]?.us ?? 0) / calls, e.calls / calls])
        .filter(([, us, smallUs]) => us - smallUs > 2)
        .sort((a, b) => (b[1] - b[2]) - (a[1] - a[2]))
      if (rows.length === 0) continue
      console.log(`\n${load} in ${state}: statements costing more than in small (µs per request: big, small; runs per request)`)
      for (const [sql, us, smallUs, per] of rows.slice(0, 8)) console.log(`  ${us.toFixed(1)} vs ${smallUs.toFixed(1)} ×${per.toFixed(2)}  ${sql.replace(/\s+/g, ' ').slice(0, 220)}`)
    }
  }
}
