/**
 * Soak: a bounded mixed workload calling every registered action of every service (zec, zrm,
 * user) in every version it is served in, from four accounts at once, against a child emulator
 * with a --db file, its RSS sampled from /proc/<pid>/status. No 5xx at any point, every action
 * answers 200 at least once, and RSS after the warm-up grows by at most 15 %. The workload
 * (soak-workload.ts) cleans up after itself, so a leak shows as growth, and every account ends
 * with exactly its fixture disks, instances, VPCs, subnets and security groups.
 * 60 s when CI=true, 15 s otherwise; ZEC_SOAK_SECONDS sets any other length.
 */
import t from 'tap'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SERVICES } from '../../src/actions/index.js'
import type { Version } from '../../src/actions/define-action.js'
import { DEMO_FIXTURES } from '../../src/paths.js'
import { as, CI, report, rssKiB, startChild, stopChild, zec } from './support.js'
import { diskSequence, IMMEDIATE_TRANSITIONS, networkSequence, type Call } from './soak-workload.js'

const SECONDS = Number(process.env.ZEC_SOAK_SECONDS ?? (CI ? 60 : 15))
const WARM_UP_SECONDS = Math.max(5, Math.round(SECONDS / 4))
const ACCOUNTS = ['soak-a', 'soak-b', 'soak-c', 'soak-d']
const WORKERS_PER_ACCOUNT = 2
const LIFECYCLE = IMMEDIATE_TRANSITIONS.map(n => `${n}=immediate`).join(',')
const ZEC_VERSIONS: Version[] = ['2025-09-01', '2024-04-01']

const REGISTERED = new Map(SERVICES.flatMap(service => [...service.actions.values()].map(action => [action.name, { service, action }] as const)))
/** Every action in every version it is served in: what the workload must cover. */
const PAIRS = [...REGISTERED.values()].flatMap(({ action }) => action.versions.map(version => `${action.name}@${version}`))

/** What an account holds, per family, as sorted ids: read at the start and compared at the end. */
const FAMILIES = [
  { action: 'DescribeDisks', id: 'diskId', fixtures: 'disks' },
  { action: 'DescribeInstances', id: 'instanceId', fixtures: 'instances' },
  { action: 'DescribeVpcs', id: 'vpcId', fixtures: 'vpcs' },
  { action: 'DescribeSubnets', id: 'subnetId', fixtures: 'subnets' },
  { action: 'DescribeSecurityGroups', id: 'securityGroupId', fixtures: 'securityGroups' }
] as const
const FIXTURES = JSON.parse(readFileSync(DEMO_FIXTURES, 'utf8')) as Record<string, unknown[]>

