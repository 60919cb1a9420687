/**
 * The hostile-input property run, shared by hostile-input-1 and -2.test.ts (each takes half of the
 * action/version pairs, so neither file nears tap's per-file timeout on a busy machine).
 * Hostile input, property-based: for EVERY registered action in every version it is served in,
 * fast-check generates inputs from the action's own TypeBox input schema (arbitraries.ts) and
 * then breaks them — wrong types, missing and extra fields, null, extreme numbers as raw JSON
 * text, 100k-character, non-ASCII and lone-surrogate strings, NUL, prototype keys, duplicate
 * keys, deep nesting, 10k-item arrays, backtracking regexes in name filters. Asserted for every
 * case: no 5xx; a refusal is exactly {requestId, code, message} with a 4xx; an input the schema
 * refuses is refused; no stack trace, path or SQL text in any body; a refused call leaves the
 * database byte for byte as it was (and every Describe of the account answers the same); the
 * server stays alive.
 */
import type { Test } from 'tap'
import fc from 'fast-check'
import { Value } from '@sinclair/typebox/value'
import type { FastifyInstance } from 'fastify'
import { SERVICES } from '../../src/actions/index.js'
import { withoutNulls } from '../../src/protocol/validation.js'
import { MAX_DEPTH } from '../../src/protocol/body.js'
import { build, DISK, SNAPSHOT } from '../helper.js'
import { arbitraryFor, depthOf, hostileCase, type Hints } from './arbitraries.js'
import { isEnvelope, LEAK, report, seedFor } from './support.js'

const TOTAL = Number(process.env.ZEC_FUZZ_CASES ?? 10_500)
const COMBOS = SERVICES.flatMap(service => [...service.actions.values()].flatMap(action => action.versions.map(version => ({ action, version, path: service.path }))))
const PER_COMBO = Math.ceil(TOTAL / COMBOS.length)
const VALID_SHARE = 0.3

const INSTANCES = ['1300000000000000001', '1300000000000000002', '1300000000000000003']
const ZONES = ['asia-east-1a', 'asia-east-1b', 'asia-southeast-1a', 'na-west-1a']
const GROUPS = ['8f3c2a5e-1b7d-4c9a-9e2f-0a6b5c4d3e21', '2d9e7f10-6a3b-4e8c-b5d4-7c1f0e9a8b32']
const BACKTRACKING = ['(a+)+$', '^(a|aa)+$', '(a*)*b', '(.*a){12}', '^(([a-z])+.)+[A-Z]([a-z])+$', 'a'.repeat(40) + '!']

/** One ZEC call through app.inject with the body as raw text. */
export async function send (app: FastifyInstance, action: string, version: string, text: string, path = '/api/v2/zec') {
  const res = await app.inject({ method: 'POST', url: path, headers: { 'content-type': 'application/json', 'x-zc-action': action, 'x-zc-version': version }, payload: text })
  let body: any
  try { body = JSON.parse(res.payload) } catch { body = undefined }
  return { status: res.statusCode, body, text: res.payload }
}

/** What the schema (and the body rules) say about this text: must it be refused? */
function mustRefuse (schema: Parameters<typeof Value.Check>[0], text: string): boolean {
  let parsed: unknown
  try { parsed = JSON.parse(text) } catch { return true }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return true
  if (depthOf(parsed) > MAX_DEPTH) return true
  return !Value.Check(schema, withoutNulls(parsed))
}

/** Every Describe action that needs no input, in both versions, with the largest page: the account as a client sees it. */
async function describeAll (app: FastifyInstance): Promise<string> {
  const parts: string[] = []
  for (const { action, version, path } of COMBOS.filter(c => c.action.name.startsWith('Describe') && Value.Check(c.action.input, {}))) {
    const input = Value.Check(action.input, { pageSize: 1000 }) ? { pageSize: 1000 } : {}
    const res = await send(app, action.name, version, JSON.stringify(input), path)
    parts.push(`${action.name} ${version} ${res.status} ${JSON.stringify(res.body?.response ?? res.body, (k, v) => k === 'requestId' ? undefined : v)}`)
  }
  return parts.join('\n')
}

