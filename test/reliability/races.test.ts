/**
 * Races over real HTTP: many concurrent fetches against a listening emulator, and the same
 * against two emulator processes sharing one --db file, where only SQLite's IMMEDIATE
 * transactions stand between them. Quotas must hold exactly, ids must never repeat, one disk
 * must end on one instance, and lists must agree with what was acknowledged.
 */
import t from 'tap'
import type { Test } from 'tap'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build, DISK } from '../helper.js'
import { as, isEnvelope, listen, report, startChild, stopChild, zec, type Reply } from './support.js'

const CONCURRENT = 200
const QUOTA = 7
const IMMEDIATE = 'snapshot.create=immediate,snapshot.delete=immediate,disk.attach=immediate,disk.detach=immediate,disk.create=immediate'
const figures: Record<string, unknown> = {}
/** In auth off an access key names its account; the signature is not checked. */
const asKey = (key: string) => ({ authorization: `ZC2-HMAC-SHA256 Credential=${key}, SignedHeaders=content-type;host, Signature=00` })

/** Counts 200s and the codes of the rest; fails on anything that is not 200 or the envelope. */
function tally (t: Test, replies: Reply[]) {
  const codes: Record<string, number> = {}
  for (const r of replies) {
    if (r.status !== 200 && (r.status >= 500 || !isEnvelope(r.body))) t.fail(`unexpected answer ${r.status} ${r.text}`)
    const key = r.status === 200 ? '200' : r.body.code
    codes[key] = (codes[key] ?? 0) + 1
  }
  return codes
}

async function snapshotIdsOf (url: string, input: object, headers: Record<string, string> = {}): Promise<string[]> {
  const res = await zec(url, 'DescribeSnapshots', { ...input, pageSize: 1000 }, headers)
  return res.body.response.dataSet.map((s: { snapshotId: string }) => s.snapshotId).sort()
}

t.test(`${CONCURRENT} concurrent CreateSnapshot on one disk against a per-disk quota of ${QUOTA}`, async t => {
  const { app } = await build(t, { snapshotQuotaPerDisk: QUOTA })
  const url = await listen(app)
  const replies = await Promise.all(Array.from({ length: CONCURRENT }, (_, i) => zec(url, 'CreateSnapshot', { diskId: DISK.sgData, snapshotName: `race-${i}` })))
  const codes = tally(t, replies)
  t.same(codes, { 200: QUOTA, INVALID_SNAPSHOT_QUOTA_EXCEED: CONCURRENT - QUOTA }, 'exactly the quota succeeds, every other call is refused for quota')
  const ids = replies.filter(r => r.status === 200).map(r => r.body.response.snapshotId as string).sort()
  t.equal(new Set(ids).size, ids.length, 'no id twice')
  t.same(await snapshotIdsOf(url, { diskIds: [DISK.sgData] }), ids, 'DescribeSnapshots lists exactly the acknowledged snapshots')
  figures.perDisk = { concurrent: CONCURRENT, quota: QUOTA, codes }
})

t.test(`${CONCURRENT} concurrent CreateSnapshot over an account's disks against per-account quotas set at run time, two accounts at once`, async t => {
  const { app } = await build(t)
  const url = await listen(app)
  // Accounts made on first use of an access key (auth off), each given its own quota through PUT /_emulator/quotas.
  const quotas: Record<string, number> = { 'RACE-A': 12, 'RACE-B': 9 }
  const accounts = Object.keys(quotas)
  const disksOf = new Map<string, string[]>()
  const before = new Map<string, number>()
  for (const key of accounts) {
    const disks = (await zec(url, 'DescribeDisks', { pageSize: 100 }, asKey(key))).body.response.dataSet as { diskId: string, diskStatus: string, snapshotAbility: boolean }[]
    disksOf.set(key, disks.filter(d => ['IN_USE', 'AVAILABLE'].includes(d.diskStatus) && d.snapshotAbility).map(d => d.diskId))
    before.set(key, (await zec(url, 'DescribeSnapshots', {}, asKey(key))).body.response.totalCount)
    const set = await fetch(`${url}/_emulator/quotas`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ accessKeyId: key, snapshotsPerAccount: quotas[key] }) })
    t.equal(set.status, 200, `${key}: quota ${quotas[key]} set`)
  }
  const calls = Array.from({ length: CONCURRENT }, (_, i) => {
    const key = accounts[i % 2]
    const disks = disksOf.get(key) as string[]
    return zec(url, 'CreateSnapshot', { diskId: disks[i % disks.length], snapshotName: `acct-${i}` }, asKey(key)).then(r => ({ key, r }))
  })
  const results = await Promise.all(calls)
  const perAccountCodes: Record<string, unknown> = {}
  for (const key of accounts) {
    const mine = results.filter(x => x.key === key).map(x => x.r)
    const codes = tally(t, mine)
    const room = quotas[key] - (before.get(key) as number)
    t.same(codes, { 200: room, INVALID_SNAPSHOT_QUOTA_EXCEED: CONCURRENT / 2 - room }, `${key}: exactly the room left under its own quota`)
    const ids = mine.filter(r => r.status === 200).map(r => r.body.response.snapshotId as string)
    t.equal(new Set(ids).size, ids.length, `${key}: no id twice`)
    const listed = await snapshotIdsOf(url, {}, asKey(key))
    t.equal(listed.length, quotas[key], `${key}: DescribeSnapshots counts the quota exactly`)
    t.ok(ids.every(id => listed.includes(id)), `${key}: every acknowledged id is listed`)
    perAccountCodes[key] = { quota: quotas[key], ...codes }
  }
  figures.perAccount = { concurrent: CONCURRENT, codes: perAccountCodes }
})

