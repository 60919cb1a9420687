/**
 * CreateZecInstances (zec-instances.md): `instanceCount` instances of one type and image in a
 * zone, each with a Primary NIC in the subnet (its private IP the subnet's next free address, or
 * `lanIp`), its system disk and the data disks asked for, as real IN_USE disk rows that live and
 * die with it (not portable). The instances go PENDING → DEPLOYING → RUNNING under the
 * `instance.create` and `instance.deploy` policies; a failure injection ends CREATE_FAILED.
 * What was sent is stored as sent, so DescribeInstances echoes it and a second plan is empty.
 */
import { Type } from '@sinclair/typebox'
import { Enum, Id, Tags } from '../../../schemas/common.js'
import { DEFAULT_DISK_CATEGORY } from '../../../schemas/disk.js'
import { DataDiskInput, InstanceName, Password, SystemDiskInput } from '../../../schemas/instance-input.js'
import { isAssignable, nextFreeIp, parseCidr, parseIp, type Cidr } from '../../domain/cidr.js'
import { duplicateTagKey, MAX_DATA_DISKS_PER_INSTANCE, snapshotAbilityOf } from '../../domain/disks.js'
import { DEFAULT_INSTANCE_NAME, instanceTypeOf, MAX_INSTANCE_COUNT, MIN_SYSTEM_DISK_SIZE } from '../../domain/instances.js'
import type { ActionContext } from '../../engine/context.js'
import { serialFor } from '../../engine/seed.js'
import { beginTransition } from '../../engine/transitions.js'
import { errors } from '../../errors.js'
import { NO_PENDING, type DiskRecord, type InstanceRecord } from '../../store/records.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'
import { requireZone, resourceGroupFor } from '../disk-checks.js'
import { requirePassword } from '../instance-checks.js'
import { loadSecurityGroup, loadSubnet, loadVpc, usedIps } from '../network-checks.js'

const input = Type.Object({
  zoneId: Id,
  imageId: Id,
  instanceType: Id,
  subnetId: Id,
  instanceName: Type.Optional(InstanceName),
  instanceCount: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_INSTANCE_COUNT })),
  password: Type.Optional(Password),
  keyId: Type.Optional(Id),
  timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  nicNetworkType: Type.Optional(Enum(['Auto', 'FailOver', 'VirtioOnly', 'VfOnly'] as const)),
  systemDisk: Type.Optional(SystemDiskInput),
  dataDisks: Type.Optional(Type.Array(DataDiskInput, { maxItems: MAX_DATA_DISKS_PER_INSTANCE })),
  securityGroupId: Type.Optional(Id),
  lanIp: Type.Optional(Type.String({ maxLength: 15 })),
  enableAgent: Type.Optional(Type.Boolean()),
  enableIpForward: Type.Optional(Type.Boolean()),
  resourceGroupId: Type.Optional(Id),
  tags: Type.Optional(Tags),
  userData: Type.Optional(Type.String({ maxLength: 65536 })),
  instanceOptions: Type.Optional(Type.Object({ nestedVirtualization: Type.Optional(Type.Boolean()) }))
})

/** One private IP per new instance: `lanIp` (one instance only) or the subnet's next free ones. */
function privateIps (ctx: ActionContext, subnetId: string, cidr: Cidr, count: number, lanIp: string | undefined): string[] {
  const used = usedIps(ctx, subnetId)
  if (lanIp !== undefined) {
    const ip = parseIp(lanIp)
    if (count !== 1) throw errors.invalidParameterValue('The parameter `lanIp` can be given only when one instance is created.')
    if (ip === null || !isAssignable(cidr, ip)) throw errors.lanIpNotSupported(`The parameter \`lanIp\` \`${lanIp}\` is not a host address of the subnet (its network, gateway and broadcast addresses are reserved).`)
    if (used.has(lanIp)) throw errors.lanIpInUse(`The private IP \`${lanIp}\` is already given to another instance.`)
    return [lanIp]
  }
  const ips: string[] = []
  for (let i = 0; i < count; i++) {
    const ip = nextFreeIp(cidr, used)
    if (ip === null) throw errors.subnetIpInsufficient(`The subnet \`${subnetId}\` has ${ips.length} free private IP(s); ${count} are needed.`)
    used.add(ip)
    ips.push(ip)
  }
  return ips
}

function newDisk (ctx: ActionContext, instance: InstanceRecord, fields: Pick<DiskRecord, 'diskName' | 'diskType' | 'diskSize' | 'diskCategory' | 'burstingEnabled'>): string {
  const diskId = ctx.store.ids.next()
  ctx.store.disks.insert({
    ...fields,
    diskId,
    accountId: ctx.accountId,
    zoneId: instance.zoneId,
    status: 'IN_USE',
    instanceId: instance.instanceId,
    portable: false,
    snapshotAbility: snapshotAbilityOf(fields.diskCategory),
    resourceGroupId: instance.resourceGroupId,
    serial: serialFor(diskId),
    chargeType: 'POSTPAID',
    period: null,
    expiredTime: null,
    autoSnapshotPolicyId: null,
    tags: [],
    createTime: ctx.now,
    ...NO_PENDING
  })
  return diskId
}

