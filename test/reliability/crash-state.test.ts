/**
 * Crashes while the state is replaced: a child emulator with --db is SIGKILLed at a seeded random
 * moment during a checkpoint restore and during an import. After each restart the state is wholly
 * the old one or wholly the new one — the same disks, snapshots and accounts as one of the two,
 * nothing in between — `PRAGMA integrity_check` is ok and /_emulator/ready answers.
 * The kill moments replay with ZEC_TEST_SEED.
 */
import t from 'tap'
import type { Test } from 'tap'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { as, integrity, prng, report, seedFor, startChild, stopChild, zec, type Child } from './support.js'

const seed = seedFor(t, 'crash-state.test.ts')
const random = prng(seed)
const KILLS = Number(process.env.ZEC_CRASH_STATE_KILLS ?? 3)
const ARGS = ['--lifecycle', 'disk.create=immediate,snapshot.create=immediate,snapshot.delete=immediate']

const dir = mkdtempSync(join(tmpdir(), 'zec-crash-state-'))
t.teardown(() => rmSync(dir, { recursive: true, force: true }))
const db = join(dir, 'state.db')

/** The whole state as a client sees it: every account, and the disks and snapshots of two of them. */
async function fingerprint (url: string): Promise<string> {
  const parts: string[] = [JSON.stringify((await (await fetch(`${url}/_emulator/accounts`)).json()))]
  for (const headers of [{}, as('second-account')]) {
    for (const [action, key] of [['DescribeDisks', 'diskId'], ['DescribeSnapshots', 'snapshotId']]) {
      const ids: string[] = []
      for (let page = 1; ; page++) {
        const res = await zec(url, action, { pageSize: 1000, pageNum: page }, headers)
        ids.push(...res.body.response.dataSet.map((r: Record<string, string>) => `${r[key]}:${r.diskName ?? r.snapshotName}`))
        if (ids.length >= res.body.response.totalCount) break
      }
      parts.push(`${action} ${ids.length} ${ids.sort().join(',')}`)
    }
  }
  return parts.join('\n')
}

async function fill (url: string, prefix: string, calls: number): Promise<void> {
  for (let i = 0; i < calls; i++) {
    const res = await zec(url, 'CreateDisks', { zoneId: 'asia-east-1a', diskName: `${prefix}-${i}`, diskSize: 20, diskAmount: 50 }, i % 2 === 0 ? {} : as('second-account'))
    if (res.status !== 200) throw new Error(`fill: ${res.text}`)
    await zec(url, 'CreateSnapshot', { diskId: res.body.response.diskIds[0], snapshotName: `${prefix}-${i}` }, i % 2 === 0 ? {} : as('second-account'))
  }
}

const post = (url: string, path: string, body?: Buffer | string, type = 'application/json') =>
  fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': type }, body: body ?? '{}' })

/** Sends the request, SIGKILLs the server `delay` ms after it went out; true when it had answered 200 by then. */
async function killDuring (server: Child, send: () => Promise<Response>, delay: number): Promise<boolean> {
  let answered = false
  const request = send().then(res => { answered = res.status === 200 }, () => {})
  await new Promise(resolve => setTimeout(resolve, delay))
  server.process.kill('SIGKILL')
  await server.exited
  await request
  return answered
}

t.test(`SIGKILL during a checkpoint restore and during an import, ${KILLS} times each: wholly old or wholly new`, async t => {
  let server = await startChild(['--db', db, ...ARGS])
  t.teardown(() => stopChild(server, 'SIGKILL'))
  // State A, saved and exported; then state B (A plus more, minus a fixture snapshot), saved and exported.
  await fill(server.url, 'a', 8)
  t.equal((await post(server.url, '/_emulator/state/checkpoints', JSON.stringify({ name: 'state-a' }))).status, 200, 'checkpoint A saved')
  const exportA = Buffer.from(await (await fetch(`${server.url}/_emulator/state/export`)).arrayBuffer())
  const a = await fingerprint(server.url)
  await fill(server.url, 'b', 8)
  await zec(server.url, 'DeleteSnapshots', { snapshotIds: ['1500000000000000001'] })
  t.equal((await post(server.url, '/_emulator/state/checkpoints', JSON.stringify({ name: 'state-b' }))).status, 200, 'checkpoint B saved')
  const exportB = Buffer.from(await (await fetch(`${server.url}/_emulator/state/export`)).arrayBuffer())
  const b = await fingerprint(server.url)
  t.not(a, b, 'the two states differ')

  // How long one restore and one import take here, so the kills land inside them.
  let began = Date.now()
  t.equal((await post(server.url, '/_emulator/state/checkpoints/state-a/restore')).status, 200)
  const restoreMs = Date.now() - began
  t.equal(await fingerprint(server.url), a, 'an undisturbed restore gives state A')
  began = Date.now()
  t.equal((await post(server.url, '/_emulator/state/import', exportB, 'application/octet-stream')).status, 200)
  const importMs = Date.now() - began
  t.equal(await fingerprint(server.url), b, 'an undisturbed import gives state B')

  const outcomes: Record<string, { delayMs: number, answered: boolean, ended: 'old' | 'new' }[]> = { restore: [], import: [] }
  let current: 'a' | 'b' = 'b'
  const round = async (t: Test, kind: 'restore' | 'import', i: number) => {
    const target = current === 'a' ? 'b' : 'a'
    const window = kind === 'restore' ? restoreMs : importMs
    const delay = Math.floor(random() * window * 1.5)
    const answered = await killDuring(server, kind === 'restore'
      ? () => post(server.url, `/_emulator/state/checkpoints/state-${target}/restore`)
      : () => post(server.url, '/_emulator/state/import', target === 'a' ? exportA : exportB, 'application/octet-stream'), delay)
    t.equal(integrity(db), 'ok', `${kind} ${i + 1} (killed after ${delay} ms): integrity_check ok`)
    server = await startChild(['--db', db, ...ARGS])
    t.equal((await fetch(`${server.url}/_emulator/ready`)).status, 200, `${kind} ${i + 1}: ready after the restart`)
    const seen = await fingerprint(server.url)
    const ended = seen === (target === 'a' ? a : b) ? 'new' : seen === (current === 'a' ? a : b) ? 'old' : undefined
    t.ok(ended !== undefined, `${kind} ${i + 1}: the state is wholly the old one or wholly the new one (${ended ?? 'neither'})`)
    if (answered) t.equal(ended, 'new', `${kind} ${i + 1}: acknowledged before the kill, so it is the new one`)
    outcomes[kind].push({ delayMs: delay, answered, ended: ended ?? 'old' })
    if (ended === 'new') current = target
  }
  for (let i = 0; i < KILLS; i++) await round(t, 'restore', i)
  for (let i = 0; i < KILLS; i++) await round(t, 'import', i)
  await stopChild(server)
  report(t, 'crash.state', { seed, restoreMs, importMs, exportBytes: exportB.length, kills: KILLS * 2, outcomes })
})
