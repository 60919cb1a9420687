/**
 * Loads fixtures into the store: the zone catalogue once, and an account's resources. The demo
 * account keeps the fixture ids as written (so docs and tests can name them); any other account
 * seeded from the same fixtures gets fresh ids, because resource ids are globally unique.
 */
import { createHash } from 'node:crypto'
import { errors } from '../errors.js'
import type { Fixtures } from '../fixtures.js'
import { parseSignedDuration, parseZecTime } from '../domain/time.js'
import { bulkTransaction, removeEveryAccount } from '../store/bulk.js'
import { NO_PENDING } from '../store/records.js'
import type { Runtime } from './context.js'

export const DEMO_ACCOUNT = 'demo'
const DEFAULT_GROUP = { resourceGroupId: '00000000-0000-4000-8000-000000000000', resourceGroupName: 'Default Resource Group' }

/** A fixture time: a ZEC timestamp, or a signed duration from `now`. */
export function fixtureTime (text: string | undefined, now: number): number {
  if (text === undefined) return now
  const relative = parseSignedDuration(text)
  const at = relative === null ? parseZecTime(text) : now + relative
  if (at === null) throw errors.invalidParameterValue(`fixture time \`${text}\` is neither yyyy-MM-ddTHH:mm:ssZ nor a signed duration like -P1D`)
  return at
}

/** A disk serial as ZEC shows it: 20 lower-case base-32 characters, stable for a disk id. */
export const serialFor = (diskId: string) =>
  createHash('sha256').update(diskId).digest('hex').replace(/[^0-9a-v]/g, '').padEnd(20, '0').slice(0, 20)

export function seedCatalogue (runtime: Runtime, fixtures: Fixtures): void {
  for (const zone of fixtures.zones) {
    if (runtime.store.zones.get(zone.zoneId) === undefined) runtime.store.zones.insert(zone)
  }
  for (const image of fixtures.images ?? []) {
    if (runtime.store.images.get(image.imageId) !== undefined) continue
    runtime.store.images.insert({
      imageId: image.imageId,
      imageName: image.imageName,
      zoneIds: image.zoneIds ?? null,
      imageType: image.imageType ?? 'PUBLIC_IMAGE',
      imageSource: image.imageSource ?? 'OFFICIAL',
      imageSize: image.imageSize ?? '20',
      imageDescription: image.imageDescription ?? image.imageName,
      imageVersion: image.imageVersion ?? '',
      imageStatus: image.imageStatus ?? 'AVAILABLE',
      nicNetworkType: image.nicNetworkType ?? ['Auto', 'VirtioOnly'],
      category: image.category,
      osType: image.osType
    })
  }
}

/** The NIC id an instance's Primary NIC gets: stable for the instance, 19 digits like every id. */
export const primaryNicOf = (instanceId: string) => `${instanceId.slice(0, 1)}8${instanceId.slice(2)}`

/** The security group, VPCs and subnets of the fixtures, under `idFor`'s ids. */
function seedNetwork (runtime: Runtime, fixtures: Fixtures, accountId: string, now: number, idFor: (id: string) => string, defaultGroup: string): void {
  const { store } = runtime
  for (const group of fixtures.securityGroups ?? []) {
    store.securityGroups.insert({
      securityGroupId: idFor(group.securityGroupId),
      accountId,
      securityGroupName: group.securityGroupName,
      scope: 'Global',
      isDefault: group.isDefault ?? false,
      rules: [],
      createTime: fixtureTime(group.createTime, now)
    })
  }
  for (const vpc of fixtures.vpcs ?? []) {
    store.vpcs.insert({
      vpcId: idFor(vpc.vpcId),
      accountId,
      vpcName: vpc.name,
      cidrBlock: vpc.cidrBlock,
      ipv6CidrBlock: null,
      mtu: vpc.mtu ?? 1500,
      isDefault: vpc.isDefault ?? false,
      securityGroupId: vpc.securityGroupId === undefined ? null : idFor(vpc.securityGroupId),
      resourceGroupId: vpc.resourceGroupId ?? defaultGroup,
      tags: [],
      createTime: fixtureTime(vpc.createTime, now)
    })
  }
  for (const subnet of fixtures.subnets ?? []) {
    store.subnets.insert({
      subnetId: idFor(subnet.subnetId),
      accountId,
      vpcId: idFor(subnet.vpcId),
      regionId: subnet.regionId,
      subnetName: subnet.name,
      cidrBlock: subnet.cidrBlock,
      stackType: 'IPv4',
      isDefault: subnet.isDefault ?? false,
      createTime: fixtureTime(subnet.createTime, now)
    })
  }
}

