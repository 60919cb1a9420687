/** DescribeZoneInstanceConfigInfos (Go SDK): the instance types each zone sells (domain/instances.ts), all in stock. */
import { Type } from '@sinclair/typebox'
import { Id } from '../../../schemas/common.js'
import { INSTANCE_TYPES } from '../../domain/instances.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'

const Item = Type.Object({
  zoneId: Type.String(),
  instanceType: Type.String(),
  instanceTypeName: Type.String(),
  cpuCount: Type.Integer(),
  memory: Type.Integer(),
  bps: Type.Integer(),
  pps: Type.Integer(),
  internetMaxBandwidthOutLimit: Type.Integer(),
  withStock: Type.Boolean(),
  internetChargeTypes: Type.Array(Type.String()),
  frequency: Type.String()
})

export default defineAction({
  name: 'DescribeZoneInstanceConfigInfos',
  versions: BOTH_VERSIONS,
  input: Type.Object({ zoneId: Type.Optional(Id), instanceType: Type.Optional(Id) }),
  output: Type.Object({ instanceTypeQuotaSet: Type.Array(Item) }),
  handler (ctx, input) {
    const zones = ctx.store.zones.list(input.zoneId === undefined ? undefined : [input.zoneId])
    const types = INSTANCE_TYPES.filter(t => input.instanceType === undefined || t.instanceType === input.instanceType)
    return {
      instanceTypeQuotaSet: zones.flatMap(zone => types.map(t => ({
        zoneId: zone.zoneId,
        instanceType: t.instanceType,
        instanceTypeName: t.instanceTypeName,
        cpuCount: t.cpuCount,
        memory: t.memory,
        bps: t.cpuCount * 1_000_000_000,
        pps: t.cpuCount * 250_000,
        internetMaxBandwidthOutLimit: 1000,
        withStock: true,
        internetChargeTypes: ['ByBandwidth', 'ByTrafficPackage', 'BandwidthCluster'],
        frequency: '2.5GHz'
      })))
    }
  }
})