/** Runs the property for half `part` (1 or 2) of the action/version pairs. */
export function fuzzHalf (t: Test, part: 1 | 2): void {
  const seed = seedFor(t, `hostile-input-${part}.test.ts`)
  const half = Math.ceil(COMBOS.length / 2)
  const mine = COMBOS.map((combo, index) => ({ ...combo, index })).slice(part === 1 ? 0 : half, part === 1 ? half : COMBOS.length)
  const target = Math.ceil(TOTAL * mine.length / COMBOS.length)
  t.test(`${mine.length} of ${COMBOS.length} action/version pairs × ${PER_COMBO} generated cases`, async t => {
    const { app } = await build(t)
    // Long runs of `a` for the backtracking filters to chew on, in every kind of name filtered.
    const long = 'a'.repeat(60)
    const made = await send(app, 'CreateDisks', '2025-09-01', JSON.stringify({ zoneId: 'asia-east-1a', diskName: long, diskSize: 20 }))
    const diskA = made.body.response.diskIds[0] as string
    await send(app, 'CreateSnapshot', '2025-09-01', JSON.stringify({ diskId: diskA, snapshotName: long }))
    const policy = await send(app, 'CreateAutoSnapshotPolicy', '2025-09-01', JSON.stringify({ zoneId: 'asia-east-1a', autoSnapshotPolicyName: long, repeatWeekDays: [1], hours: [3] }))
    const policyId = policy.body.response.autoSnapshotPolicyId as string

    const hints: Hints = key => {
      if (/^diskIds?$/.test(key)) return fc.constantFrom(...Object.values(DISK), diskA)
      if (/^snapshotIds?$/.test(key)) return fc.constantFrom(...Object.values(SNAPSHOT))
      if (/^instanceIds?$/.test(key)) return fc.constantFrom(...INSTANCES)
      if (/^zoneIds?$/.test(key)) return fc.constantFrom(...ZONES)
      if (/^autoSnapshotPolicyIds?$/.test(key)) return fc.constant(policyId)
      if (key === 'resourceGroupId') return fc.constantFrom(...GROUPS)
      if (['diskName', 'snapshotName', 'autoSnapshotPolicyName', 'name'].includes(key)) return fc.constantFrom(...BACKTRACKING, long)
      return undefined
    }

    const db = app.runtime.store.db
    let baseline = db.serialize()
    let describeBaseline: string | undefined
    const tally = { cases: 0, ok: 0, refused: 0, mustRefuse: 0, describeChecks: 0, byCode: {} as Record<string, number> }
    const failures: string[] = []

    for (const { action, version, path, index } of mine) {
      const valid = arbitraryFor(action.input, hints)
      const cases = fc.oneof(
        { arbitrary: valid.map(input => ({ how: 'valid', text: JSON.stringify(input) })), weight: Math.round(VALID_SHARE * 10) },
        { arbitrary: hostileCase(action.input, valid), weight: Math.round((1 - VALID_SHARE) * 10) }
      )
      const property = fc.asyncProperty(cases, async ({ how, text }) => {
        tally.cases++
        const refuse = mustRefuse(action.input, text)
        if (refuse) tally.mustRefuse++
        const res = await send(app, action.name, version, text, path)
        const where = `${action.name} ${version} [${how}] ${text.length > 300 ? text.slice(0, 300) + `… (${text.length} chars)` : text}`
        if (res.status >= 500) throw new Error(`${where} → ${res.status} ${res.text}`)
        const leak = LEAK.exec(res.text)
        if (leak !== null && !text.includes(leak[0])) throw new Error(`${where} → leaks \`${leak[0]}\`: ${res.text.slice(0, 500)}`)
        if (res.status === 200) {
          if (refuse) throw new Error(`${where} → 200 although the schema refuses it`)
          if (typeof res.body?.requestId !== 'string' || res.body.response?.requestId !== res.body.requestId) throw new Error(`${where} → a 200 without the success envelope: ${res.text.slice(0, 300)}`)
          tally.ok++
          baseline = db.serialize()
          describeBaseline = undefined
          return
        }
        tally.refused++
        tally.byCode[res.body?.code] = (tally.byCode[res.body?.code] ?? 0) + 1
        if (res.status < 400 || !isEnvelope(res.body)) throw new Error(`${where} → ${res.status}, not the exact error envelope: ${res.text.slice(0, 300)}`)
        if (!db.serialize().equals(baseline)) throw new Error(`${where} → refused (${res.body.code}) but the database changed`)
        if (tally.refused % 40 === 0) {
          const seen = await describeAll(app)
          tally.describeChecks++
          if (describeBaseline !== undefined && seen !== describeBaseline) throw new Error(`${where} → refused but a Describe answers differently`)
          describeBaseline = seen
          baseline = db.serialize()
        }
      })
      try {
        await fc.assert(property, { seed: seed + index, numRuns: PER_COMBO, endOnFailure: true })
      } catch (error) {
        failures.push((error as Error).message.slice(0, 3000))
      }
    }
    t.same(failures, [], 'every property held')
    t.ok(tally.cases >= target, `${tally.cases} cases (at least ${target}; ${TOTAL} over both halves)`)
    t.ok(tally.ok > 0 && tally.refused > 0, `${tally.ok} answered 200, ${tally.refused} refused with the envelope`)
    const health = await app.inject({ method: 'GET', url: '/_emulator/health' })
    t.equal(health.statusCode, 200, 'the server is alive')
    t.equal(({} as Record<string, unknown>).polluted, undefined, 'no prototype pollution')
    report(t, `hostile-input.${part}`, { seed, pairs: mine.length, perPair: PER_COMBO, ...tally })
  })
}
