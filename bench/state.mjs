// State benchmark (issue 8): reset, checkpoint save and restore, export and import with 10k
// resources in the demo account (5k disks + 5k snapshots), in memory and with a --db file.
// Each operation runs through the admin API over loopback HTTP (fetch), REPEAT times; the median
// and the worst are reported in ms, next to a baseline measured in the same run: one
// GET /_emulator/clock, so a slow machine shows as a slow baseline.
//   npm run bench:state              (REPEAT=7, RESOURCES=10000)
//   DIST=/other/checkout/dist node bench/state.mjs   (another build, for a before/after in one run)
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const DIST = process.env.DIST === undefined ? new URL('../dist/', import.meta.url) : pathToFileURL(resolve(process.env.DIST) + '/')
const { buildApp } = await import(new URL('src/app.js', DIST).href)
const { makeConfig } = await import(new URL('src/config.js', DIST).href)
const { NO_PENDING } = await import(new URL('src/store/records.js', DIST).href)

const REPEAT = Number(process.env.REPEAT ?? 7)
const RESOURCES = Number(process.env.RESOURCES ?? 10_000)

function fill (app) {
  const { store } = app.runtime
  const now = app.runtime.clock.now()
  const half = Math.floor(RESOURCES / 2)
  store.transaction(() => {
    for (let i = 0; i < half; i++) {
      const diskId = String(8000000000000000000n + BigInt(i))
      store.disks.insert({
        diskId,
        accountId: 'demo',
        diskName: `bulk-${i}`,
        zoneId: 'asia-east-1a',
        diskType: 'DATA',
        diskCategory: 'Standard NVMe SSD',
        diskSize: 20,
        status: 'AVAILABLE',
        instanceId: null,
        portable: true,
        snapshotAbility: true,
        resourceGroupId: '00000000-0000-4000-8000-000000000000',
        serial: diskId.slice(-20),
        chargeType: 'POSTPAID',
        period: null,
        expiredTime: null,
        autoSnapshotPolicyId: null,
        burstingEnabled: false,
        tags: [],
        createTime: now - i,
        ...NO_PENDING
      })
      store.snapshots.insert({
        snapshotId: String(8100000000000000000n + BigInt(i)),
        accountId: 'demo',
        snapshotName: `bulk-${i}`,
        diskId,
        diskType: 'DATA',
        diskSize: 20,
        zoneId: 'asia-east-1a',
        resourceGroupId: '00000000-0000-4000-8000-000000000000',
        snapshotType: 'Manual',
        status: 'AVAILABLE',
        retentionTime: null,
        createTime: now - i,
        ...NO_PENDING
      })
    }
  })
}

async function timed (work) {
  const start = performance.now()
  await work()
  return performance.now() - start
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

async function measure (mode) {
  const dir = mkdtempSync(join(tmpdir(), 'zec-bench-state-'))
  const app = await buildApp(makeConfig({ db: mode === 'memory' ? ':memory:' : join(dir, 'zec.db') }))
  const base = await app.listen({ host: '127.0.0.1', port: 0 })
  const inject = async (method, url, payload, headers = {}) => {
    const body = payload === undefined ? undefined : Buffer.isBuffer(payload) ? payload : JSON.stringify(payload)
    const res = await fetch(base + url, { method, body, headers: body === undefined || Buffer.isBuffer(payload) ? headers : { 'content-type': 'application/json', ...headers } })
    const bytes = Buffer.from(await res.arrayBuffer())
    if (res.status !== 200) throw new Error(`${method} ${url}: ${res.status} ${bytes}`)
    return { rawPayload: bytes }
  }
  fill(app)
  const exported = (await inject('GET', '/_emulator/state/export')).rawPayload
  const rows = {
    baseline: () => inject('GET', '/_emulator/clock'),
    'checkpoint save': () => inject('POST', '/_emulator/state/checkpoints', { name: 'bench' }),
    'checkpoint restore': () => inject('POST', '/_emulator/state/checkpoints/bench/restore'),
    export: () => inject('GET', '/_emulator/state/export'),
    import: () => inject('POST', '/_emulator/state/import', exported, { 'content-type': 'application/octet-stream' }),
    reset: async () => { await inject('POST', '/_emulator/reset', {}) }
  }
  const results = {}
  for (const [name, work] of Object.entries(rows)) {
    const times = []
    for (let i = 0; i < REPEAT; i++) {
      // Every operation starts from the full 10k state (a reset leaves the fixtures only).
      if (name === 'reset') await inject('POST', '/_emulator/state/import', exported, { 'content-type': 'application/octet-stream' })
      times.push(await timed(work))
    }
    results[name] = { median: median(times), worst: Math.max(...times) }
  }
  await app.close()
  rmSync(dir, { recursive: true, force: true })
  return { results, bytes: exported.length }
}

console.log(`# state operations with ${RESOURCES} resources, ${REPEAT} runs each, Node ${process.version}, ${new Date().toISOString()}`)
console.log('| mode | operation | median ms | worst ms |')
console.log('|---|---|---:|---:|')
for (const mode of ['memory', 'file']) {
  const { results, bytes } = await measure(mode)
  for (const [name, r] of Object.entries(results)) console.log(`| ${mode} | ${name} | ${r.median.toFixed(1)} | ${r.worst.toFixed(1)} |`)
  console.log(`| ${mode} | (state file size) | ${(bytes / 1024 / 1024).toFixed(1)} MiB | |`)
}
