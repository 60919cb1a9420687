/**
 * TypeBox schema → fast-check arbitrary: valid inputs generated from an action's own input
 * schema (strings with their length bounds and pattern, integers and numbers with their bounds,
 * literals and unions, arrays with their item bounds, objects with optional fields), and the
 * ways a hostile or buggy client breaks them. A new action is fuzzed with no new test code.
 */
import fc from 'fast-check'
import { Kind, OptionalKind, type TSchema } from '@sinclair/typebox'

/** Values worth sending for a field with this name (real ids of the account), beside random ones. */
export type Hints = (key: string) => fc.Arbitrary<string> | undefined

type S = TSchema & Record<string, any>

const clampMax = (max: number | undefined, cap: number) => Math.min(max ?? cap, cap)

function stringFor (schema: S, key: string, hints: Hints): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0
  const max = clampMax(schema.maxLength, 80)
  const pattern = schema.pattern === undefined ? undefined : new RegExp(schema.pattern)
  const fits = (s: string) => s.length >= min && s.length <= (schema.maxLength ?? Infinity) && (pattern === undefined || pattern.test(s))
  const random = pattern !== undefined
    ? fc.stringMatching(pattern, { size: 'small' }).filter(fits)
    : fc.string({ minLength: min, maxLength: Math.max(min, max), unit: 'grapheme' }).filter(fits)
  const hinted = hints(key)
  return hinted === undefined ? random : fc.oneof({ arbitrary: hinted.filter(fits), weight: 3 }, { arbitrary: random, weight: 1 })
}

/** An arbitrary of values that satisfy `schema`; `key` is the field name, for hints. */
export function arbitraryFor (schema: TSchema, hints: Hints = () => undefined, key = ''): fc.Arbitrary<unknown> {
  const s = schema as S
  switch (s[Kind]) {
    case 'String': return stringFor(s, key, hints)
    case 'Integer': return fc.integer({ min: s.minimum ?? -1_000_000, max: s.maximum ?? 1_000_000 })
    case 'Number': return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true })
    case 'Boolean': return fc.boolean()
    case 'Null': return fc.constant(null)
    case 'Literal': return fc.constant(s.const)
    case 'Union': return fc.oneof(...(s.anyOf as TSchema[]).map(member => arbitraryFor(member, hints, key)))
    case 'Array': {
      const item = arbitraryFor(s.items as TSchema, hints, key.replace(/s$/, ''))
      const constraints = { minLength: s.minItems ?? 0, maxLength: clampMax(s.maxItems, 6) }
      return s.uniqueItems === true ? fc.uniqueArray(item, { ...constraints, selector: v => JSON.stringify(v) }) : fc.array(item, constraints)
    }
    case 'Object': {
      const properties = (s.properties ?? {}) as Record<string, TSchema>
      const model: Record<string, fc.Arbitrary<unknown>> = {}
      for (const [name, property] of Object.entries(properties)) model[name] = arbitraryFor(property, hints, name)
      const requiredKeys = Object.keys(properties).filter(name => (properties[name] as S)[OptionalKind] !== 'Optional')
      return fc.record(model, { requiredKeys })
    }
    default: return fc.jsonValue({ maxDepth: 2 })
  }
}

/** Every field path of an object schema, with its schema: `['tags', 'tags', 0, 'key']`. */
export function fieldPaths (schema: TSchema, prefix: (string | number)[] = []): { path: (string | number)[], schema: S, required: boolean }[] {
  const s = schema as S
  const out: { path: (string | number)[], schema: S, required: boolean }[] = []
  if (s[Kind] === 'Object') {
    for (const [name, property] of Object.entries((s.properties ?? {}) as Record<string, S>)) {
      const path = [...prefix, name]
      out.push({ path, schema: property, required: property[OptionalKind] !== 'Optional' })
      out.push(...fieldPaths(property, path))
    }
  } else if (s[Kind] === 'Array') {
    out.push(...fieldPaths(s.items as TSchema, [...prefix, 0]))
  }
  return out
}