t.test('concurrent AttachDisks of one disk to two instances: exactly one wins, every round', async t => {
  const { app } = await build(t, { lifecycle: { 'disk.attach': { kind: 'immediate' }, 'disk.detach': { kind: 'immediate' } } })
  const url = await listen(app)
  const instances = ['1300000000000000001', '1300000000000000002']
  const rounds = 25
  let losers = 0
  for (let round = 0; round < rounds; round++) {
    const replies = await Promise.all(Array.from({ length: 10 }, (_, i) => zec(url, 'AttachDisks', { diskIds: [DISK.spare], instanceId: instances[i % 2] }).then(r => ({ instanceId: instances[i % 2], r }))))
    const winners = replies.filter(x => x.r.status === 200)
    if (winners.length !== 1) t.fail(`round ${round}: ${winners.length} winners`)
    for (const x of replies.filter(x => x.r.status !== 200)) {
      losers++
      if (!isEnvelope(x.r.body) || !['UNSUPPORTED_OPERATION_DISK_ATTACHED', 'UNSUPPORTED_OPERATION_DISK_STATUS'].includes(x.r.body.code)) t.fail(`round ${round}: loser answered ${x.r.status} ${x.r.text}`)
    }
    const disk = (await zec(url, 'DescribeDisks', { diskIds: [DISK.spare] })).body.response.dataSet[0]
    if (disk.instanceId !== winners[0]?.instanceId) t.fail(`round ${round}: the disk is on ${disk.instanceId}, the winner was ${winners[0]?.instanceId}`)
    const detached = await zec(url, 'DetachDisks', { diskIds: [DISK.spare], instanceCheckFlag: false })
    if (detached.status !== 200) t.fail(`round ${round}: detach ${detached.text}`)
  }
  t.pass(`${rounds} rounds of 10 concurrent attaches: one winner each, ${losers} losers refused`)
  figures.attach = { rounds, perRound: 10, losers }
})

