/**
 * Crashes during start-up: a child emulator is SIGKILLed at seeded random moments while it
 * starts — on a fresh file (migrations and fixture seeding under way) and on a used one — and
 * started again. Each time `PRAGMA integrity_check` is ok, ready answers, the fixtures are there
 * exactly once and the state from before the kills is intact. Replays with ZEC_TEST_SEED.
 */
import t from 'tap'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PROJECT_ROOT } from '../../src/paths.js'
import { integrity, prng, report, SERVER, seedFor, startChild, stopChild, zec } from './support.js'

const seed = seedFor(t, 'crash-startup.test.ts')
const random = prng(seed)
const STARTUP_KILLS = Number(process.env.ZEC_CRASH_STARTUP_KILLS ?? 3)

const dir = mkdtempSync(join(tmpdir(), 'zec-crash-start-'))
t.teardown(() => rmSync(dir, { recursive: true, force: true }))

const argsFor = (db: string) => ['--db', db, '--lifecycle', 'snapshot.create=immediate']

async function ready (url: string): Promise<number> {
  return (await fetch(`${url}/_emulator/ready`)).status
}

/** Spawns the server and SIGKILLs it `delay` ms later, whether or not it was ready by then. */
function killDuringStart (args: string[], delay: number): Promise<boolean> {
  const child = spawn(process.execPath, [SERVER, '--port', '0', ...args], { cwd: PROJECT_ROOT, env: { ...process.env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', chunk => { output += chunk })
  return new Promise(resolve => {
    child.once('exit', () => resolve(/ready at/.test(output)))
    setTimeout(() => child.kill('SIGKILL'), delay)
  })
}

t.test(`SIGKILL during start-up, ${STARTUP_KILLS} times in a row on a fresh file and on a used one`, async t => {
  // The used file's first start also measures how long a start takes here, so the kills land
  // inside one (module loading, migrations, fixture seeding, listen).
  const used = join(dir, 'used.db')
  const began = Date.now()
  let server = await startChild(argsFor(used))
  const startMs = Date.now() - began
  const made = await zec(server.url, 'CreateSnapshot', { diskId: '1400000000000000003', snapshotName: 'before-the-kills' })
  await stopChild(server)
  const delays: number[] = []
  let beforeReady = 0

  for (const [label, db] of [['used', used], ['fresh', join(dir, 'fresh.db')]]) {
    for (let i = 0; i < STARTUP_KILLS; i++) {
      const delay = Math.floor(random() * startMs)
      delays.push(delay)
      if (!await killDuringStart(argsFor(db), delay)) beforeReady++
      t.equal(integrity(db), 'ok', `${label} file, kill ${i + 1} after ${delay} ms: integrity_check ok`)
    }
    server = await startChild(argsFor(db))
    t.equal(await ready(server.url), 200, `${label} file: ready after the kills`)
    t.equal((await zec(server.url, 'DescribeDisks', {})).body.response.totalCount, 13, `${label} file: the fixtures are there exactly once`)
    t.equal((await zec(server.url, 'DescribeSnapshots', {})).body.response.totalCount, label === 'used' ? 6 : 5, `${label} file: and the snapshots`)
    if (label === 'used') {
      const kept = await zec(server.url, 'DescribeSnapshots', { snapshotIds: [made.body.response.snapshotId] })
      t.equal(kept.body.response.dataSet[0]?.snapshotName, 'before-the-kills', 'the state from before the kills is intact')
    }
    await stopChild(server)
  }
  report(t, 'crash.startup', { seed, startMs, kills: STARTUP_KILLS * 2, killedBeforeReady: beforeReady, killDelaysMs: delays })
})
