/**
 * The virtual clock over HTTP: `GET /_emulator/clock` reads it, `POST /_emulator/clock` freezes,
 * resumes, sets it to an instant or advances it by an ISO-8601 duration. After a move every account
 * is settled at once (due transitions, schedule runs, expiries), exactly as the next request would.
 */
import { Type } from '@sinclair/typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { adminErrors } from '../../schemas/admin.js'
import { Enum } from '../../schemas/common.js'
import { EARLIEST_INSTANT, LATEST_INSTANT, type Clock } from '../domain/clock.js'
import type { Runtime } from '../engine/context.js'
import { settleEverything } from '../engine/transitions.js'
import { parseDuration } from '../domain/time.js'
import { errors } from '../errors.js'

const ClockMove = Type.Object({
  action: Enum(['freeze', 'resume', 'set', 'advance'] as const),
  to: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  by: Type.Optional(Type.String({ minLength: 1, maxLength: 64 }))
})

/** An ISO-8601 instant with an explicit zone (`Z` or `±hh:mm`), optional milliseconds. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/

export const ClockView = Type.Object({ now: Type.String(), nowMs: Type.Integer(), frozen: Type.Boolean(), offsetMs: Type.Integer() })

/** A move of the clock stays where ZEC timestamps can be written: from 1970 to the end of year 9999. */
function requireInRange (field: string, at: number): void {
  if (!(at >= EARLIEST_INSTANT && at <= LATEST_INSTANT)) {
    throw errors.invalidParameterValue(`The parameter \`${field}\` would put the clock outside 1970-01-01T00:00:00Z … 9999-12-31T23:59:59Z.`)
  }
}

export function parseInstant (text: string): number | null {
  if (!INSTANT.test(text)) return null
  const at = Date.parse(text)
  return Number.isNaN(at) ? null : at
}

export function clockView (clock: Clock) {
  const state = clock.state()
  return { now: new Date(state.now).toISOString(), nowMs: state.now, frozen: state.frozen, offsetMs: state.offsetMs }
}

export function registerClock (app: FastifyInstance, runtime: Runtime): void {
  const { clock } = runtime
  const typed = app.withTypeProvider<TypeBoxTypeProvider>()
  typed.get('/_emulator/clock', {
    schema: { tags: ['clock'], summary: 'The virtual clock', response: { 200: ClockView } }
  }, async () => clockView(clock))

  typed.post('/_emulator/clock', {
    schema: { tags: ['clock'], summary: 'Freeze, resume, set or advance the virtual clock; every account is settled at once', body: ClockMove, response: { 200: ClockView, ...adminErrors } }
  }, async (request) => runtime.store.transaction(() => {
    const move = request.body
    switch (move.action) {
      case 'freeze': clock.freeze(); break
      case 'resume': clock.resume(); break
      case 'set': {
        if (move.to === undefined) throw errors.missingParameter('The parameter `to` is required when action is `set` (an ISO-8601 instant such as 2026-01-15T10:00:00Z).')
        const at = parseInstant(move.to)
        if (at === null) throw errors.dateFormatError(`The parameter \`to\` \`${move.to}\` is not an ISO-8601 instant with a zone, such as 2026-01-15T10:00:00Z.`)
        requireInRange('to', at)
        clock.set(at)
        break
      }
      case 'advance': {
        if (move.by === undefined) throw errors.missingParameter('The parameter `by` is required when action is `advance` (an ISO-8601 duration such as PT9M).')
        const ms = parseDuration(move.by)
        if (ms === null) throw errors.invalidParameterValue(`The parameter \`by\` \`${move.by}\` is not a duration; use ISO-8601 such as PT9M or P1D (the clock never runs backwards on advance).`)
        requireInRange('by', clock.now() + ms)
        clock.advance(ms)
        break
      }
    }
    settleEverything(runtime)
    return clockView(clock)
  }))
}
