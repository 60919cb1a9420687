// Runs the official-SDK fidelity suites (python, go, java) against the zec-emulator.
//
// For each suite in turn: install its dependencies, start a FRESH emulator, run the suite with
// ZEC_SDK_ENDPOINT and the demo credentials in its environment, stop the emulator, count the
// suite's passes and failures. The last line printed is `N passed, M failed` over all suites;
// the exit code is non-zero when anything failed. A suite that cannot run (toolchain missing,
// install failure, emulator not starting, timeout, no parsable result) counts as one failure.
//
// Usage: node test/sdk/run.mjs [python] [go] [java]   (default: all three; run after `npm run build`)
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const SDK_DIR = dirname(fileURLToPath(import.meta.url))
const ROOT = resolve(SDK_DIR, '..', '..')
const SERVER = join(ROOT, 'dist', 'src', 'server.js')
const SERVER_ARGS = [
  '--port', '0', '--host', '127.0.0.1', '--auth', 'strict', '--log-level', 'warn',
  // Every asynchronous transition the suites wait for, shortened; rollback and resize last 2 s so
  // that a poll right after the call sees ROLLING_BACK / CHANGING. Fixture disks stay as they are.
  '--lifecycle', [
    'disk.create=after:1s', 'disk.attach=after:1s', 'disk.detach=after:1s', 'disk.change=after:2s',
    'disk.rollback=after:2s', 'disk.recycle=after:1s', 'disk.delete=after:1s',
    'snapshot.create=after:1s', 'snapshot.rollback=after:2s', 'snapshot.delete=after:1s',
    'instance.create=after:1s', 'instance.deploy=after:1s', 'instance.boot=after:1s', 'instance.stop=after:1s',
    'instance.reboot=after:1s', 'instance.reset=after:1s', 'instance.recycle=after:1s', 'instance.release=after:1s',
  ].join(','),
  '--snapshot-quota-per-disk', '3',
]
const READY = /zec-emulator ready at (http:\/\/127\.0\.0\.1:(\d+))/
const CREDENTIALS = {
  ZEC_SDK_ACCESS_KEY_ID: process.env.ZEC_SDK_ACCESS_KEY_ID || 'ZEC-EMULATOR-DEMO-KEY',
  ZEC_SDK_ACCESS_KEY_PASSWORD: process.env.ZEC_SDK_ACCESS_KEY_PASSWORD || 'zec-emulator-demo-password',
  ZEC_SDK_TOKEN: process.env.ZEC_SDK_TOKEN || 'zec-emulator-demo-token',
}
const MINUTE = 60_000
const INSTALL_TIMEOUT_MS = 10 * MINUTE
const SUITE_TIMEOUT_MS = 15 * MINUTE
const READY_TIMEOUT_MS = 30_000
const STOP_TIMEOUT_MS = 5_000

const PY_DIR = join(SDK_DIR, 'python')
const GO_DIR = join(SDK_DIR, 'go')
const JAVA_DIR = join(SDK_DIR, 'java')
// The venv lives outside test/ (in the git-ignored .cache/), so nothing under test/ is third-party code.
const VENV_DIR = join(ROOT, '.cache', 'sdk-python-venv')
const VENV_PY = join(VENV_DIR, 'bin', 'python')

const SUITES = {
  python: {
    dir: PY_DIR,
    tools: [['python3', '--version']],
    install: [
      ...(existsSync(VENV_PY) ? [] : [['python3', '-m', 'venv', VENV_DIR]]),
      [VENV_PY, '-m', 'pip', 'install', '-q', '-r', 'requirements.txt'],
    ],
    run: [VENV_PY, '-m', 'pytest', '-v', '-rfE', '--tb=short', '-p', 'no:cacheprovider'],
    parse: parsePytest,
  },
  go: {
    dir: GO_DIR,
    tools: [['go', 'version']],
    install: [['go', 'mod', 'download']],
    run: ['go', 'test', '-v', '-count=1', '-timeout', '14m', './...'],
    parse: parseGoTest,
  },
  java: {
    dir: JAVA_DIR,
    tools: [['java', '-version'], ['mvn', '-v']],
    install: [['mvn', '-q', '-B', 'test-compile']],
    before: () => rmSync(join(JAVA_DIR, 'target', 'surefire-reports'), { recursive: true, force: true }),
    run: ['mvn', '-q', '-B', 'test'],
    parse: parseSurefire,
  },
}

// --- result parsing ---------------------------------------------------------------------------

