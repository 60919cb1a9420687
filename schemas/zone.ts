/** ZoneInfo as DescribeZones returns it (zec-api.md §4). */
import { Type, type Static } from '@sinclair/typebox'

export const ZoneInfo = Type.Object({
  zoneId: Type.String(),
  regionId: Type.String(),
  zoneName: Type.String(),
  supportSecurityGroup: Type.Boolean(),
  timeZone: Type.String(),
  cityName: Type.String(),
  cityCode: Type.String(),
  countryCode: Type.String(),
  countryName: Type.String(),
  supportHaVip: Type.Boolean()
})
export type ZoneInfo = Static<typeof ZoneInfo>
