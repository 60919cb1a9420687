/**
 * `--admin-token`: when set, every admin route needs `Authorization: Bearer <token>`, except
 * what must work before anyone has the token or describes rather than reads state: health and
 * ready (for orchestrators), the API description (openapi.json and the docs page) and the
 * console's static page (which then asks for the token). The ZEC route never needs it.
 */
import { timingSafeEqual } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { errors } from '../errors.js'
import { ADMIN_PREFIX } from './docs.js'

const PUBLIC = [/^\/_emulator\/(health|ready|openapi\.json)$/, /^\/_emulator\/docs(\/|$)/, /^\/_emulator\/ui(\/|$)/, /^\/_emulator\/?$/]

export const isPublicAdminPath = (path: string) => PUBLIC.some(pattern => pattern.test(path))

function sameSecret (given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

export function registerAdminToken (app: FastifyInstance, token: string): void {
  if (token === '') return
  app.addHook('onRequest', async (request) => {
    // The route's own pattern, not the URL as sent: the router decodes `%5F` and the like, so a
    // check of the raw URL let `/%5Femulator/reset` reach the reset route without the token.
    const path = request.routeOptions.url ?? request.url.split('?')[0]
    if (!path.startsWith(ADMIN_PREFIX) || isPublicAdminPath(path)) return
    const header = request.headers.authorization
    const given = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined
    if (given === undefined) throw errors.adminTokenRequired('This emulator has an admin token: send `Authorization: Bearer <token>` (--admin-token / ZEC_ADMIN_TOKEN).')
    if (!sameSecret(given, token)) throw errors.adminTokenRequired('The admin token is wrong.')
  })
}