/** Creates `accountId` and fills it from the fixtures. */
export function seedAccount (runtime: Runtime, fixtures: Fixtures, accountId: string, now: number): void {
  const { store } = runtime
  store.accounts.ensure(accountId, now)
  const keepIds = accountId === DEMO_ACCOUNT
  const ids = new Map<string, string>()
  const idFor = (fixtureId: string) => {
    if (keepIds) return fixtureId
    if (!ids.has(fixtureId)) ids.set(fixtureId, store.ids.next())
    return ids.get(fixtureId) as string
  }

  const groups = fixtures.resourceGroups ?? []
  for (const [i, group] of (groups.length > 0 ? groups : [DEFAULT_GROUP]).entries()) {
    store.accounts.addResourceGroup(accountId, { ...group, isDefault: i === 0 })
  }
  const defaultGroup = store.accounts.defaultResourceGroup(accountId).resourceGroupId
  seedNetwork(runtime, fixtures, accountId, now, idFor, defaultGroup)

  for (const instance of fixtures.instances ?? []) {
    const instanceId = idFor(instance.instanceId)
    const inSubnet = instance.subnetId !== undefined
    store.instances.insert({
      instanceId,
      accountId,
      instanceName: instance.instanceName,
      zoneId: instance.zoneId,
      status: instance.status,
      instanceType: instance.instanceType,
      cpu: instance.cpu,
      memory: instance.memory,
      imageId: instance.imageId,
      imageName: instance.imageName,
      resourceGroupId: instance.resourceGroupId ?? defaultGroup,
      publicIpAddresses: instance.publicIpAddresses ?? [],
      privateIpAddresses: instance.privateIpAddresses ?? [],
      createTime: fixtureTime(instance.createTime, now),
      subnetId: inSubnet ? idFor(instance.subnetId as string) : null,
      securityGroupId: instance.securityGroupId === undefined ? null : idFor(instance.securityGroupId),
      nicId: inSubnet ? primaryNicOf(instanceId) : null,
      nicName: inSubnet ? `${instance.instanceName}-nic` : null,
      keyId: null,
      timeZone: null,
      enableAgent: true,
      enableIpForward: false,
      instanceOptions: null,
      tags: [],
      ...NO_PENDING
    })
  }

  const diskById = new Map<string, { diskType: string, diskSize: number, zoneId: string, resourceGroupId: string }>()
  for (const disk of fixtures.disks ?? []) {
    const diskId = idFor(disk.diskId)
    const resourceGroupId = disk.resourceGroupId ?? defaultGroup
    diskById.set(disk.diskId, { diskType: disk.diskType, diskSize: disk.diskSize, zoneId: disk.zoneId, resourceGroupId })
    // A fixture disk in a transitional status stays there (manual) so the demo always shows it.
    store.disks.insert({
      diskId,
      accountId,
      diskName: disk.diskName,
      zoneId: disk.zoneId,
      diskType: disk.diskType,
      diskCategory: disk.diskCategory,
      diskSize: disk.diskSize,
      status: disk.diskStatus,
      instanceId: disk.instanceId === undefined ? null : idFor(disk.instanceId),
      portable: disk.portable ?? disk.diskType === 'DATA',
      snapshotAbility: disk.snapshotAbility ?? true,
      resourceGroupId,
      serial: serialFor(diskId),
      chargeType: disk.chargeType ?? 'POSTPAID',
      period: null,
      expiredTime: null,
      autoSnapshotPolicyId: null,
      burstingEnabled: disk.burstingEnabled ?? false,
      tags: [],
      createTime: fixtureTime(disk.createTime, now),
      ...NO_PENDING
    })
  }

  for (const snapshot of fixtures.snapshots ?? []) {
    const disk = diskById.get(snapshot.diskId)
    if (disk === undefined) throw errors.invalidParameterValue(`fixture snapshot ${snapshot.snapshotId} names unknown disk ${snapshot.diskId}`)
    store.snapshots.insert({
      snapshotId: idFor(snapshot.snapshotId),
      accountId,
      snapshotName: snapshot.snapshotName,
      diskId: idFor(snapshot.diskId),
      diskType: disk.diskType,
      diskSize: disk.diskSize,
      zoneId: disk.zoneId,
      resourceGroupId: disk.resourceGroupId,
      snapshotType: snapshot.snapshotType,
      status: snapshot.status,
      retentionTime: snapshot.retentionTime === undefined ? null : fixtureTime(snapshot.retentionTime, now),
      createTime: fixtureTime(snapshot.createTime, now),
      ...NO_PENDING
    })
  }
}

