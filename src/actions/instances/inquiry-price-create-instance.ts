/**
 * InquiryPriceCreateInstance (Go SDK): the pay-as-you-go price of `instanceCount` new instances:
 * the instance type (domain/instances.ts) and its disks on the disk price table, by region.
 * No public IP is priced (the emulator hands out none), so the IP and bandwidth prices are null.
 */
import { Type } from '@sinclair/typebox'
import { Id, Nullable } from '../../../schemas/common.js'
import { DEFAULT_DISK_CATEGORY } from '../../../schemas/disk.js'
import { DataDiskInput, SystemDiskInput } from '../../../schemas/instance-input.js'
import { PriceItem } from '../../../schemas/price.js'
import { instanceTypeOf, MAX_INSTANCE_COUNT, MIN_SYSTEM_DISK_SIZE } from '../../domain/instances.js'
import { hourlyDiskPrice, hourlyInstancePrice } from '../../domain/pricing.js'
import { errors } from '../../errors.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'
import { requireZone } from '../disk-checks.js'

export default defineAction({
  name: 'InquiryPriceCreateInstance',
  versions: BOTH_VERSIONS,
  input: Type.Object({
    zoneId: Id,
    instanceType: Id,
    instanceCount: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_INSTANCE_COUNT })),
    internetChargeType: Type.Optional(Type.String({ maxLength: 64 })),
    bandwidth: Type.Optional(Type.Integer({ minimum: 0 })),
    trafficPackageSize: Type.Optional(Type.Number({ minimum: 0 })),
    systemDisk: Type.Optional(SystemDiskInput),
    dataDisk: Type.Optional(DataDiskInput)
  }),
  output: Type.Object({
    specPrice: PriceItem,
    gpuPrice: Nullable(PriceItem),
    ipv4Price: Nullable(PriceItem),
    ipv4BandwidthPrice: Nullable(PriceItem),
    ipv4BandwidthPrices: Type.Array(Type.Object({ trafficType: Type.String(), price: PriceItem })),
    ipv6Price: Nullable(PriceItem),
    ipv6BandwidthPrice: Nullable(PriceItem),
    systemDiskPrice: PriceItem,
    dataDiskPrice: Nullable(PriceItem)
  }),
  handler (ctx, input) {
    requireZone(ctx, input.zoneId)
    const type = instanceTypeOf(input.instanceType)
    if (type === undefined) throw errors.instanceTypeNotFound(`The instance type \`${input.instanceType}\` does not exist (see DescribeZoneInstanceConfigInfos).`)
    const regionId = ctx.store.zones.get(input.zoneId)?.regionId ?? ''
    const count = input.instanceCount ?? 1
    const system = input.systemDisk ?? {}
    const systemCategory = system.diskCategory ?? DEFAULT_DISK_CATEGORY
    const data = input.dataDisk
    return {
      specPrice: hourlyInstancePrice(ctx.prices, type.hourly, regionId, count),
      gpuPrice: null,
      ipv4Price: null,
      ipv4BandwidthPrice: null,
      ipv4BandwidthPrices: [],
      ipv6Price: null,
      ipv6BandwidthPrice: null,
      systemDiskPrice: hourlyDiskPrice(ctx.prices, systemCategory, regionId, system.diskSize ?? MIN_SYSTEM_DISK_SIZE, count) ?? hourlyInstancePrice(ctx.prices, 0, regionId, count),
      dataDiskPrice: data === undefined ? null : hourlyDiskPrice(ctx.prices, data.diskCategory ?? DEFAULT_DISK_CATEGORY, regionId, data.diskSize, (data.diskAmount ?? 1) * count)
    }
  }
})