t.test('DeleteSnapshots racing CreateSnapshot and DescribeSnapshots ends consistent', async t => {
  const { app } = await build(t, { snapshotQuotaPerDisk: 1000 })
  const url = await listen(app)
  const created: string[] = []
  const deleted = new Set<string>()
  const describes: Promise<void>[] = []
  let describeCalls = 0
  const describe = async () => {
    describeCalls++
    const res = await zec(url, 'DescribeSnapshots', { diskIds: [DISK.sgData], pageSize: 1000 })
    if (res.status !== 200) { t.fail(`describe: ${res.text}`); return }
    const page = res.body.response
    if (page.totalCount !== page.dataSet.length) t.fail(`a list's totalCount ${page.totalCount} disagrees with its ${page.dataSet.length} items`)
    if (new Set(page.dataSet.map((s: { snapshotId: string }) => s.snapshotId)).size !== page.dataSet.length) t.fail('a snapshot listed twice')
  }
  const work = Array.from({ length: 120 }, async (_, i) => {
    const res = await zec(url, 'CreateSnapshot', { diskId: DISK.sgData, snapshotName: `churn-${i}` })
    if (res.status !== 200) { t.fail(`create: ${res.text}`); return }
    const id = res.body.response.snapshotId as string
    created.push(id)
    describes.push(describe())
    // Every other snapshot is deleted twice at once: one delete wins, the other finds it gone.
    if (i % 2 === 0) {
      const both = await Promise.all([zec(url, 'DeleteSnapshots', { snapshotIds: [id] }), zec(url, 'DeleteSnapshots', { snapshotIds: [id] })])
      for (const r of both) {
        if (r.status === 200) deleted.add(id)
        else if (r.body?.code !== 'INVALID_DISK_SNAPSHOT_NOT_FOUND') t.fail(`delete: ${r.status} ${r.text}`)
      }
    }
  })
  await Promise.all(work)
  await Promise.all(describes)
  const expected = created.filter(id => !deleted.has(id)).sort()
  t.equal(deleted.size, 60, 'each deleted snapshot was deleted once')
  t.same(await snapshotIdsOf(url, { diskIds: [DISK.sgData] }), expected, 'the disk has exactly the snapshots created and not deleted')
  const total = (await zec(url, 'DescribeSnapshots', {})).body.response.totalCount
  const counted = (await snapshotIdsOf(url, {})).length
  t.equal(total, counted, 'the trigger-kept account count agrees with the rows')
  const available = (await zec(url, 'DescribeSnapshots', { status: 'AVAILABLE' })).body.response.totalCount
  t.equal(available, (await snapshotIdsOf(url, { status: 'AVAILABLE' })).length, 'the per-status count agrees with the rows')
  figures.churn = { created: created.length, deleted: deleted.size, describes: describeCalls }
})

t.test('two emulator processes on one --db file: the quota and ids hold across processes', async t => {
  const dir = mkdtempSync(join(tmpdir(), 'zec-race-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const db = join(dir, 'shared.db')
  const args = ['--db', db, '--snapshot-quota-per-disk', String(QUOTA), '--lifecycle', IMMEDIATE]
  // Started one after the other: the first creates the schema and seeds, the second finds it done.
  const a = await startChild(args)
  t.teardown(() => stopChild(a, 'SIGKILL'))
  const b = await startChild(args)
  t.teardown(() => stopChild(b, 'SIGKILL'))
  const urls = [a.url, b.url]

  const replies = await Promise.all(Array.from({ length: CONCURRENT }, (_, i) => zec(urls[i % 2], 'CreateSnapshot', { diskId: DISK.sgData, snapshotName: `two-${i}` })))
  const codes = tally(t, replies)
  t.same(codes, { 200: QUOTA, INVALID_SNAPSHOT_QUOTA_EXCEED: CONCURRENT - QUOTA }, 'exactly the quota succeeds across both processes')
  const ids = replies.filter(r => r.status === 200).map(r => r.body.response.snapshotId as string).sort()
  t.equal(new Set(ids).size, ids.length, 'no id twice across processes')
  t.same(await snapshotIdsOf(a.url, { diskIds: [DISK.sgData] }), ids, 'process A lists exactly the acknowledged snapshots')
  t.same(await snapshotIdsOf(b.url, { diskIds: [DISK.sgData] }), ids, 'process B lists the same')

  // A brand-new account used first from both processes at once is seeded exactly once.
  const first = await Promise.all(Array.from({ length: 40 }, (_, i) => zec(urls[i % 2], 'DescribeDisks', {}, as('two-process-newcomer'))))
  t.ok(first.every(r => r.status === 200), 'every first use answers 200')
  t.same([...new Set(first.map(r => r.body.response.totalCount))], [13], 'the new account has the 13 fixture disks once, seen alike from both')

  // Writes from both processes at once, no quota in the way: every acknowledged id distinct and listed.
  const free = await Promise.all(Array.from({ length: 100 }, (_, i) => zec(urls[i % 2], 'CreateDisks', { zoneId: 'asia-east-1a', diskName: `two-proc-${i}`, diskSize: 20 })))
  const diskIds = free.filter(r => r.status === 200).flatMap(r => r.body.response.diskIds as string[])
  t.equal(diskIds.length, 100, 'all 100 CreateDisks acknowledged')
  t.equal(new Set(diskIds).size, 100, 'no disk id twice across processes')
  const listed = await zec(b.url, 'DescribeDisks', { diskIds: diskIds.slice(0, 100), pageSize: 100 })
  t.equal(listed.body.response.totalCount, 100, 'every acknowledged disk is listed')
  figures.twoProcesses = { concurrent: CONCURRENT, quota: QUOTA, codes, newAccountFirstUses: 40, createDisks: 100 }
})

t.teardown(() => report(t, 'races', figures))
