// What the request journal and the fault door cost, as CPU time per call: a cheap read
// (DescribeZones) and a write (CreateSnapshot) with the journal off (--journal-size 0), at its
// default (1000), and at its default with a fault rule that is consulted on every call but never
// fires. Calls go through app.inject in sequence and the process CPU time is divided by them: on
// a shared, loaded 2-core machine wall-clock rates swing, CPU per call much less, and a CPU-bound
// server's throughput is its inverse. The three emulators are measured in alternating rounds and
// the medians reported.
//   npm run build && node bench/journal.mjs          (5 rounds of 3000 calls per scenario)
//   BENCH_ROUNDS=3 BENCH_CALLS=1500 node bench/journal.mjs
import { buildApp } from '../dist/src/app.js'
import { makeConfig } from '../dist/src/config.js'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
const CALLS = Number(process.env.BENCH_CALLS ?? 3000)
const SPARE_DISK = '1400000000000000003'

async function start (overrides, rule) {
  const app = await buildApp(makeConfig({ lifecycle: { 'snapshot.create': { kind: 'immediate' } }, snapshotQuotaPerDisk: 1_000_000, snapshotQuotaPerAccount: 100_000_000, ...overrides }))
  if (rule !== undefined) await app.inject({ method: 'POST', url: '/_emulator/faults', payload: rule })
  return app
}

/** Process CPU microseconds per call, `calls` calls in sequence. */
async function cpuPerCall (app, action, bodyFor, calls = CALLS) {
  const before = process.cpuUsage()
  for (let i = 0; i < calls; i++) {
    const res = await app.inject({ method: 'POST', url: '/api/v2/zec', headers: { 'content-type': 'application/json', 'x-zc-action': action }, payload: JSON.stringify(bodyFor(i)) })
    if (res.statusCode !== 200) throw new Error(`${action}: ${res.statusCode} ${res.body}`)
  }
  const used = process.cpuUsage(before)
  return (used.user + used.system) / calls
}

const setups = {
  'journal off': await start({ journalSize: 0 }),
  'journal 1000': await start({}),
  // Matches every call by its account, so the door reads it, identifies the caller, rolls and counts.
  'journal 1000 + rule': await start({}, { account: 'demo', probability: 0, throttle: true })
}
const scenarios = {
  DescribeZones: () => ({}),
  CreateSnapshot: (i) => ({ diskId: SPARE_DISK, snapshotName: `bench-${i}` })
}

// Warm the JIT on every path first.
for (const app of Object.values(setups)) for (const [action, bodyFor] of Object.entries(scenarios)) await cpuPerCall(app, action, bodyFor, 500)
const cpu = {}
for (let round = 0; round < ROUNDS; round++) {
  for (const [scenario, bodyFor] of Object.entries(scenarios)) {
    for (const [name, app] of Object.entries(setups)) ((cpu[scenario] ??= {})[name] ??= []).push(await cpuPerCall(app, scenario, bodyFor))
  }
}
for (const app of Object.values(setups)) await app.close()

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const names = Object.keys(setups)
console.log(`\nBENCH_ROUNDS=${ROUNDS} BENCH_CALLS=${CALLS}, node ${process.version}`)
console.log(`| scenario | ${names.map(name => `${name}: CPU µs/call | throughput ×off`).join(' | ')} |`)
console.log(`|---|${names.map(() => '---|---').join('|')}|`)
for (const scenario of Object.keys(scenarios)) {
  const off = median(cpu[scenario]['journal off'])
  console.log(`| ${scenario} | ${names.map(name => `${Math.round(median(cpu[scenario][name]))} | ${(off / median(cpu[scenario][name])).toFixed(2)}`).join(' | ')} |`)
}