// Hostile pieces. Raw JSON text where JavaScript cannot hold the value (1e309, -0, duplicate keys).
const RAW_NUMBERS = ['1e309', '-1e309', '-0', '1.5', '-1', '0', '9007199254740993', '1e-400', '4294967296', '-2147483649', '1e21', '0.1e1']
const HOSTILE_STRINGS = [
  '', ' ', '\u0000', 'a\u0000b', '\ud800', '\udfff', 'x\ud83d', '💥🧨', 'Ünïcödé-名前', '\u202eevil', 'e\u0301\u0301\u0301',
  "'; DROP TABLE disks; --", '" OR 1=1 --', '%s%n%x', '$' + '{7*7}', '../../etc/passwd', '<script>alert(1)</script>',
  '(a+)+$', '^(a|a)*$', '(.*a){20}', '[', '\\', '*', '(?<x>a)\\k<x>', 'a{1000000}'
]
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty']

/** A JSON value as text: of a different type than `schema` wants, or a hostile extreme of its own type. */
function hostileValueText (schema: S): fc.Arbitrary<string> {
  const kind = schema?.[Kind]
  const anyType = fc.constantFrom('null', 'true', 'false', '0', '"x"', '[]', '{}', '[null]', '{"a":1}', '"1400000000000000003"', '["1400000000000000003"]')
  const numbers = fc.constantFrom(...RAW_NUMBERS)
  const strings = fc.oneof(
    fc.constantFrom(...HOSTILE_STRINGS).map(v => JSON.stringify(v)),
    fc.constantFrom('"\\ud800"', '"\\udc00x"', '"\\u0000"', '"a\\u0000"'),
    fc.integer({ min: 65, max: 100_000 }).map(n => JSON.stringify('a'.repeat(n))),
    fc.string({ unit: 'binary', maxLength: 40 }).map(v => JSON.stringify(v))
  )
  const arrays = fc.oneof(
    fc.constantFrom(10_000, 1000, 101).map(n => `[${Array.from({ length: n }, (_, i) => `"1400000000000000${String(1 + (i % 13)).padStart(3, '0')}"`).join(',')}]`),
    fc.constantFrom('[[]]', '[{}]', '[1e309]', '["a",1,null,true]')
  )
  switch (kind) {
    case 'Integer':
    case 'Number': return fc.oneof(numbers, anyType, strings)
    case 'String': return fc.oneof(strings, anyType, numbers)
    case 'Array': return fc.oneof(arrays, anyType)
    default: return fc.oneof(anyType, numbers, strings, arrays)
  }
}

function setIn (target: any, path: (string | number)[], value: unknown): boolean {
  let node = target
  for (const part of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object' || !(part in node)) return false
    node = node[part]
  }
  if (node === null || typeof node !== 'object') return false
  node[path[path.length - 1]] = value
  return true
}

function deleteIn (target: any, path: (string | number)[]): boolean {
  let node = target
  for (const part of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object' || !(part in node)) return false
    node = node[part]
  }
  if (node === null || typeof node !== 'object' || !(path[path.length - 1] in node)) return false
  delete node[path[path.length - 1]]
  return true
}

/** A placeholder replaced by raw JSON text after stringify, so 1e309 or a lone `\ud800` reaches the wire as written. */
const RAW = (i: number) => `\u0001RAW${i}\u0001`
function withRaw (value: unknown, raws: string[]): string {
  let text = JSON.stringify(value)
  raws.forEach((raw, i) => { text = text.replace(JSON.stringify(RAW(i)), raw) })
  return text
}

export interface HostileCase { how: string, text: string }

