// Scale benchmark: DescribeDisks and CreateSnapshot throughput on an account with 1k disks (the
// baseline) and with many more, measured in the same run. Reports ratios against the baseline,
// because absolute numbers on a shared 2-core machine are noisy.
//   npm run bench                       (sizes 1000,100000,1000000; 3 s per scenario)
//   BENCH_SIZES=1000,100000 BENCH_SECONDS=2 npm run bench
import { buildApp } from '../dist/src/app.js'
import { makeConfig } from '../dist/src/config.js'
import { NO_PENDING } from '../dist/src/store/records.js'

const SIZES = (process.env.BENCH_SIZES ?? '1000,100000,1000000').split(',').map(Number)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3)
const CONCURRENCY = 16

async function fill (app, count) {
  const { store } = app.runtime
  const now = Date.now()
  store.transaction(() => {
    for (let i = 0; i < count; i++) {
      const diskId = String(8000000000000000000n + BigInt(i))
      store.disks.insert({
        diskId,
        accountId: 'demo',
        diskName: `bulk-${i}`,
        zoneId: i % 2 === 0 ? 'asia-east-1a' : 'asia-southeast-1a',
        diskType: 'DATA',
        diskCategory: 'Standard NVMe SSD',
        diskSize: 20 + (i % 100),
        status: 'AVAILABLE',
        instanceId: null,
        portable: true,
        snapshotAbility: true,
        resourceGroupId: '8f3c2a5e-1b7d-4c9a-9e2f-0a6b5c4d3e21',
        serial: diskId.slice(-20),
        chargeType: 'POSTPAID',
        period: null,
        expiredTime: null,
        autoSnapshotPolicyId: null,
        burstingEnabled: false,
        tags: [],
        createTime: now - i * 1000,
        ...NO_PENDING
      })
    }
  })
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

const rows = []
for (const size of SIZES) {
  const app = await buildApp(makeConfig({ lifecycle: { 'snapshot.create': { kind: 'immediate' } }, snapshotQuotaPerDisk: 1_000_000, snapshotQuotaPerAccount: 100_000_000 }))
  const t0 = performance.now()
  await fill(app, size)
  const fillMs = performance.now() - t0
  await app.listen({ host: '127.0.0.1', port: 0 })
  const url = `http://127.0.0.1:${app.server.address().port}/api/v2/zec`
  // Warm the JIT (and SQLite's page cache) so the baseline is not measured cold.
  await load(url, 'DescribeDisks', () => ({ pageSize: 20 }), 1)
  const all = await load(url, 'DescribeDisks', () => ({ pageSize: 20 }))
  const zone = await load(url, 'DescribeDisks', (w, i) => ({ zoneId: 'asia-east-1a', pageSize: 20, pageNum: 1 + (i % 5) }))
  const byId = await load(url, 'DescribeDisks', (w, i) => ({ diskIds: [String(8000000000000000000n + BigInt((w * 7919 + i) % size))] }))
  const create = await load(url, 'CreateSnapshot', (w, i) => ({ diskId: String(8000000000000000000n + BigInt((w * 104729 + i) % size)), snapshotName: `b-${w}-${i}` }))
  rows.push({ size, fillMs, all, zone, byId, create })
  await app.close()
  console.error(`size ${size}: filled in ${Math.round(fillMs)} ms`)
}

const base = rows[0]
const ratio = (row, key) => (row[key].rps / base[key].rps).toFixed(2)
console.log(`\nBENCH_SIZES=${SIZES.join(',')} BENCH_SECONDS=${SECONDS}, concurrency ${CONCURRENCY}, node ${process.version}`)
console.log('| disks in account | DescribeDisks (all) req/s | ×base | DescribeDisks (zone filter, pages 1–5) req/s | ×base | DescribeDisks (by id) req/s | ×base | CreateSnapshot req/s | ×base | errors |')
console.log('|---|---|---|---|---|---|---|---|---|---|')
for (const row of rows) {
  const errors = row.all.errors + row.zone.errors + row.byId.errors + row.create.errors
  console.log(`| ${row.size} | ${Math.round(row.all.rps)} | ${ratio(row, 'all')} | ${Math.round(row.zone.rps)} | ${ratio(row, 'zone')} | ${Math.round(row.byId.rps)} | ${ratio(row, 'byId')} | ${Math.round(row.create.rps)} | ${ratio(row, 'create')} | ${errors} |`)
}
