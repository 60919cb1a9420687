/**
 * Strings that look like SQL are data: stored and returned literally (as tag keys and values, the
 * free-text fields ZEC has), and harmless as name filters; every table is still there after.
 */
import t from 'tap'
import fc from 'fast-check'
import { build } from '../helper.js'
import { send } from './hostile-input.js'
import { isEnvelope, report, seedFor } from './support.js'

const seed = seedFor(t, 'sql-literal.test.ts')

t.test('SQL-looking strings are stored and returned literally', async t => {
  const { app } = await build(t)
  const sqlish = fc.oneof(
    fc.constantFrom("'; DROP TABLE disks; --", "' OR '1'='1", '"; DELETE FROM snapshots; --', "Robert'); DROP TABLE accounts;--", '%\' OR 1=1 --', '\\\'; --', '` ; SELECT * FROM credentials --'),
    fc.string({ minLength: 1, maxLength: 64, unit: fc.constantFrom("'", '"', ';', '-', ' ', 'a', '(', ')', '*', '%', '_', '\\', 'DROP', 'SELECT') }).filter(s => s.length <= 64)
  )
  let stored = 0
  await fc.assert(fc.asyncProperty(sqlish, sqlish, async (key, value) => {
    const created = await send(app, 'CreateDisks', '2025-09-01', JSON.stringify({ zoneId: 'asia-east-1a', diskName: 'sql-literal', diskSize: 20, tags: { tags: [{ key, value }] } }))
    if (created.status !== 200) throw new Error(`CreateDisks with tag ${JSON.stringify({ key, value })} → ${created.text}`)
    const diskId = created.body.response.diskIds[0]
    const seen = await send(app, 'DescribeDisks', '2025-09-01', JSON.stringify({ diskIds: [diskId] }))
    const tags = seen.body.response.dataSet[0].tags
    if (JSON.stringify(tags) !== JSON.stringify({ tags: [{ key, value }] }) && JSON.stringify(tags) !== JSON.stringify([{ key, value }])) throw new Error(`the tag came back as ${JSON.stringify(tags)}`)
    const filtered = await send(app, 'DescribeDisks', '2025-09-01', JSON.stringify({ diskName: value }))
    if (filtered.status >= 500 || (filtered.status !== 200 && !isEnvelope(filtered.body))) throw new Error(`a name filter ${JSON.stringify(value)} → ${filtered.text}`)
    stored++
  }), { seed, numRuns: 150, endOnFailure: true })
  const disks = await send(app, 'DescribeDisks', '2025-09-01', '{}')
  t.equal(disks.body.response.totalCount, 13 + stored, 'every table is still there and counts every disk')
  report(t, 'hostile-input.sql-literal', { seed, stored })
})
