/** One request header as text: a repeated header joined with commas, an absent one undefined. */
import type { FastifyRequest } from 'fastify'

export const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name]
  return Array.isArray(value) ? value.join(',') : value
}
