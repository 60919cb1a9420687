/**
 * Crashes under load: a child emulator with --db is killed with SIGKILL at seeded random moments
 * under a stream of writes from several clients, and restarted. After each restart every id
 * acknowledged with a 200 exists with its fields, every acknowledged delete stays deleted,
 * `PRAGMA integrity_check` is ok (the file opened with better-sqlite3 right after the kill) and
 * /_emulator/ready answers. The kill moments replay with ZEC_TEST_SEED; the interleaving of the
 * writers is the operating system's.
 */
import t from 'tap'
import type { Test } from 'tap'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { integrity, prng, report, seedFor, startChild, stopChild, zec, type Child } from './support.js'

const seed = seedFor(t, 'crash-writes.test.ts')
const random = prng(seed)
const KILLS = Number(process.env.ZEC_CRASH_KILLS ?? 6)
const WRITERS = 6
const DISKS = ['1400000000000000002', '1400000000000000003', '1400000000000000013', '1400000000000000001']

const dir = mkdtempSync(join(tmpdir(), 'zec-crash-'))
t.teardown(() => rmSync(dir, { recursive: true, force: true }))

const argsFor = (db: string) => ['--db', db, '--lifecycle', 'snapshot.create=immediate,snapshot.delete=immediate,disk.create=immediate',
  '--snapshot-quota-per-disk', '1000000', '--snapshot-quota-per-account', '100000000']

async function ready (url: string): Promise<number> {
  return (await fetch(`${url}/_emulator/ready`)).status
}

interface Acknowledged {
  snapshots: Map<string, { snapshotName: string, diskId: string }>
  disks: Map<string, { diskName: string, diskSize: number, zoneId: string }>
  deleted: Set<string>
}

/** Writes until the server stops answering; records what it acknowledged. */
async function writer (url: string, ack: Acknowledged, id: number, stop: { stopped: boolean }): Promise<number> {
  let sent = 0
  let n = 0
  while (!stop.stopped) {
    const choice = (id + n++) % 10
    try {
      sent++
      if (choice < 6) {
        const input = { diskId: DISKS[n % DISKS.length], snapshotName: `w${id}-${Date.now().toString(36)}-${n}` }
        const res = await zec(url, 'CreateSnapshot', input)
        if (res.status === 200) ack.snapshots.set(res.body.response.snapshotId, input)
      } else if (choice < 8) {
        const input = { zoneId: 'asia-east-1a', diskName: `d${id}-${n}`, diskSize: 20 + (n % 50) }
        const res = await zec(url, 'CreateDisks', input)
        if (res.status === 200) ack.disks.set(res.body.response.diskIds[0], input)
      } else {
        // Delete one acknowledged snapshot, taken out of the pool first so no other writer touches it.
        const victim = ack.snapshots.keys().next().value
        if (victim === undefined) continue
        const fields = ack.snapshots.get(victim)!
        ack.snapshots.delete(victim)
        const res = await zec(url, 'DeleteSnapshots', { snapshotIds: [victim] })
        if (res.status === 200) ack.deleted.add(victim)
        else ack.snapshots.set(victim, fields)
      }
    } catch {
      // The server is gone (killed): whatever was in flight was not acknowledged.
      return sent
    }
  }
  return sent
}

/** Checks, through the restarted server, every acknowledged id and delete; returns the ids checked. */
async function verify (t: Test, url: string, ack: Acknowledged, round: string): Promise<number> {
  let checked = 0
  const snapshotIds = [...ack.snapshots.keys()]
  for (let i = 0; i < snapshotIds.length; i += 100) {
    const chunk = snapshotIds.slice(i, i + 100)
    const res = await zec(url, 'DescribeSnapshots', { snapshotIds: chunk, pageSize: 100 })
    const found = new Map((res.body.response.dataSet as { snapshotId: string, snapshotName: string, diskId: string }[]).map(s => [s.snapshotId, s]))
    for (const id of chunk) {
      const want = ack.snapshots.get(id)!
      const got = found.get(id)
      if (got === undefined || got.snapshotName !== want.snapshotName || got.diskId !== want.diskId) t.fail(`${round}: acknowledged snapshot ${id} ${JSON.stringify(want)} is ${JSON.stringify(got)}`)
      checked++
    }
  }
  const diskIds = [...ack.disks.keys()]
  for (let i = 0; i < diskIds.length; i += 100) {
    const chunk = diskIds.slice(i, i + 100)
    const res = await zec(url, 'DescribeDisks', { diskIds: chunk, pageSize: 100 })
    const found = new Map((res.body.response.dataSet as { diskId: string, diskName: string, diskSize: number, zoneId: string }[]).map(d => [d.diskId, d]))
    for (const id of chunk) {
      const want = ack.disks.get(id)!
      const got = found.get(id)
      if (got === undefined || got.diskName !== want.diskName || got.diskSize !== want.diskSize || got.zoneId !== want.zoneId) t.fail(`${round}: acknowledged disk ${id} ${JSON.stringify(want)} is ${JSON.stringify(got)}`)
      checked++
    }
  }
  const deleted = [...ack.deleted]
  for (let i = 0; i < deleted.length; i += 100) {
    const res = await zec(url, 'DescribeSnapshots', { snapshotIds: deleted.slice(i, i + 100), pageSize: 100 })
    if (res.body.response.totalCount !== 0) t.fail(`${round}: ${res.body.response.totalCount} acknowledged deletes came back`)
    checked += Math.min(100, deleted.length - i)
  }
  return checked
}

t.test(`SIGKILL under a stream of writes, ${KILLS} times: nothing acknowledged is lost`, async t => {
  const db = join(dir, 'writes.db')
  const ack: Acknowledged = { snapshots: new Map(), disks: new Map(), deleted: new Set() }
  let server: Child = await startChild(argsFor(db))
  t.teardown(() => stopChild(server, 'SIGKILL'))
  let sent = 0
  let idsChecked = 0
  const delays: number[] = []
  for (let kill = 1; kill <= KILLS; kill++) {
    const stop = { stopped: false }
    const writers = Array.from({ length: WRITERS }, (_, i) => writer(server.url, ack, i, stop))
    const delay = 150 + Math.floor(random() * 1200)
    delays.push(delay)
    await new Promise(resolve => setTimeout(resolve, delay))
    server.process.kill('SIGKILL')
    await server.exited
    stop.stopped = true
    sent += (await Promise.all(writers)).reduce((a, b) => a + b, 0)

    t.equal(integrity(db), 'ok', `kill ${kill} (after ${delay} ms): integrity_check ok`)
    server = await startChild(argsFor(db))
    t.equal(await ready(server.url), 200, `kill ${kill}: ready after the restart`)
    const checked = await verify(t, server.url, ack, `kill ${kill}`)
    idsChecked += checked
    t.pass(`kill ${kill}: ${ack.snapshots.size} snapshots, ${ack.disks.size} disks, ${ack.deleted.size} deletes acknowledged so far, all present`)
  }
  const fixtures = await zec(server.url, 'DescribeDisks', { diskIds: ['1400000000000000001'] })
  t.equal(fixtures.body.response.totalCount, 1, 'the fixtures were not seeded twice or lost')
  await stopChild(server)
  report(t, 'crash.writes', { seed, kills: KILLS, killDelaysMs: delays, requestsSent: sent, acknowledgedSnapshots: ack.snapshots.size, acknowledgedDisks: ack.disks.size, acknowledgedDeletes: ack.deleted.size, idsChecked })
})
