import t from 'tap'
import { join } from 'node:path'
import { readPriceTable } from '../src/price-table.js'
import { DEFAULT_PRICE_TABLE } from '../src/domain/pricing.js'
import { DataFileError } from '../src/fixtures.js'

t.test('no file means the default table', async t => {
  t.same(readPriceTable(''), DEFAULT_PRICE_TABLE)
})

t.test('a bad price table is refused with the field named', async t => {
  const dir = t.testdir({ 'neg.json': JSON.stringify({ perGiBHour: { 'Standard NVMe SSD': -1 } }), 'extra.json': JSON.stringify({ currency: 'EUR' }), 'broken.json': '{' })
  const problem = (file: string) => {
    try { readPriceTable(join(dir, file)) } catch (error) { return error as Error }
    return undefined
  }
  t.ok(problem('neg.json') instanceof DataFileError)
  t.match(problem('neg.json')?.message, /perGiBHour/)
  t.match(problem('extra.json')?.message, /price table/)
  t.match(problem('broken.json')?.message, /cannot read price table/)
  t.match(problem('missing.json')?.message, /cannot read price table/)
})