t.test(`a ${SECONDS} s mixed workload, ${ACCOUNTS.length} accounts: no 5xx, RSS flat after warm-up`, async t => {
  const dir = mkdtempSync(join(tmpdir(), 'zec-soak-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const server = await startChild(['--db', join(dir, 'soak.db'), '--lifecycle', LIFECYCLE, '--snapshot-quota-per-account', '100000'])
  t.teardown(() => stopChild(server, 'SIGKILL'))
  const calls = new Map<string, { ok: number, refused: number }>()
  const fivexx: string[] = []
  let requests = 0
  const deadline = Date.now() + SECONDS * 1000

  async function inventory (token: string): Promise<Record<string, string[]>> {
    const held: Record<string, string[]> = {}
    for (const family of FAMILIES) {
      const res = await zec(server.url, family.action, { pageSize: 1000 }, as(token))
      held[family.fixtures] = res.body.response.dataSet.map((r: Record<string, string>) => r[family.id]).sort()
    }
    return held
  }

  const callAs = (token: string): Call => async (action, input, version) => {
    const registered = REGISTERED.get(action)
    if (registered === undefined) throw new Error(`the workload calls ${action}, which no service registers`)
    // zrm, user and ModifyNetworkInterfaceAttribute are served in one version each: they go in theirs.
    const sent = registered.action.versions.includes(version) ? version : registered.action.versions[0]
    const res = await zec(server.url, action, input, { ...as(token), 'x-zc-version': sent }, registered.service.path)
    requests++
    const key = `${action}@${sent}`
    const tally = calls.get(key) ?? { ok: 0, refused: 0 }
    if (res.status === 200) tally.ok++
    else tally.refused++
    calls.set(key, tally)
    if (res.status >= 500) fivexx.push(`${key} ${JSON.stringify(input)} → ${res.status} ${res.text.slice(0, 200)}`)
    return res.status === 200 ? res.body.response : undefined
  }

  async function worker (token: string, w: number) {
    const call = callAs(token)
    const instances = (await call('DescribeInstances', {}, ZEC_VERSIONS[0]))?.dataSet.filter((i: { zoneId: string }) => i.zoneId === 'asia-east-1a').map((i: { instanceId: string }) => i.instanceId) as string[]
    let n = 0
    while (Date.now() < deadline) {
      n++
      // The two workers of an account start on different versions, so one round covers both.
      const version = ZEC_VERSIONS[(n + w) % 2]
      await diskSequence(call, version, `s${w}-${n}`, instances)
      await networkSequence(call, version, `s${w}-${n}`)
    }
  }

  const before = new Map<string, Record<string, string[]>>()
  for (const token of ACCOUNTS) before.set(token, await inventory(token))
  const samples: { at: number, rss: number }[] = []
  const began = Date.now()
  const sampler = setInterval(() => { samples.push({ at: (Date.now() - began) / 1000, rss: rssKiB(server.pid) }) }, 1000)
  await Promise.all(ACCOUNTS.flatMap(token => Array.from({ length: WORKERS_PER_ACCOUNT }, (_, w) => worker(token, w))))
  clearInterval(sampler)

  t.same(fivexx.slice(0, 10), [], `no 5xx in ${requests} requests`)
  // A new action (or version) fails here until the workload calls it with an input it accepts.
  const uncalled = PAIRS.filter(pair => !calls.has(pair))
  t.same(uncalled, [], `every one of the ${REGISTERED.size} registered actions is called, in each of its versions (${PAIRS.length} pairs)`)
  const never = [...calls].filter(([, c]) => c.ok === 0).map(([pair]) => pair)
  t.same(never, [], `each of the ${calls.size} action/version pairs called answered 200 at least once`)
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
  const afterWarmUp = samples.filter(s => s.at >= WARM_UP_SECONDS)
  const baseline = median(afterWarmUp.slice(0, 3).map(s => s.rss))
  const final = median(samples.slice(-3).map(s => s.rss))
  const growth = (final - baseline) / baseline
  t.ok(afterWarmUp.length >= 3, `${samples.length} RSS samples, ${afterWarmUp.length} after the ${WARM_UP_SECONDS} s warm-up`)
  t.ok(growth <= 0.15, `RSS after warm-up ${baseline} KiB → ${final} KiB at the end (${(growth * 100).toFixed(1)} %, at most 15 %)`)
  for (const token of ACCOUNTS) {
    const start = before.get(token) as Record<string, string[]>
    const counts = FAMILIES.map(f => `${start[f.fixtures].length} ${f.fixtures}`).join(', ')
    t.same(FAMILIES.map(f => start[f.fixtures].length), FAMILIES.map(f => FIXTURES[f.fixtures].length), `${token} starts with the fixtures: ${counts}`)
    t.same(await inventory(token), start, `${token} ends with exactly those: the workload destroyed all it made`)
  }
  await stopChild(server)
  const byAction = new Map<string, { ok: number, refused: number }>()
  for (const [pair, c] of calls) {
    const name = pair.slice(0, pair.indexOf('@'))
    const sum = byAction.get(name) ?? { ok: 0, refused: 0 }
    byAction.set(name, { ok: sum.ok + c.ok, refused: sum.refused + c.refused })
  }
  report(t, 'soak', {
    seconds: SECONDS,
    accounts: ACCOUNTS.length,
    workers: ACCOUNTS.length * WORKERS_PER_ACCOUNT,
    requests,
    fivexx: fivexx.length,
    actionVersionPairs: calls.size,
    rssKiB: { warmUpEnd: baseline, end: final, max: Math.max(...samples.map(s => s.rss)), growthPercent: Number((growth * 100).toFixed(1)) },
    actions: Object.fromEntries([...byAction].sort()),
    samples: samples.map(s => s.rss)
  })
})
