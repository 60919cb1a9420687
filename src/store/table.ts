/**
 * A small typed mapper between one resource record (camelCase, JS types) and its table
 * (snake_case, SQLite types). Every repository builds on it, so row mapping, paging and counting
 * are written once. Statements are prepared once per SQL text and reused.
 */
import type { Statement } from 'better-sqlite3'
import type { Db } from './db.js'
import { ALL_COUNTED_DIMENSIONS } from './migrations.js'

type Kind = 'text' | 'int' | 'bool' | 'json'
export type Columns<R> = { [K in keyof R]-?: [column: string, kind: Kind] }

/** A filter condition: an SQL fragment over the table's columns and its parameters. */
export type Condition = [sql: string, ...params: unknown[]]

export interface PageResult<R> { total: number, items: R[] }

export interface Table<R> {
  readonly name: string
  fromRow (row: Record<string, unknown>): R
  toRow (record: Partial<R>): Record<string, unknown>
  insert (record: R): void
  get (accountId: string, id: string): R | undefined
  /** A row by id in whichever account owns it: the admin API works across accounts. */
  findById (id: string): R | undefined
  getMany (accountId: string, ids: readonly string[]): R[]
  update (id: string, patch: Partial<R>): void
  /** Writes `patch` to every row the conditions match. */
  updateWhere (conditions: Condition[], patch: Partial<R>): void
  remove (id: string): void
  select (conditions: Condition[], suffix?: string, suffixParams?: unknown[]): R[]
  /** Like select, reading only the columns of `fields` (what a view shows): fewer values to copy out of SQLite. */
  selectFields<F extends keyof R> (fields: readonly F[], conditions: Condition[], suffix?: string, suffixParams?: unknown[]): Pick<R, F>[]
  count (conditions: Condition[]): number
  page (accountId: string, conditions: Condition[], pageNum: number, pageSize: number): PageResult<R>
  /** One page of only the columns of `fields`. */
  pageOf<F extends keyof R> (fields: readonly F[], accountId: string, conditions: Condition[], pageNum: number, pageSize: number): PageResult<Pick<R, F>>
  /** Lifecycle tables only: rows whose pending transition is due now (read through the due indexes only). */
  due (accountId: string, now: number): R[]
  /** Lifecycle tables only: counts one more describe of each pending row among `ids` that waits for describes. */
  markDescribed (accountId: string, ids: readonly string[]): void
}