export default defineAction({
  name: 'CreateZecInstances',
  versions: BOTH_VERSIONS,
  input,
  output: Type.Object({
    orderNumber: Type.String(),
    instanceIdSet: Type.Array(Type.String()),
    instances: Type.Array(Type.Object({ instanceId: Type.String(), diskIdSet: Type.Array(Type.String()) }))
  }),
  handler (ctx, input) {
    requireZone(ctx, input.zoneId)
    const zone = ctx.store.zones.get(input.zoneId)
    const type = instanceTypeOf(input.instanceType)
    if (type === undefined) throw errors.instanceTypeNotFound(`The instance type \`${input.instanceType}\` does not exist (see DescribeZoneInstanceConfigInfos).`)
    const image = ctx.store.images.get(input.imageId)
    if (image === undefined || (image.zoneIds !== null && !image.zoneIds.includes(input.zoneId))) {
      throw errors.imageNotFound(`The image \`${input.imageId}\` is not sold in zone \`${input.zoneId}\` (see DescribeImages).`)
    }
    if (input.password !== undefined && input.keyId !== undefined) throw errors.loginConflict('The parameters `password` and `keyId` cannot be used together: pick one way to log in.')
    if (input.password === undefined && input.keyId === undefined) throw errors.missingParameter('One of the parameters `password` and `keyId` is required.')
    if (input.password !== undefined) requirePassword(input.password)
    const tags = input.tags?.tags ?? []
    const duplicate = duplicateTagKey(tags)
    if (duplicate !== null) throw errors.invalidParameterValue(`The parameter \`tags.tags\` has the key \`${duplicate}\` more than once; tag keys must be unique.`)
    const dataDiskCount = (input.dataDisks ?? []).reduce((n, d) => n + (d.diskAmount ?? 1), 0)
    if (dataDiskCount > MAX_DATA_DISKS_PER_INSTANCE) {
      throw errors.instanceAttachLimit(`The parameter \`dataDisks\` asks for ${dataDiskCount} data disks; an instance holds at most ${MAX_DATA_DISKS_PER_INSTANCE}.`)
    }
    const subnet = loadSubnet(ctx, input.subnetId)
    if (subnet.regionId !== zone?.regionId) {
      throw errors.subnetZoneMismatch(`The subnet \`${subnet.subnetId}\` is in region \`${subnet.regionId}\`; the zone \`${input.zoneId}\` is in \`${zone?.regionId ?? ''}\`.`)
    }
    const vpc = loadVpc(ctx, subnet.vpcId)
    const securityGroupId = input.securityGroupId === undefined ? vpc.securityGroupId : loadSecurityGroup(ctx, input.securityGroupId).securityGroupId
    const resourceGroupId = resourceGroupFor(ctx, input.resourceGroupId)
    const count = input.instanceCount ?? 1
    const ips = privateIps(ctx, subnet.subnetId, parseCidr(subnet.cidrBlock) as Cidr, count, input.lanIp)

    const instanceName = input.instanceName ?? DEFAULT_INSTANCE_NAME
    const created = ips.map(ip => {
      const instance: InstanceRecord = {
        instanceId: ctx.store.ids.next(),
        accountId: ctx.accountId,
        instanceName,
        zoneId: input.zoneId,
        status: 'PENDING',
        instanceType: type.instanceType,
        cpu: type.cpuCount,
        memory: type.memory,
        imageId: image.imageId,
        imageName: image.imageName,
        resourceGroupId,
        publicIpAddresses: [],
        privateIpAddresses: [ip],
        createTime: ctx.now,
        subnetId: subnet.subnetId,
        securityGroupId,
        nicId: ctx.store.ids.next(),
        nicName: `${instanceName}-eth0`,
        keyId: input.keyId ?? null,
        timeZone: input.timeZone ?? null,
        enableAgent: input.enableAgent ?? true,
        enableIpForward: input.enableIpForward ?? false,
        instanceOptions: input.instanceOptions === undefined ? null : { nestedVirtualization: input.instanceOptions.nestedVirtualization ?? false },
        tags,
        ...NO_PENDING
      }
      ctx.store.instances.insert(instance)
      const system = input.systemDisk ?? {}
      const diskIds = [newDisk(ctx, instance, {
        diskName: `${instanceName}-system`,
        diskType: 'SYSTEM',
        diskSize: system.diskSize ?? Math.max(MIN_SYSTEM_DISK_SIZE, Number(image.imageSize) || MIN_SYSTEM_DISK_SIZE),
        diskCategory: system.diskCategory ?? DEFAULT_DISK_CATEGORY,
        burstingEnabled: system.burstingEnabled ?? false
      })]
      for (const data of input.dataDisks ?? []) {
        for (let i = 0; i < (data.diskAmount ?? 1); i++) {
          diskIds.push(newDisk(ctx, instance, {
            diskName: `${instanceName}-data-${diskIds.length}`,
            diskType: 'DATA',
            diskSize: data.diskSize,
            diskCategory: data.diskCategory ?? DEFAULT_DISK_CATEGORY,
            burstingEnabled: data.burstingEnabled ?? false
          }))
        }
      }
      beginTransition(ctx, 'instance.create', instance)
      return { instanceId: instance.instanceId, diskIdSet: diskIds }
    })
    return { orderNumber: ctx.store.ids.next(), instanceIdSet: created.map(c => c.instanceId), instances: created }
  }
})
