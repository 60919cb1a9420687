/**
 * Soak: a bounded mixed workload calling every registered action, from four accounts at once,
 * against a child emulator with a --db file, its RSS sampled from /proc/<pid>/status. No 5xx at
 * any point, and RSS after the warm-up grows by at most 15 %. The workload cleans up after itself
 * (every disk, snapshot and policy it makes it also destroys), so a leak shows as growth.
 * 60 s when CI=true, 15 s otherwise; ZEC_SOAK_SECONDS sets any other length.
 */
import t from 'tap'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SERVICES } from '../../src/actions/index.js'
import { as, CI, report, rssKiB, startChild, stopChild, zec } from './support.js'

const SECONDS = Number(process.env.ZEC_SOAK_SECONDS ?? (CI ? 60 : 15))
const WARM_UP_SECONDS = Math.max(5, Math.round(SECONDS / 4))
const ACCOUNTS = ['soak-a', 'soak-b', 'soak-c', 'soak-d']
const WORKERS_PER_ACCOUNT = 2
const LIFECYCLE = ['disk.create', 'disk.attach', 'disk.detach', 'disk.change', 'disk.rollback', 'disk.recycle', 'disk.delete', 'snapshot.create', 'snapshot.rollback', 'snapshot.delete'].map(n => `${n}=immediate`).join(',')
const STAGING = '2d9e7f10-6a3b-4e8c-b5d4-7c1f0e9a8b32'

