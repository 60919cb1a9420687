/** Zones: the cloud's catalogue, shared by every account (not owned resources). */
import type { Db } from './db.js'
import { zoneColumns, type ZoneRecord } from './records.js'
import { inList } from './table.js'
import { createTable } from './table.js'

export function createZones (db: Db) {
  const table = createTable<ZoneRecord>(db, 'zones', 'zoneId', zoneColumns)
  const selectOne = db.prepare('SELECT * FROM zones WHERE zone_id = ?')
  return {
    insert: table.insert,
    get: (zoneId: string) => {
      const row = selectOne.get(zoneId) as Record<string, unknown> | undefined
      return row === undefined ? undefined : table.fromRow(row)
    },
    list: (zoneIds?: string[]) => table.select(zoneIds === undefined ? [] : [inList('zone_id', zoneIds)], 'ORDER BY region_id, zone_id')
  }
}
export type Zones = ReturnType<typeof createZones>