const LIST_OF_SEVERAL = /^\w+ IN \(\?, /

export function createTable<R extends object> (db: Db, name: string, key: keyof R, columns: Columns<R>): Table<R> {
  const entries = Object.entries(columns) as [keyof R & string, [string, Kind]][]
  const keyColumn = columns[key][0]

  const statements = new Map<string, Statement<any[]>>()
  const prepare = (sql: string) => {
    let statement = statements.get(sql)
    if (statement === undefined) {
      // Filter combinations and list lengths make many texts; keep the cache bounded.
      if (statements.size >= 500) statements.clear()
      statement = db.prepare<unknown[]>(sql)
      statements.set(sql, statement)
    }
    return statement
  }

  const toSql = (kind: Kind, value: unknown) => {
    if (value === undefined || value === null) return null
    if (kind === 'bool') return value === true ? 1 : 0
    if (kind === 'json') return JSON.stringify(value)
    return value
  }
  const fromSql = (kind: Kind, value: unknown) => {
    if (value === null) return null
    if (kind === 'bool') return value === 1
    if (kind === 'json') return JSON.parse(value as string)
    return value
  }

  const fromRow = (row: Record<string, unknown>) => {
    const record: Record<string, unknown> = {}
    for (const [field, [column, kind]] of entries) record[field] = fromSql(kind, row[column])
    return record as R
  }
  const toRow = (record: Partial<R>) => {
    const row: Record<string, unknown> = {}
    for (const [field, [column, kind]] of entries) {
      if (field in record) row[column] = toSql(kind, record[field])
    }
    return row
  }
  const where = (conditions: Condition[]) => ({
    sql: conditions.length === 0 ? '' : ' WHERE ' + conditions.map(c => `(${c[0]})`).join(' AND '),
    params: conditions.flatMap(c => c.slice(1))
  })

  const columnList = entries.map(([, [column]]) => column)
  const insertSql = `INSERT INTO ${name} (${columnList.join(', ')}) VALUES (${columnList.map(c => '@' + c).join(', ')})`

  const table = {
    name,
    fromRow,
    toRow,
    insert (record) { prepare(insertSql).run(toRow(record)) },
    get (accountId, id) {
      const row = prepare(`SELECT * FROM ${name} WHERE ${keyColumn} = ? AND account_id = ?`).get(id, accountId) as Record<string, unknown> | undefined
      return row === undefined ? undefined : fromRow(row)
    },
    findById (id) {
      const row = prepare(`SELECT * FROM ${name} WHERE ${keyColumn} = ?`).get(id) as Record<string, unknown> | undefined
      return row === undefined ? undefined : fromRow(row)
    },
    getMany (accountId, ids) {
      if (ids.length === 0) return []
      return table.select([['account_id = ?', accountId], inList(keyColumn, ids)])
    },
    update (id, patch) {
      table.updateWhere([[`${keyColumn} = ?`, id]], patch)
    },
    updateWhere (conditions, patch) {
      const row = toRow(patch)
      const columns = Object.keys(row)
      if (columns.length === 0) return
      const w = where(conditions)
      prepare(`UPDATE ${name} SET ${columns.map(column => `${column} = ?`).join(', ')}${w.sql}`).run(...Object.values(row), ...w.params)
    },
    remove (id) { prepare(`DELETE FROM ${name} WHERE ${keyColumn} = ?`).run(id) },
    select (conditions, suffix = '', suffixParams = []) {
      const w = where(conditions)
      return (prepare(`SELECT * FROM ${name}${w.sql} ${suffix}`).all(...w.params, ...suffixParams) as Record<string, unknown>[]).map(fromRow)
    },
    selectFields (fields, conditions, suffix = '', suffixParams = []) {
      const picked = fields.map(field => [field as string, columns[field][0], columns[field][1]] as [string, string, Kind])
      const w = where(conditions)
      // Rows as arrays (raw mode): no object with every column name is built per row.
      const rows = prepare(`SELECT ${picked.map(([, column]) => column).join(', ')} FROM ${name}${w.sql} ${suffix}`).raw(true).all(...w.params, ...suffixParams) as unknown[][]
      return rows.map(row => {
        const record: Record<string, unknown> = {}
        for (let i = 0; i < picked.length; i++) record[picked[i][0]] = fromSql(picked[i][2], row[i])
        return record
      }) as never
    },
    count (conditions) {
      const w = where(conditions)
      return (prepare(`SELECT COUNT(*) AS n FROM ${name}${w.sql}`).get(...w.params) as { n: number }).n
    },
    /**
     * One page, newest first. The total of an account-wide list, or of a list filtered by one
     * counted column (zone, status), comes from trigger-kept counts; any other filtered list
     * counts through the filter's index.
     */
    page (accountId, conditions, pageNum, pageSize) {
      return table.pageOf(entries.map(([field]) => field), accountId, conditions, pageNum, pageSize) as PageResult<R>
    },
    pageOf (fields, accountId, conditions, pageNum, pageSize) {
      const all: Condition[] = [['account_id = ?', accountId], ...conditions]
      const total = conditions.length === 0
        ? accountCount(accountId)
        : (conditions.length === 1 ? countedTotal(accountId, conditions[0]) : undefined) ?? table.count(all)
      const offset = (pageNum - 1) * pageSize
      // Filtered by a list of several ids, the rows are found through the list's index and sorted:
      // SQLite would otherwise walk the whole account in list order to skip the sort.
      const byList = conditions.some(c => LIST_OF_SEVERAL.test(c[0]))
      const order = byList ? `+create_time DESC, +${keyColumn} DESC` : `create_time DESC, ${keyColumn} DESC`
      const items = offset >= total ? [] : table.selectFields(fields, all, `ORDER BY ${order} LIMIT ? OFFSET ?`, [pageSize, offset])
      return { total, items }
    }
  } as Omit<Table<R>, 'due' | 'markDescribed'> as Table<R>

  /** The total of a list with this one filter from trigger-kept counts, when they cover its column. */
  const countedTotal = (accountId: string, [sql, ...values]: Condition): number | undefined => {
    const column = countedColumn.get(sql) ?? countedList(sql)
    if (column === undefined) return undefined
    let total = 0
    for (const value of new Set(values)) total += dimensionCount(accountId, column, value)
    return total
  }

  // Two probes of the due indexes (migrations.ts): rows due by time, and rows that have seen their
  // describes; never the rows still in flight. One list ordered as SQLite orders
  // `ORDER BY due_at, transition_started` (NULL first), so follow-ups run in the order they fell due.
  const nullsFirst = (a: unknown, b: unknown) => a === b ? 0 : a === null ? -1 : b === null ? 1 : (a as number) - (b as number)
  const dueByTime = `SELECT * FROM ${name} WHERE account_id = ? AND due_at IS NOT NULL AND due_at <= ? AND transition IS NOT NULL`
  const dueByDescribes = `SELECT * FROM ${name} WHERE account_id = ? AND due_describes IS NOT NULL AND describes_seen - due_describes >= 0 AND transition IS NOT NULL`
  const countsDescribes = `SELECT 1 FROM ${name} WHERE account_id = ? AND due_describes IS NOT NULL LIMIT 1`
  table.due = (accountId, now) => {
    const rows = prepare(dueByTime).all(accountId, now) as Record<string, unknown>[]
    const byDescribes = prepare(dueByDescribes).all(accountId) as Record<string, unknown>[]
    if (byDescribes.length > 0) {
      const seen = new Set(rows.map(row => row[keyColumn]))
      rows.push(...byDescribes.filter(row => !seen.has(row[keyColumn])))
    }
    if (rows.length > 1) rows.sort((a, b) => nullsFirst(a.due_at, b.due_at) || nullsFirst(a.transition_started, b.transition_started))
    return rows.map(fromRow)
  }
  // Most Describes run while no transition of the account waits for describes (no `describes:N`
  // policy was in force when one started): one empty probe of the partial index, no UPDATE.
  table.markDescribed = (accountId, ids) => {
    if (ids.length === 0 || prepare(countsDescribes).get(accountId) === undefined) return
    const [sql, ...params] = inList(keyColumn, ids)
    prepare(`UPDATE ${name} SET describes_seen = describes_seen + 1 WHERE ${sql} AND due_describes IS NOT NULL`).run(...params)
  }

  // `zone_id = ?` → zone_id, for the columns whose per-value counts triggers keep (migrations.ts).
  const countedColumn = new Map(ALL_COUNTED_DIMENSIONS.filter(([kind]) => kind === name).map(([, column]) => [`${column} = ?`, column]))
  // `disk_id IN (?, ?)` → disk_id: a list filter on a counted column sums the counts of its values.
  const countedList = (sql: string) => {
    const m = /^(\w+) IN \(\?(, \?)*\)$/.exec(sql)
    return m !== null && countedColumn.has(`${m[1]} = ?`) ? m[1] : undefined
  }
  const dimensionCount = (accountId: string, column: string, value: unknown) =>
    (prepare('SELECT n FROM dimension_counts WHERE account_id = ? AND kind = ? AND dimension = ? AND value = ?').get(accountId, name, column, value) as { n: number } | undefined)?.n ?? 0

  const accountCount = (accountId: string) =>
    (prepare('SELECT n FROM row_counts WHERE account_id = ? AND kind = ?').get(accountId, name) as { n: number } | undefined)?.n ?? 0

  return table
}

/**
 * `column IN (?, ?, …)` for a list filter. Plain placeholders (not json_each) let SQLite use the
 * column's index; lists are at most 100 long, so the statement cache stays small.
 */
export const inList = (column: string, values: readonly string[]): Condition =>
  values.length === 0 ? ['0'] : [`${column} IN (${values.map(() => '?').join(', ')})`, ...values]
