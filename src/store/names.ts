/**
 * The names answers show next to ids, read in one query per request: every resource group of
 * the account, the instances and the zones (their regions) a page refers to.
 */
import type { Statement } from 'better-sqlite3'
import type { Db } from './db.js'

export interface RelatedNames {
  groups: Map<string, string>
  instances: Map<string, string>
  regions: Map<string, string>
}

const placeholders = (count: number) => Array.from({ length: count }, () => '?').join(', ')

export function createNames (db: Db) {
  // One text per (instances, zones) list length; pages hold at most 1,000 rows, so few texts occur.
  const statements = new Map<string, Statement<unknown[]>>()
  const statementFor = (instances: number, zones: number) => {
    const key = `${instances}/${zones}`
    let statement = statements.get(key)
    if (statement === undefined) {
      if (statements.size >= 200) statements.clear()
      statement = db.prepare<unknown[]>([
        "SELECT 'g' AS kind, resource_group_id AS id, resource_group_name AS name FROM resource_groups WHERE account_id = ?",
        ...(instances === 0 ? [] : [`SELECT 'i', instance_id, instance_name FROM instances WHERE account_id = ? AND instance_id IN (${placeholders(instances)})`]),
        ...(zones === 0 ? [] : [`SELECT 'z', zone_id, region_id FROM zones WHERE zone_id IN (${placeholders(zones)})`])
      ].join(' UNION ALL '))
      statements.set(key, statement)
    }
    return statement
  }

  return {
    /** Group names of the account, and the names of `instanceIds` and regions of `zoneIds` that exist. */
    lookup (accountId: string, instanceIds: readonly string[], zoneIds: readonly string[]): RelatedNames {
      const params = [accountId, ...(instanceIds.length === 0 ? [] : [accountId, ...instanceIds]), ...zoneIds]
      const names: RelatedNames = { groups: new Map(), instances: new Map(), regions: new Map() }
      for (const row of statementFor(instanceIds.length, zoneIds.length).all(...params) as { kind: string, id: string, name: string }[]) {
        (row.kind === 'g' ? names.groups : row.kind === 'i' ? names.instances : names.regions).set(row.id, row.name)
      }
      return names
    }
  }
}
export type Names = ReturnType<typeof createNames>