/** pytest's closing summary, e.g. `==== 1 failed, 19 passed, 1 error in 4.20s ====`. */
function parsePytest (output) {
  const lines = output.split('\n').filter((l) => /\d+ (passed|failed|errors?)\b/.test(l) && / in [\d.]+s/.test(l))
  if (lines.length === 0) return null
  const summary = lines[lines.length - 1]
  const count = (word) => [...summary.matchAll(new RegExp(`(\\d+) ${word}\\b`, 'g'))]
    .reduce((sum, m) => sum + Number(m[1]), 0)
  return { passed: count('passed'), failed: count('failed') + count('errors?'), skipped: count('skipped') }
}

/** Top-level `--- PASS:` / `--- FAIL:` lines of `go test -v` (subtests are indented). */
function parseGoTest (output) {
  const count = (word) => (output.match(new RegExp(`^--- ${word}: `, 'gm')) || []).length
  const result = { passed: count('PASS'), failed: count('FAIL'), skipped: count('SKIP') }
  return result.passed + result.failed + result.skipped === 0 ? null : result
}

/** Surefire's XML reports; falls back to its `Tests run:` summary line. */
function parseSurefire (output) {
  const reports = join(JAVA_DIR, 'target', 'surefire-reports')
  const files = existsSync(reports) ? readdirSync(reports).filter((f) => /^TEST-.*\.xml$/.test(f)) : []
  let run = 0; let failures = 0; let errors = 0; let skipped = 0
  if (files.length > 0) {
    for (const file of files) {
      const head = readFileSync(join(reports, file), 'utf8').match(/<testsuite\b[^>]*>/)
      if (!head) continue
      const attr = (name) => Number((head[0].match(new RegExp(`\\b${name}="(\\d+)"`)) || [])[1] || 0)
      run += attr('tests'); failures += attr('failures'); errors += attr('errors'); skipped += attr('skipped')
    }
  } else {
    const lines = [...output.matchAll(/Tests run: (\d+), Failures: (\d+), Errors: (\d+), Skipped: (\d+)/g)]
    if (lines.length === 0) return null
    const last = lines[lines.length - 1];
    [run, failures, errors, skipped] = last.slice(1).map(Number)
  }
  if (run === 0) return null
  return { passed: run - failures - errors - skipped, failed: failures + errors, skipped }
}

// --- processes --------------------------------------------------------------------------------

/** Environment for a suite: credentials plus the endpoint, and no proxy for loopback calls. */
function suiteEnv (endpoint) {
  const env = { ...process.env, ...CREDENTIALS, ZEC_SDK_ENDPOINT: endpoint }
  for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'all_proxy']) {
    delete env[name]
  }
  env.NO_PROXY = env.no_proxy = `127.0.0.1,localhost,http://${endpoint}`
  return env
}

/** The emulator reads ZEC_* variables as options; only the command line above may configure it. */
function emulatorEnv () {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('ZEC_')))
}

/** Runs a command in its own process group; resolves with its exit code and output, never rejects. */
function run (cmd, { cwd, env = process.env, timeoutMs, echo }) {
  return new Promise((resolve) => {
    let output = ''
    let timedOut = false
    let child
    try {
      child = spawn(cmd[0], cmd.slice(1), { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
    } catch (error) {
      resolve({ code: -1, output: String(error), timedOut })
      return
    }
    const collect = (chunk) => {
      output += chunk
      if (echo) process.stdout.write(chunk)
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    const timer = setTimeout(() => {
      timedOut = true
      killGroup(child.pid, 'SIGKILL')
    }, timeoutMs)
    child.on('error', (error) => {
      clearTimeout(timer)
      resolve({ code: -1, output: output + String(error), timedOut })
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code: code ?? -1, output, timedOut })
    })
  })
}

function killGroup (pid, signal) {
  try {
    process.kill(-pid, signal)
  } catch {
    try { process.kill(pid, signal) } catch { /* already gone */ }
  }
}

let emulator = null
let emulatorLog = ''
let emulatorExit = null // set when the emulator exits; a crash during a suite is reported with its log
process.on('exit', () => { if (emulator) killGroup(emulator.pid, 'SIGKILL') })
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => process.exit(130))
}

/** Starts a fresh emulator; resolves with {endpoint} or {error}. */
function startEmulator () {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SERVER, ...SERVER_ARGS], {
      cwd: ROOT, env: emulatorEnv(), detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    })
    emulator = child
    emulatorLog = ''
    emulatorExit = null
    let settled = false
    const finish = (result) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolve(result)
    }
    const onData = (chunk) => {
      emulatorLog = (emulatorLog + chunk).slice(-8000)
      const ready = emulatorLog.match(READY)
      if (ready) finish({ endpoint: `127.0.0.1:${ready[2]}` })
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', (chunk) => { emulatorLog = (emulatorLog + chunk).slice(-8000) })
    child.on('error', (error) => finish({ error: `cannot start emulator: ${error.message}` }))
    child.on('exit', (code, signal) => {
      emulator = null
      emulatorExit = `${code ?? signal}`
      finish({ error: `emulator exited (${emulatorExit}) before it was ready:\n${emulatorLog}` })
    })
    const timer = setTimeout(
      () => finish({ error: `emulator not ready within ${READY_TIMEOUT_MS} ms:\n${emulatorLog}` }),
      READY_TIMEOUT_MS)
  })
}

