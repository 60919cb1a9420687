/**
 * The admin API, described: every `/_emulator/*` route declares TypeBox schemas, which Fastify
 * validates through `adminValidatorCompiler` (ZEC's parameter codes, the field named) and
 * @fastify/swagger turns into an OpenAPI 3 document at GET /_emulator/openapi.json, browsable at
 * GET /_emulator/docs (Swagger UI's assets come from the installed package, never a CDN).
 * Routes that are not admin routes (the ZEC wire) are left out of the document.
 */
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { Value } from '@sinclair/typebox/value'
import type { TSchema } from '@sinclair/typebox'
import type { FastifyInstance, FastifySchemaCompiler } from 'fastify'
import { validateInput } from '../protocol/validation.js'
import { VERSION } from './health.js'

export const ADMIN_PREFIX = '/_emulator/'

/** Query strings arrive as text; they are converted to the schema's types before the check. */
export const adminValidatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => (data: unknown) => {
  try {
    const input = httpPart === 'querystring' ? Value.Convert(schema, data) : (data ?? {})
    return { value: validateInput(schema, input) }
  } catch (error) {
    return { error: error as Error }
  }
}

export async function registerDocs (app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'zec-emulator admin API',
        version: VERSION,
        description: 'Control of the emulator: health, readiness, the virtual clock, lifecycle policies, reset, checkpoints, export and import, quotas, fault rules, the request journal and the lifecycle history of each resource. ZEC itself is served at POST /api/v2/zec. Every failure answers `{requestId, code, message}`.'
      },
      components: {
        securitySchemes: { adminToken: { type: 'http', scheme: 'bearer', description: 'Needed when the emulator runs with --admin-token / ZEC_ADMIN_TOKEN' } }
      },
      security: [{ adminToken: [] }]
    },
    transform: ({ schema, url }) => ({ schema: url.startsWith(ADMIN_PREFIX) ? schema : { ...schema, hide: true }, url })
  })
  await app.register(swaggerUi, { routePrefix: '/_emulator/docs', staticCSP: true })
  app.get('/_emulator/openapi.json', { schema: { hide: true } }, async () => app.swagger())
}
