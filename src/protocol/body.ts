/**
 * A request body as ZEC takes it: UTF-8 JSON, and an object. An empty body counts as `{}` (what
 * the SDKs send for an action with no input). Shared by the ZEC route and the admin API.
 */
import { errors } from '../errors.js'

/** ZEC inputs nest four levels at most (`tags.tags[0].key`); deeper input is refused before it is walked. */
export const MAX_DEPTH = 32

/** The nesting depth of a parsed JSON value, measured without recursion so no input can overflow the stack. */
function depthOf (value: unknown): number {
  let deepest = 0
  const stack: [unknown, number][] = [[value, 1]]
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number]
    if (item === null || typeof item !== 'object') continue
    if (depth > deepest) deepest = depth
    if (deepest > MAX_DEPTH) return deepest
    for (const child of Object.values(item)) stack.push([child, depth + 1])
  }
  return deepest
}

export function parseBody (raw: unknown): object {
  if (!Buffer.isBuffer(raw) || raw.length === 0) return {}
  let body: unknown
  try {
    body = JSON.parse(raw.toString('utf8'))
  } catch (error) {
    throw errors.malformedBody(`The request body is not valid JSON: ${(error as Error).message}.`)
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw errors.malformedBody('The request body must be a JSON object.')
  }
  if (depthOf(body) > MAX_DEPTH) throw errors.malformedBody(`The request body nests deeper than ${MAX_DEPTH} levels.`)
  return body
}