/** SIGTERM, then SIGKILL if it has not exited within STOP_TIMEOUT_MS. */
function stopEmulator () {
  const child = emulator
  if (!child) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), STOP_TIMEOUT_MS)
    child.once('exit', () => {
      clearTimeout(timer)
      emulator = null
      resolve()
    })
    if (child.exitCode !== null || child.signalCode !== null) {
      clearTimeout(timer)
      emulator = null
      resolve()
      return
    }
    try { child.kill('SIGTERM') } catch { /* already gone */ }
  })
}

// --- one suite --------------------------------------------------------------------------------

function tail (text, lines = 40) {
  return text.trimEnd().split('\n').slice(-lines).join('\n')
}

function hasTool ([cmd, ...args]) {
  const probe = spawnSync(cmd, args, { stdio: 'ignore', timeout: 30_000 })
  return !probe.error && probe.status === 0
}

async function runSuite (name) {
  const suite = SUITES[name]
  const broken = (reason) => ({ passed: 0, failed: 1, skipped: 0, note: reason })
  console.log(`\n=== sdk suite: ${name} ===`)

  const missing = suite.tools.filter((tool) => !hasTool(tool)).map(([cmd]) => cmd)
  if (missing.length > 0) return broken(`toolchain missing: ${missing.join(', ')}`)
  if (!existsSync(SERVER)) return broken(`${SERVER} not found (run npm run build)`)

  for (const cmd of suite.install) {
    const result = await run(cmd, { cwd: suite.dir, timeoutMs: INSTALL_TIMEOUT_MS })
    if (result.code !== 0) {
      console.log(tail(result.output))
      const unresolved = result.output.match(/(com\.zenlayer:zenlayercloud-sdk-java:jar:[\w.-]+)/)
      // The one skip with a written reason: the SDK is not served by the registry this machine
      // reaches (it answers 404), and building it from its source is not ours to do. Any other
      // install failure counts as a failure.
      if (unresolved && /Could not (resolve|find)|Missing/.test(result.output)) {
        return { passed: 0, failed: 0, skipped: 1, note: `SKIPPED: ${unresolved[1]} is not served by the Maven registry reachable here (see test/sdk/README.md)` }
      }
      return broken(`install step failed${result.timedOut ? ' (timeout)' : ''}: ${cmd.join(' ')}`)
    }
  }
  suite.before?.()

  const started = await startEmulator()
  if (started.error) {
    await stopEmulator()
    return broken(started.error)
  }
  console.log(`emulator at http://${started.endpoint}`)
  let result
  try {
    result = await run(suite.run, {
      cwd: suite.dir, env: suiteEnv(started.endpoint), timeoutMs: SUITE_TIMEOUT_MS, echo: true,
    })
  } finally {
    if (emulatorExit !== null) {
      console.log(`emulator exited (${emulatorExit}) while the suite ran; its last output:\n${tail(emulatorLog)}`)
    }
    await stopEmulator()
  }

  if (result.timedOut) return broken(`timed out after ${SUITE_TIMEOUT_MS / MINUTE} min`)
  const counts = suite.parse(result.output)
  if (!counts) return broken(`no test results found (exit code ${result.code})`)
  if (result.code !== 0 && counts.failed === 0) {
    return { ...counts, failed: 1, note: `exit code ${result.code} with no failing test reported` }
  }
  return counts
}

// --- main -------------------------------------------------------------------------------------

const requested = process.argv.slice(2)
const unknown = requested.filter((name) => !(name in SUITES))
if (unknown.length > 0) {
  console.error(`unknown suite(s): ${unknown.join(', ')}; choose from ${Object.keys(SUITES).join(', ')}`)
  process.exit(2)
}
const names = requested.length > 0 ? requested : Object.keys(SUITES)

const results = []
for (const name of names) {
  results.push([name, await runSuite(name)])
}

console.log('\n=== sdk fidelity results ===')
let passed = 0
let failed = 0
let skipped = 0
for (const [name, r] of results) {
  passed += r.passed
  failed += r.failed
  skipped += r.skipped ?? 0
  const skipNote = r.skipped ? `, ${r.skipped} skipped` : ''
  console.log(`${name}: ${r.passed} passed, ${r.failed} failed${skipNote}${r.note ? ` (${r.note.split('\n')[0]})` : ''}`)
  if (r.note && r.note.includes('\n')) console.log(tail(r.note, 20))
}
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`)
process.exitCode = failed > 0 ? 1 : 0
