// What the request journal and the fault door cost: a cheap read (DescribeZones) and a write
// (CreateSnapshot) with the journal off (--journal-size 0), at its default (1000), and at its
// default with a fault rule that is consulted on every call but never fires. The three
// emulators run side by side and are measured in alternating rounds (medians reported), two ways:
// HTTP throughput from 16 concurrent fetch loops, and CPU time per call through app.inject — the
// second is what to trust on a shared, loaded 2-core machine, where wall-clock rates swing.
//   npm run build && node bench/journal.mjs          (3 rounds, 3 s and 3000 calls per scenario)
//   BENCH_ROUNDS=5 BENCH_SECONDS=2 BENCH_CALLS=5000 node bench/journal.mjs
import { buildApp } from '../dist/src/app.js'
import { makeConfig } from '../dist/src/config.js'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3)
const CALLS = Number(process.env.BENCH_CALLS ?? 3000)
const CONCURRENCY = 16
const SPARE_DISK = '1400000000000000003'

async function start (overrides, rule) {
  const app = await buildApp(makeConfig({ lifecycle: { 'snapshot.create': { kind: 'immediate' } }, snapshotQuotaPerDisk: 1_000_000, snapshotQuotaPerAccount: 100_000_000, ...overrides }))
  if (rule !== undefined) await app.inject({ method: 'POST', url: '/_emulator/faults', payload: rule })
  await app.listen({ host: '127.0.0.1', port: 0 })
  return { app, url: `http://127.0.0.1:${app.server.address().port}/api/v2/zec` }
}

async function load (url, action, bodyFor, seconds = SECONDS) {
  const deadline = performance.now() + seconds * 1000
  let done = 0
  let errors = 0
  const worker = async (w) => {
    for (let i = 0; performance.now() < deadline; i++) {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-zc-action': action }, body: JSON.stringify(bodyFor(w, i)) })
      await res.arrayBuffer()
      if (res.status === 200) done++
      else errors++
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => worker(w)))
  return { rps: done / seconds, errors }
}

/** Process CPU microseconds per call, `CALLS` calls in sequence through app.inject. */
async function cpuPerCall (app, action, bodyFor) {
  const before = process.cpuUsage()
  for (let i = 0; i < CALLS; i++) {
    const res = await app.inject({ method: 'POST', url: '/api/v2/zec', headers: { 'content-type': 'application/json', 'x-zc-action': action }, payload: JSON.stringify(bodyFor(0, i)) })
    if (res.statusCode !== 200) throw new Error(`${action}: ${res.statusCode} ${res.body}`)
  }
  const used = process.cpuUsage(before)
  return (used.user + used.system) / CALLS
}

const setups = {
  'journal off': await start({ journalSize: 0 }),
  'journal 1000': await start({}),
  // Matches every call by its account, so the door reads it, identifies the caller and rolls.
  'journal 1000 + rule': await start({}, { account: 'demo', probability: 0, throttle: true })
}
const scenarios = {
  DescribeZones: () => ({}),
  CreateSnapshot: (w, i) => ({ diskId: SPARE_DISK, snapshotName: `b-${w}-${i}` })
}

for (const { url } of Object.values(setups)) await load(url, 'DescribeZones', () => ({}), 1)
const rates = {}
const cpu = {}
const push = (table, scenario, name, value) => { ((table[scenario] ??= {})[name] ??= []).push(value) }
for (let round = 0; round < ROUNDS; round++) {
  for (const [scenario, bodyFor] of Object.entries(scenarios)) {
    for (const [name, { app, url }] of Object.entries(setups)) {
      const { rps, errors } = await load(url, scenario, bodyFor)
      push(rates, scenario, name, rps)
      if (errors > 0) console.error(`${name} ${scenario}: ${errors} errors`)
      push(cpu, scenario, name, await cpuPerCall(app, scenario, bodyFor))
    }
  }
}
for (const { app } of Object.values(setups)) await app.close()

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const names = Object.keys(setups)
console.log(`\nBENCH_ROUNDS=${ROUNDS} BENCH_SECONDS=${SECONDS} BENCH_CALLS=${CALLS}, concurrency ${CONCURRENCY}, node ${process.version}`)
console.log(`| scenario | ${names.map(name => `${name}: req/s (×off), CPU µs/call (throughput ×off)`).join(' | ')} |`)
console.log(`|---|${names.map(() => '---').join('|')}|`)
for (const scenario of Object.keys(scenarios)) {
  const offRate = median(rates[scenario]['journal off'])
  const offCpu = median(cpu[scenario]['journal off'])
  const cells = names.map(name => {
    const rate = median(rates[scenario][name])
    const us = median(cpu[scenario][name])
    return `${Math.round(rate)} (${(rate / offRate).toFixed(2)}), ${Math.round(us)} (${(offCpu / us).toFixed(2)})`
  })
  console.log(`| ${scenario} | ${cells.join(' | ')} |`)
}