t.test(`a ${SECONDS} s mixed workload, ${ACCOUNTS.length} accounts: no 5xx, RSS flat after warm-up`, async t => {
  const dir = mkdtempSync(join(tmpdir(), 'zec-soak-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const server = await startChild(['--db', join(dir, 'soak.db'), '--lifecycle', LIFECYCLE, '--snapshot-quota-per-account', '100000'])
  t.teardown(() => stopChild(server, 'SIGKILL'))
  const calls = new Map<string, { ok: number, refused: number }>()
  const fivexx: string[] = []
  let requests = 0
  const deadline = Date.now() + SECONDS * 1000

  async function call (token: string, action: string, input: object, version?: string) {
    const res = await zec(server.url, action, input, { ...as(token), ...(version === undefined ? {} : { 'x-zc-version': version }) })
    requests++
    const tally = calls.get(action) ?? { ok: 0, refused: 0 }
    if (res.status === 200) tally.ok++
    else tally.refused++
    calls.set(action, tally)
    if (res.status >= 500) fivexx.push(`${action} ${JSON.stringify(input)} → ${res.status} ${res.text.slice(0, 200)}`)
    return res.status === 200 ? res.body.response : undefined
  }

  async function worker (token: string, w: number) {
    const instances = (await call(token, 'DescribeInstances', {}))?.dataSet.filter((i: { zoneId: string }) => i.zoneId === 'asia-east-1a').map((i: { instanceId: string }) => i.instanceId) as string[]
    let n = 0
    while (Date.now() < deadline) {
      n++
      const version = n % 2 === 0 ? '2024-04-01' : '2025-09-01'
      const name = `s${w}-${n}`
      await call(token, 'DescribeZones', {}, version)
      await call(token, 'DescribeDiskRegions', {}, version)
      await call(token, 'DescribeDiskCategory', { zoneId: 'asia-east-1a' }, version)
      await call(token, 'InquiryPriceCreateDisks', { zoneId: 'asia-east-1a', diskSize: 40 }, version)
      const made = await call(token, 'CreateDisks', { zoneId: 'asia-east-1a', diskName: name, diskSize: 20 }, version)
      const diskId = made?.diskIds?.[0] as string | undefined
      if (diskId === undefined) continue
      await call(token, 'DescribeDisks', { diskIds: [diskId] }, version)
      await call(token, 'DescribeDisks', { diskName: '^s\\d' })
      await call(token, 'ModifyDisksAttributes', { diskIds: [diskId], diskName: name + '-renamed' }, version)
      await call(token, 'ModifyDisksResourceGroup', { diskIds: [diskId], resourceGroupId: STAGING }, version)
      await call(token, 'InquiryPriceResizeDisk', { diskId, diskSize: 30 }, version)
      await call(token, 'ResizeDisk', { diskId, diskSize: 30 }, version)
      await call(token, 'AttachDisks', { diskIds: [diskId], instanceId: instances[0] }, version)
      await call(token, 'DescribeInstances', { instanceIds: instances }, version)
      await call(token, 'DescribeInstancesStatus', { instanceIds: instances }, version)
      const snap = await call(token, 'CreateSnapshot', { diskId, snapshotName: name }, version)
      const snapshotId = snap?.snapshotId as string | undefined
      await call(token, 'DescribeSnapshots', snapshotId === undefined ? {} : { snapshotIds: [snapshotId] }, version)
      if (snapshotId !== undefined) await call(token, 'ModifySnapshotsAttribute', { snapshotIds: [snapshotId], snapshotName: name + '-x' }, version)
      await call(token, 'ChangeDisksAttach', { diskIds: [diskId], instanceId: instances[1] }, version)
      await call(token, 'DetachDisks', { diskIds: [diskId], instanceCheckFlag: false }, version)
      if (snapshotId !== undefined) await call(token, 'ApplySnapshot', { snapshotId, diskId }, version)
      const end = new Date(Date.now() - 60_000)
      const start = new Date(end.getTime() - 3_600_000)
      const zecTime = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z')
      await call(token, 'DescribeDiskMonitorData', { diskId, metricType: 'DISK_READ_OPS', startTime: zecTime(start), endTime: zecTime(end) })
      const policy = await call(token, 'CreateAutoSnapshotPolicy', { zoneId: 'asia-east-1a', autoSnapshotPolicyName: name, repeatWeekDays: [1 + (n % 7)], hours: [n % 24] }, version)
      const policyId = policy?.autoSnapshotPolicyId as string | undefined
      if (policyId !== undefined) {
        await call(token, 'ApplyAutoSnapshotPolicy', { autoSnapshotPolicyId: policyId, diskIds: [diskId] }, version)
        await call(token, 'DescribeAutoSnapshotPolicies', { autoSnapshotPolicyIds: [policyId] }, version)
        await call(token, 'ModifyAutoSnapshotPolicy', { autoSnapshotPolicyId: policyId, retentionDays: 3 }, version)
        await call(token, 'CancelAutoSnapshotPolicy', { autoSnapshotPolicyId: policyId, diskIds: [diskId] }, version)
        await call(token, 'DeleteAutoSnapshotPolicies', { autoSnapshotPolicyIds: [policyId] }, version)
      }
      if (snapshotId !== undefined) await call(token, 'DeleteSnapshots', { snapshotIds: [snapshotId] }, version)
      // Recycle, renew out of the bin, recycle again, destroy.
      await call(token, 'ReleaseDisk', { diskId }, version)
      await call(token, 'RenewDisk', { diskId }, version)
      await call(token, 'ReleaseDisk', { diskId }, version)
      await call(token, 'ReleaseDisk', { diskId }, version)
      // A refused call now and then, which must cost nothing either.
      await call(token, 'DescribeDisks', { diskIds: 'not-a-list' }, version)
    }
  }

  const samples: { at: number, rss: number }[] = []
  const began = Date.now()
  const sampler = setInterval(() => { samples.push({ at: (Date.now() - began) / 1000, rss: rssKiB(server.pid) }) }, 1000)
  await Promise.all(ACCOUNTS.flatMap(token => Array.from({ length: WORKERS_PER_ACCOUNT }, (_, w) => worker(token, w))))
  clearInterval(sampler)

  t.same(fivexx.slice(0, 10), [], `no 5xx in ${requests} requests`)
  // Every action the workload calls must succeed at least once. The instance, zrm and user
  // actions merged last are not in this workload yet: listed, so the gap is visible, not hidden.
  const never = [...calls].filter(([, c]) => c.ok === 0).map(([name]) => name)
  t.same(never, [], `each of the ${calls.size} actions called answered 200 at least once`)
  const uncovered = SERVICES.flatMap(service => [...service.actions.keys()]).filter(name => !calls.has(name))
  t.comment(`registered actions this workload does not call yet: ${uncovered.join(', ') || 'none'}`)
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
  const afterWarmUp = samples.filter(s => s.at >= WARM_UP_SECONDS)
  const baseline = median(afterWarmUp.slice(0, 3).map(s => s.rss))
  const final = median(samples.slice(-3).map(s => s.rss))
  const growth = (final - baseline) / baseline
  t.ok(afterWarmUp.length >= 3, `${samples.length} RSS samples, ${afterWarmUp.length} after the ${WARM_UP_SECONDS} s warm-up`)
  t.ok(growth <= 0.15, `RSS after warm-up ${baseline} KiB → ${final} KiB at the end (${(growth * 100).toFixed(1)} %, at most 15 %)`)
  for (const token of ACCOUNTS) {
    const disks = await zec(server.url, 'DescribeDisks', {}, as(token))
    t.equal(disks.body.response.totalCount, 13, `${token} is back to its 13 fixture disks: the workload destroyed all it made`)
  }
  await stopChild(server)
  report(t, 'soak', {
    seconds: SECONDS,
    accounts: ACCOUNTS.length,
    workers: ACCOUNTS.length * WORKERS_PER_ACCOUNT,
    requests,
    fivexx: fivexx.length,
    rssKiB: { warmUpEnd: baseline, end: final, max: Math.max(...samples.map(s => s.rss)), growthPercent: Number((growth * 100).toFixed(1)) },
    actions: Object.fromEntries([...calls].sort()),
    samples: samples.map(s => s.rss)
  })
})
