import t from 'tap'
import { Type } from '@sinclair/typebox'
import { fieldName, validateInput, withoutNulls } from '../../src/protocol/validation.js'
import { ZecError } from '../../src/errors.js'

const Schema = Type.Object({
  name: Type.String({ minLength: 2, maxLength: 5, pattern: '^[a-z]+$' }),
  size: Type.Optional(Type.Integer({ minimum: 20, maximum: 100 })),
  kind: Type.Optional(Type.Union([Type.Literal('SYSTEM'), Type.Literal('DATA')])),
  ids: Type.Optional(Type.Array(Type.String(), { minItems: 1, maxItems: 2 })),
  flag: Type.Optional(Type.Boolean()),
  tags: Type.Optional(Type.Object({ tags: Type.Array(Type.Object({ key: Type.String() })) }))
})

function codeOf (body: unknown): [string, string] {
  try {
    validateInput(Schema, body)
    return ['OK', '']
  } catch (error) {
    if (!(error instanceof ZecError)) throw error
    return [error.code, error.message]
  }
}

t.test('maps each kind of problem to its ZEC code and names the field', async t => {
  const cases: [unknown, string, RegExp][] = [
    [{}, 'MISSING_PARAMETER', /`name`/],
    [{ name: 5 }, 'INVALID_PARAMETER_TYPE', /`name` must be a string/],
    [{ name: 'abc', size: '30' }, 'INVALID_PARAMETER_TYPE', /`size` must be an integer/],
    [{ name: 'abc', size: 30.5 }, 'INVALID_PARAMETER_TYPE', /`size` must be an integer/],
    [{ name: 'abc', flag: 'true' }, 'INVALID_PARAMETER_TYPE', /`flag` must be a boolean/],
    [{ name: 'abc', ids: 'x' }, 'INVALID_PARAMETER_TYPE', /`ids` must be an array/],
    [{ name: 'abc', kind: 'BOOT' }, 'INVALID_PARAMETER_VALUE', /`kind` must be one of: SYSTEM, DATA/],
    [{ name: 'abc', kind: 3 }, 'INVALID_PARAMETER_TYPE', /`kind` must be a string/],
    [{ name: 'abcdef' }, 'INVALID_PARAMETER_EXCEED_LENGTH', /`name`.*at most 5/],
    [{ name: 'a' }, 'INVALID_PARAMETER_LESS_LENGTH', /`name`.*at least 2/],
    [{ name: 'AB' }, 'INVALID_PARAMETER_PATTERN_ERROR', /`name`/],
    [{ name: 'abc', size: 101 }, 'INVALID_PARAMETER_EXCEED_MAXIMUM', /`size`.*100/],
    [{ name: 'abc', size: 19 }, 'INVALID_PARAMETER_LESS_MINIMUM', /`size`.*20/],
    [{ name: 'abc', ids: [] }, 'INVALID_PARAMETER_LESS_LENGTH', /`ids`/],
    [{ name: 'abc', ids: ['a', 'b', 'c'] }, 'INVALID_PARAMETER_EXCEED_LENGTH', /`ids`/],
    [{ name: 'abc', ids: ['a', 7] }, 'INVALID_PARAMETER_TYPE', /`ids\[1\]`/],
    [{ name: 'abc', tags: { tags: [{ key: 1 }] } }, 'INVALID_PARAMETER_TYPE', /`tags\.tags\[0\]\.key`/]
  ]
  for (const [body, code, message] of cases) {
    const [got, text] = codeOf(body)
    t.equal(got, code, JSON.stringify(body))
    t.match(text, message)
  }
})

t.test('null means absent, unknown fields pass', async t => {
  t.equal(codeOf({ name: 'abc', size: null, extra: { deep: true } })[0], 'OK')
  t.equal(codeOf({ name: null })[0], 'MISSING_PARAMETER')
  t.same(withoutNulls({ a: null, b: { c: null, d: 1 }, e: [null, 1] }), { b: { d: 1 }, e: [null, 1] })
})

t.test('a handler gets only the declared fields, at every depth', async t => {
  const input = validateInput(Schema, { name: 'abc', extra: 'x', tags: { tags: [{ key: 'k', value: 'dropped' }], more: 1 }, __proto__: { polluted: true } })
  t.same(input, { name: 'abc', tags: { tags: [{ key: 'k' }] } })
  t.same(Object.keys(input), ['name', 'tags'])
  t.equal((input as Record<string, unknown>).polluted, undefined)
})

t.test('field names read like the JSON', async t => {
  t.equal(fieldName('/tags/tags/0/key'), 'tags.tags[0].key')
  t.equal(fieldName('/diskId'), 'diskId')
})

t.test('admin shapes: a literal true, a union of shapes, an unknown field where none is allowed', async t => {
  const Strict = Type.Object({
    on: Type.Optional(Type.Literal(true)),
    wait: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Object({ min: Type.Integer() })], { description: 'a whole number or {min}' }))
  }, { additionalProperties: false })
  const problem = (body: unknown) => {
    try {
      validateInput(Strict, body)
      return 'OK'
    } catch (error) {
      return `${(error as ZecError).code} ${(error as ZecError).message}`
    }
  }
  t.equal(problem({ on: true, wait: { min: 1 } }), 'OK')
  t.equal(problem({ on: 'yes' }), 'INVALID_PARAMETER_TYPE The parameter `on` must be a boolean.')
  t.equal(problem({ on: false }), 'INVALID_PARAMETER_VALUE The parameter `on` must be one of: true.')
  t.equal(problem({ wait: -1 }), 'INVALID_PARAMETER_VALUE The parameter `wait` must be a whole number or {min}.')
  t.equal(problem({ onn: true }), 'INVALID_PARAMETER_VALUE The parameter `onn` is not known here.')
})
