/**
 * `--price-table FILE`: a JSON object merged over the default price table, e.g.
 * `{"perGiBHour": {"Standard NVMe SSD": 0.0002}, "regionFactor": {"eu-west-1": 1.3}, "discount": 80}`.
 * Checked with TypeBox when read; a bad file stops the server with exit code 2.
 */
import { readFileSync } from 'node:fs'
import { Type } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { DEFAULT_PRICE_TABLE, type PriceTable } from './domain/pricing.js'
import { DataFileError } from './fixtures.js'
import { fieldName } from './protocol/validation.js'

const Rates = Type.Record(Type.String({ minLength: 1 }), Type.Number({ minimum: 0 }))
const PriceTableFile = Type.Object({
  perGiBHour: Type.Optional(Rates),
  regionFactor: Type.Optional(Rates),
  discount: Type.Optional(Type.Number({ minimum: 0, maximum: 100 }))
}, { additionalProperties: false })

export function readPriceTable (path: string): PriceTable {
  if (path === '') return DEFAULT_PRICE_TABLE
  let doc: unknown
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new DataFileError(`cannot read price table ${path}: ${(error as Error).message}`)
  }
  const first = Value.Errors(PriceTableFile, doc).First()
  if (first !== undefined) throw new DataFileError(`price table ${path}: \`${fieldName(first.path) || '(root)'}\` ${first.message.toLowerCase()}`)
  const file = doc as Partial<PriceTable>
  return {
    perGiBHour: { ...DEFAULT_PRICE_TABLE.perGiBHour, ...file.perGiBHour },
    regionFactor: { ...DEFAULT_PRICE_TABLE.regionFactor, ...file.regionFactor },
    discount: file.discount ?? DEFAULT_PRICE_TABLE.discount
  }
}
