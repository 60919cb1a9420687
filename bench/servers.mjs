// Starting and stopping the processes a benchmark measures: the emulator (a built dist, as
// `node dist/src/server.js --port 0`, its URL and demo credentials read from what it prints) and
// the baseline server. Both are pinned to CPU 0 with taskset when the machine has two cores.
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const SERVER_CPU = '0'
export const LOAD_CPU = '1'

let tasksetWorks
/** True when `taskset` exists and can pin to both CPUs the benchmark uses. */
export function canPin () {
  tasksetWorks ??= spawnSync('taskset', ['-c', `${SERVER_CPU},${LOAD_CPU}`, 'true']).status === 0
  return tasksetWorks
}

/** `command args` pinned to `cpu` when pinning works. */
export function pinned (cpu, command, args) {
  return canPin() ? ['taskset', ['-c', cpu, command, ...args]] : [command, args]
}

/** Resident set size of a process in MB (VmRSS), or null once it is gone. */
export function rssMb (pid) {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
    return kb === undefined ? null : Number(kb) / 1024
  } catch {
    return null
  }
}

function start (command, args, readyLine, timeoutMs) {
  const t0 = performance.now()
  const [cmd, argv] = pinned(SERVER_CPU, command, args)
  const child = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } })
  let out = ''
  let err = ''
  child.stderr.on('data', chunk => { err += chunk })
  const exited = new Promise(resolve => child.once('exit', resolve))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`${command} ${args.join(' ')}: not ready after ${timeoutMs} ms\n${err}`)) }, timeoutMs)
    const early = (code) => { clearTimeout(timer); reject(new Error(`${command} ${args.join(' ')} exited (${code}) before it was ready\n${err}`)) }
    child.once('exit', early)
    child.stdout.on('data', chunk => {
      out += chunk
      const m = readyLine.exec(out)
      if (m === null) return
      clearTimeout(timer)
      child.off('exit', early)
      child.stdout.removeAllListeners('data')
      child.stdout.resume()
      const readyMs = performance.now() - t0
      // Print the rest of the banner once it is complete (the credentials follow the URL line).
      setTimeout(() => resolve({
        url: m[1],
        pid: child.pid,
        readyMs,
        banner: out,
        credentials: [...out.matchAll(/access key (\S+) \/ (\S+)/g)].map(c => ({ accessKeyId: c[1], password: c[2] })),
        stop: async () => {
          child.kill('SIGTERM')
          const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
          await exited
          clearTimeout(timer)
        }
      }), 20)
    })
  })
}

/** The emulator of `dist` (a built tree: dist/src/server.js inside it). */
export function startServer (dist, args = [], timeoutMs = 120_000) {
  return start('node', [join(resolve(dist), 'src/server.js'), '--port', '0', ...args], /ready at (http:\/\/\S+)/, timeoutMs)
}

export function startBaseline () {
  return start('node', [new URL('./baseline.mjs', import.meta.url).pathname, '--port', '0'], /ready at (http:\/\/\S+)/, 30_000)
}
