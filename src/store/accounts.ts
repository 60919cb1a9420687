/** Accounts, their credentials and tokens, and their resource groups. */
import type { Db } from './db.js'

export interface ResourceGroup { resourceGroupId: string, resourceGroupName: string, isDefault: boolean }
export interface Credential { accessKeyId: string, password: string, accountId: string }

export function createAccounts (db: Db) {
  const insertAccount = db.prepare('INSERT OR IGNORE INTO accounts (account_id, created_at) VALUES (?, ?)')
  const selectAccount = db.prepare('SELECT account_id FROM accounts WHERE account_id = ?')
  const deleteAccount = db.prepare('DELETE FROM accounts WHERE account_id = ?')
  // Owned rows go by ON DELETE CASCADE; the counters are per account and go with it.
  const deleteRowCounts = db.prepare('DELETE FROM row_counts WHERE account_id = ?')
  const deleteDimensionCounts = db.prepare('DELETE FROM dimension_counts WHERE account_id = ?')
  const selectAccounts = db.prepare('SELECT account_id AS accountId FROM accounts ORDER BY created_at, account_id')
  const selectCredential = db.prepare('SELECT access_key_id AS accessKeyId, password, account_id AS accountId FROM credentials WHERE access_key_id = ?')
  const upsertCredential = db.prepare('INSERT INTO credentials (access_key_id, password, account_id) VALUES (?, ?, ?) ON CONFLICT(access_key_id) DO UPDATE SET password = excluded.password, account_id = excluded.account_id')
  const selectCredentialsOf = db.prepare('SELECT access_key_id AS accessKeyId, password, account_id AS accountId FROM credentials WHERE account_id = ? ORDER BY rowid')
  const selectToken = db.prepare('SELECT account_id AS accountId FROM tokens WHERE token = ?')
  const upsertToken = db.prepare('INSERT INTO tokens (token, account_id) VALUES (?, ?) ON CONFLICT(token) DO UPDATE SET account_id = excluded.account_id')
  const selectGroup = db.prepare('SELECT resource_group_id AS resourceGroupId, resource_group_name AS resourceGroupName, is_default AS isDefault FROM resource_groups WHERE account_id = ? AND resource_group_id = ?')
  const selectDefaultGroup = db.prepare('SELECT resource_group_id AS resourceGroupId, resource_group_name AS resourceGroupName, is_default AS isDefault FROM resource_groups WHERE account_id = ? ORDER BY is_default DESC, rowid LIMIT 1')
  const insertGroup = db.prepare('INSERT OR IGNORE INTO resource_groups (account_id, resource_group_id, resource_group_name, is_default) VALUES (?, ?, ?, ?)')

  const selectAllKeys = db.prepare('SELECT account_id AS accountId, access_key_id AS accessKeyId FROM credentials ORDER BY rowid')
  // Tables that describe the account itself; every other table with an account_id holds resources.
  const ACCOUNT_TABLES = new Set(['accounts', 'credentials', 'tokens', 'resource_groups', 'quotas', 'fault_rules', 'row_counts', 'dimension_counts'])
  const resourceTables = (db.prepare("SELECT m.name FROM sqlite_master m WHERE m.type = 'table' AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) p WHERE p.name = 'account_id')").all() as { name: string }[])
    .map(t => t.name).filter(name => !ACCOUNT_TABLES.has(name))
  const clearStatements = resourceTables.map(name => db.prepare(`DELETE FROM "${name}" WHERE account_id = ?`))

  const selectCountTriggers = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND (sql LIKE '%row_counts%' OR sql LIKE '%dimension_counts%' OR sql LIKE '%resource_history%')")
  /**
   * Runs `work`, which removes every resource of `accountId`, with the count and history triggers
   * suspended, then drops the account's counts: deleting ten thousand rows one trigger at a time
   * was most of what a reset cost (the history goes with the account's rows, as a resource table).
   * DDL is transactional in SQLite, so a failure brings the triggers back.
   */
  const removingAllOf = (accountId: string, work: () => void) => {
    const triggers = selectCountTriggers.all() as { name: string, sql: string }[]
    db.transaction(() => {
      for (const { name } of triggers) db.exec(`DROP TRIGGER "${name}"`)
      work()
      for (const { sql } of triggers) db.exec(sql)
      deleteRowCounts.run(accountId)
      deleteDimensionCounts.run(accountId)
    })()
  }

  const toGroup = (row: unknown) => row === undefined ? undefined : { ...(row as ResourceGroup), isDefault: (row as { isDefault: number }).isDefault === 1 }

  return {
    exists: (accountId: string) => selectAccount.get(accountId) !== undefined,
    remove: (accountId: string) => { removingAllOf(accountId, () => deleteAccount.run(accountId)) },
    all: () => (selectAccounts.all() as { accountId: string }[]).map(a => a.accountId),
    /** Every account with the access key ids that pick it. */
    withKeys: () => {
      const keys = new Map<string, string[]>()
      for (const { accountId, accessKeyId } of selectAllKeys.all() as { accountId: string, accessKeyId: string }[]) keys.set(accountId, [...(keys.get(accountId) ?? []), accessKeyId])
      return (selectAccounts.all() as { accountId: string }[]).map(a => ({ account: a.accountId, accessKeyIds: keys.get(a.accountId) ?? [] }))
    },
    /** Removes every resource the account owns, keeping the account, its keys and resource groups. */
    clearResources: (accountId: string) => {
      removingAllOf(accountId, () => { for (const statement of clearStatements) statement.run(accountId) })
    },
    /** Creates the account if it is new; true when it was created. */
    ensure: (accountId: string, now: number) => insertAccount.run(accountId, now).changes === 1,
    credential: (accessKeyId: string) => selectCredential.get(accessKeyId) as Credential | undefined,
    credentialsOf: (accountId: string) => selectCredentialsOf.all(accountId) as Credential[],
    addCredential: (accessKeyId: string, password: string, accountId: string) => { upsertCredential.run(accessKeyId, password, accountId) },
    accountForToken: (token: string) => (selectToken.get(token) as { accountId: string } | undefined)?.accountId,
    addToken: (token: string, accountId: string) => { upsertToken.run(token, accountId) },
    resourceGroup: (accountId: string, resourceGroupId: string) => toGroup(selectGroup.get(accountId, resourceGroupId)),
    defaultResourceGroup: (accountId: string) => toGroup(selectDefaultGroup.get(accountId)) as ResourceGroup,
    addResourceGroup: (accountId: string, group: ResourceGroup) => { insertGroup.run(accountId, group.resourceGroupId, group.resourceGroupName, group.isDefault ? 1 : 0) }
  }
}
export type Accounts = ReturnType<typeof createAccounts>