/** One way of breaking a valid input of `schema`, as the JSON text to send. */
export function hostileCase (schema: TSchema, valid: fc.Arbitrary<unknown>): fc.Arbitrary<HostileCase> {
  const paths = fieldPaths(schema)
  const pathArb = paths.length === 0 ? fc.constant(undefined) : fc.constantFrom(...paths)
  const copy = (v: unknown) => JSON.parse(JSON.stringify(v ?? {}))
  return fc.oneof(
    // A field of the wrong type, or an extreme of its own type.
    fc.tuple(valid, pathArb, pathArb.chain(p => hostileValueText(p?.schema as S))).map(([input, p, raw]) => {
      const body = copy(input)
      if (p === undefined || !setIn(body, p.path, RAW(0))) body.unexpected = RAW(0)
      return { how: `${p?.path.join('.') ?? 'unexpected'} = ${raw.slice(0, 60)}`, text: withRaw(body, [raw]) }
    }),
    // A required field missing, or set to null (null counts as absent).
    fc.tuple(valid, pathArb, fc.boolean()).map(([input, p, asNull]) => {
      const body = copy(input)
      if (p !== undefined) { if (asNull) setIn(body, p.path, null); else deleteIn(body, p.path) }
      return { how: `${asNull ? 'null' : 'missing'} ${p?.path.join('.')}`, text: JSON.stringify(body) }
    }),
    // Extra fields, prototype keys among them.
    fc.tuple(valid, fc.constantFrom(...PROTO_KEYS, 'extra', 'x-zc-action', ''), hostileValueText({} as S)).map(([input, key, raw]) => {
      const body = copy(input)
      const text = JSON.stringify(body)
      const extra = `${JSON.stringify(key)}:${raw}`
      return { how: `extra ${key}`, text: text === '{}' ? `{${extra}}` : `{${extra},${text.slice(1)}` }
    }),
    fc.tuple(valid, fc.constantFrom(...PROTO_KEYS)).map(([input, key]) => {
      const body = copy(input)
      return { how: `prototype ${key}`, text: JSON.stringify(body).replace(/^\{/, `{"${key}":{"polluted":true,"isAdmin":true},`).replace(/,\}$/, '}') }
    }),
    // Duplicate keys: the second one wins in JSON.parse, and must be validated like any other.
    fc.tuple(valid, pathArb, pathArb.chain(p => hostileValueText(p?.schema as S))).map(([input, p, raw]) => {
      const body = copy(input)
      const key = p === undefined ? 'dup' : String(p.path[0])
      const text = JSON.stringify(body)
      return { how: `duplicate ${key}`, text: text === '{}' ? `{"${key}":1,"${key}":${raw}}` : `${text.slice(0, -1)},"${key}":${raw}}` }
    }),
    // Deep nesting, inside a field and at the top.
    fc.tuple(valid, pathArb, fc.constantFrom(31, 33, 100, 5000)).map(([input, p, depth]) => {
      const body = copy(input)
      const deep = '['.repeat(depth) + ']'.repeat(depth)
      if (p === undefined || !setIn(body, p.path, RAW(0))) body.nested = RAW(0)
      return { how: `nested ${depth} at ${p?.path.join('.') ?? 'nested'}`, text: withRaw(body, [deep]) }
    }),
    // Not an object at all, or not JSON.
    fc.constantFrom('[]', 'null', '"x"', '1', 'true', '{', '{"a":}', '{"a":1}}', '\u0000', '{"a":NaN}', '{"a":Infinity}', '{"a":undefined}', "{'a':1}", '{"a":1,}', '\ufeff{}', '{"\\ud800":1}').map(text => ({ how: 'not an object', text }))
  )
}

/** The nesting depth of a parsed JSON value (iterative). */
export function depthOf (value: unknown): number {
  let deepest = 0
  const stack: [unknown, number][] = [[value, 1]]
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number]
    if (item === null || typeof item !== 'object') continue
    deepest = Math.max(deepest, depth)
    for (const child of Object.values(item)) stack.push([child, depth + 1])
  }
  return deepest
}