/** The credentials and tokens the fixtures name; each account named there is created and seeded. */
export function seedCredentials (runtime: Runtime, fixtures: Fixtures, now: number): void {
  const accountOf = (name: string | undefined) => {
    const accountId = name ?? DEMO_ACCOUNT
    if (!runtime.store.accounts.exists(accountId)) seedAccount(runtime, fixtures, accountId, now)
    return accountId
  }
  for (const c of fixtures.credentials ?? []) runtime.store.accounts.addCredential(c.accessKeyId, c.accessKeyPassword, accountOf(c.account))
  for (const t of fixtures.tokens ?? []) runtime.store.accounts.addToken(t.token, accountOf(t.account))
}

/**
 * Fills what is missing: the zone catalogue, the demo account, the accounts and credentials the
 * fixtures name, and the credentials given as options. On a database that already has state it
 * only re-adds credentials, so a restart with `--db` keeps everything.
 */
export function seedDatabase (runtime: Runtime, fixtures: Fixtures | null): void {
  const now = runtime.clock.now()
  const { store, config } = runtime
  if (fixtures !== null) seedCatalogue(runtime, fixtures)
  if (!store.accounts.exists(DEMO_ACCOUNT)) seedAccount(runtime, fixtures ?? { zones: [] }, DEMO_ACCOUNT, now)
  if (fixtures !== null) seedCredentials(runtime, fixtures, now)
  if (config.accessKeyId !== '') store.accounts.addCredential(config.accessKeyId, config.accessKeyPassword, DEMO_ACCOUNT)
  if (config.token !== '') store.accounts.addToken(config.token, DEMO_ACCOUNT)
}

export type ResetTarget = 'fixtures' | 'empty'

/**
 * Back to the start: every account, or only `accountId`. To `fixtures`, each account is removed
 * with all it owns and the fixture accounts are seeded again (an account made on first use of a
 * new key is made again on its next request). To `empty`, each account keeps its keys and
 * resource groups and loses every resource. A full reset also forgets run-time lifecycle
 * policies, failure injections, quotas and fault rules; a scoped one the account's quotas and the
 * fault rules that name it. Returns the accounts reset. One transaction: call outside any.
 */
export function resetState (runtime: Runtime, fixtures: Fixtures | null, accountId?: string, to: ResetTarget = 'fixtures'): string[] {
  const { store } = runtime
  if (accountId === undefined && to === 'fixtures') {
    // Every account goes: its tables are emptied whole, which at 10k resources costs a fraction of
    // deleting account after account row by row (store/bulk.ts).
    return bulkTransaction(store.db, () => {
      const scope = store.accounts.all()
      removeEveryAccount(store.db)
      store.control.clear()
      store.faults.clear()
      seedDatabase(runtime, fixtures)
      return scope
    })
  }
  return store.transaction(() => {
    const scope = accountId === undefined ? store.accounts.all() : [accountId]
    if (accountId === undefined) {
      store.control.clear()
      store.faults.clear()
    }
    for (const id of scope) {
      store.control.clearQuota(id)
      store.faults.clearAccount(id)
      if (to === 'empty') store.accounts.clearResources(id)
      else store.accounts.remove(id)
    }
    if (to === 'fixtures') seedDatabase(runtime, fixtures)
    return scope
  })
}

/**
 * Adds a further fixtures file (the init folder): its zones, and its resources to every account
 * it names (the demo account when it names none), created when new, then its credentials.
 */
export function seedMore (runtime: Runtime, fixtures: Fixtures): void {
  const now = runtime.clock.now()
  seedCatalogue(runtime, fixtures)
  const named = new Set([...(fixtures.credentials ?? []), ...(fixtures.tokens ?? [])].map(entry => entry.account ?? DEMO_ACCOUNT))
  if (named.size === 0) named.add(DEMO_ACCOUNT)
  for (const accountId of named) seedAccount(runtime, fixtures, accountId, now)
  seedCredentials(runtime, fixtures, now)
}
