/**
 * What the console knows, refreshed by the poll loop in main.ts: the accounts, the selected
 * account's resources as ZEC answers them, the virtual clock and the newest journal entries.
 * ZEC calls pick the account with the credential header auth.ts maps to it (an access key id or
 * a token of that account); `--auth strict` needs a real token, which the user may enter.
 */
import { admin, ApiError, describeError, isOwnRequest, zec } from './api.js'

export interface Account { account: string, accessKeyIds: string[] }
export interface Clock { now: string, nowMs: number, frozen: boolean, offsetMs: number }
export interface JournalEntry {
  id: string
  time: string
  virtualTime: string
  account: string
  accessKeyId?: string
  service?: string
  action: string
  version?: string
  status: number
  code?: string | null
  durationMs?: number
  /** The fault rule that fired on the call. */
  fault?: string | null
  request?: string
  response?: string
}
export type Row = Record<string, any>

export const DEMO = 'demo'
const ACCOUNT_KEY = 'zec-emulator-console.account'
const ZEC_TOKEN_KEY = 'zec-emulator-console.zecToken.'

export const state = {
  accounts: [{ account: DEMO, accessKeyIds: [] }] as Account[],
  /** Why the account list is only the demo (the accounts API answered an error), or ''. */
  accountsNote: '',
  account: sessionStorage.getItem(ACCOUNT_KEY) ?? DEMO,
  zones: [] as Row[],
  disks: [] as Row[],
  snapshots: [] as Row[],
  policies: [] as Row[],
  instances: [] as Row[],
  /** Virtual time of the last successful resource refresh. */
  resourcesAt: '',
  resourcesError: '',
  clock: null as Clock | null,
  clockError: '',
  recent: [] as JournalEntry[],
  journalError: ''
}

export function selectAccount (account: string): void {
  state.account = account
  sessionStorage.setItem(ACCOUNT_KEY, account)
  state.disks = []
  state.snapshots = []
  state.policies = []
  state.instances = []
  state.resourcesAt = ''
}

export const zecToken = {
  get: (account: string): string => sessionStorage.getItem(ZEC_TOKEN_KEY + account) ?? '',
  set: (account: string, token: string): void => {
    if (token === '') sessionStorage.removeItem(ZEC_TOKEN_KEY + account)
    else sessionStorage.setItem(ZEC_TOKEN_KEY + account, token)
  }
}

/**
 * The Authorization header that makes ZEC answer as `account`: a token the user gave, else one of
 * its access key ids (in --auth off and loose any signature passes), else what auth.ts derives the
 * account id from (`key:<id>`, `token:<t>`), else nothing (the demo account).
 */
export function authorizationFor (account: string): string {
  const token = zecToken.get(account)
  if (token !== '') return `Bearer ${token}`
  const key = state.accounts.find(a => a.account === account)?.accessKeyIds[0] ??
    (account.startsWith('key:') ? account.slice(4) : undefined)
  if (key !== undefined) return `ZC2-HMAC-SHA256 Credential=${key}, SignedHeaders=content-type;host, Signature=${'0'.repeat(64)}`
  if (account.startsWith('token:')) return `Bearer ${account.slice(6)}`
  return ''
}

export async function refreshAccounts (): Promise<void> {
  try {
    const answer = await admin<{ accounts: Account[] }>('GET', '/_emulator/accounts')
    state.accounts = answer.accounts.length > 0 ? answer.accounts : [{ account: DEMO, accessKeyIds: [] }]
    state.accountsNote = ''
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) throw error
    state.accounts = [{ account: DEMO, accessKeyIds: [] }]
    state.accountsNote = `Only the demo account is listed: GET /_emulator/accounts answered ${describeError(error)}`
  }
  if (!state.accounts.some(a => a.account === state.account)) {
    selectAccount(state.accounts.some(a => a.account === DEMO) ? DEMO : state.accounts[0].account)
  }
}

export async function refreshClock (): Promise<boolean> {
  const before = state.clock
  try {
    state.clock = await admin<Clock>('GET', '/_emulator/clock')
    state.clockError = ''
  } catch (error) {
    state.clockError = describeError(error)
    if (error instanceof ApiError && error.status === 401) throw error
    return false
  }
  // A move (freeze, resume, set, advance) changes what is due: resources are worth reading again.
  const after = state.clock
  return before !== null && (before.frozen !== after.frozen || (after.frozen ? before.nowMs !== after.nowMs : before.offsetMs !== after.offsetMs))
}

const PAGE = { pageNum: 1, pageSize: 1000 }

export async function refreshResources (): Promise<void> {
  const authorization = authorizationFor(state.account)
  try {
    const zonesNeeded = state.zones.length === 0
    const [zones, disks, snapshots, policies, instances] = await Promise.all([
      zonesNeeded ? zec('DescribeZones', {}, authorization) : Promise.resolve({ zoneSet: state.zones }),
      zec('DescribeDisks', PAGE, authorization),
      zec('DescribeSnapshots', PAGE, authorization),
      zec('DescribeAutoSnapshotPolicies', PAGE, authorization),
      zec('DescribeInstances', PAGE, authorization)
    ])
    state.zones = zones.zoneSet ?? []
    state.disks = disks.dataSet ?? []
    state.snapshots = snapshots.dataSet ?? []
    state.policies = policies.dataSet ?? []
    state.instances = instances.dataSet ?? []
    state.resourcesAt = state.clock?.now ?? ''
    state.resourcesError = ''
  } catch (error) {
    state.resourcesError = describeError(error)
    if (error instanceof ApiError && error.status === 401) {
      state.resourcesError += ' — with --auth strict, give the console a bearer token of this account (next to the account picker).'
    }
  }
}

/**
 * The newest journal entries not made by the console; answers whether one arrived since last time.
 * The console's own Describe calls are journaled too and can outnumber the others in one read, so
 * the others seen are kept here (by id, newest first) rather than read again each time.
 */
export async function refreshRecent (): Promise<boolean> {
  const newestBefore = state.recent[0]?.id
  try {
    const answer = await admin<{ requests: JournalEntry[] }>('GET', '/_emulator/requests?limit=25')
    const fresh = answer.requests.filter(entry => !isOwn(entry))
    const seen = new Set(fresh.map(entry => entry.id))
    state.recent = [...fresh, ...state.recent.filter(entry => !seen.has(entry.id))]
      .sort((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : 0)).slice(0, 12)
    state.journalError = ''
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) throw error
    state.journalError = describeError(error)
    return false
  }
  return state.recent[0]?.id !== newestBefore
}

/** After DELETE /_emulator/requests the kept entries go too. */
export function forgetRecent (): void { state.recent = [] }

/** The journal's id may be its own; the response body then still carries the ZEC requestId. */
export function isOwnResponse (entry: JournalEntry): boolean {
  const match = /"requestId"\s*:\s*"([^"]+)"/.exec(entry.response ?? '')
  return match !== null && isOwnRequest(match[1])
}

export const isOwn = (entry: JournalEntry): boolean => isOwnRequest(entry.id) || isOwnResponse(entry)

export function findResource (kind: string, id: string): Row | undefined {
  switch (kind) {
    case 'disk': return state.disks.find(d => d.diskId === id)
    case 'snapshot': return state.snapshots.find(s => s.snapshotId === id)
    case 'policy': return state.policies.find(p => p.autoSnapshotPolicyId === id)
    case 'instance': return state.instances.find(i => i.instanceId === id)
  }
  return undefined
}
