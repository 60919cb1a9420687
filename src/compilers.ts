/**
 * The schema compilers Fastify is built with, given at construction so it loads none of its own.
 * Validation is always `adminValidatorCompiler` (src/admin/docs.ts), so Fastify's Ajv-based
 * validator compiler is never loaded. Response serializers (fast-json-stringify, as Fastify
 * would build them) are built when first used: Fastify compiles every route's response schemas
 * while the app gets ready, and loading fast-json-stringify loads Ajv, together about a sixth of
 * the start-up (bench/RESULTS.md, 2026-12-02).
 */
import { createRequire } from 'node:module'
import type { TSchema } from '@sinclair/typebox'
import type { FastifySchemaCompiler, FastifyServerOptions } from 'fastify'

type SchemaController = NonNullable<FastifyServerOptions['schemaController']>
type Factories = NonNullable<SchemaController['compilersFactory']>
type SerializerFactory = NonNullable<Factories['buildSerializer']>
type ValidatorFactory = NonNullable<Factories['buildValidator']>
type Serialize = (data: unknown) => string

// Resolved from fastify, whose dependency it is: the copy Fastify itself would have loaded. The
// bundled command line takes the copy inside the bundle instead (scripts/bundle.mjs).
const fromFastify = createRequire(createRequire(import.meta.url).resolve('fastify'))
/** Fastify's own serializer factory (what it builds when given none). */
const defaultSerializers = (): SerializerFactory => (fromFastify('@fastify/fast-json-stringify-compiler') as () => SerializerFactory)()

const lazySerializers: SerializerFactory = (externalSchemas, serializerOpts) => {
  let factory: ReturnType<SerializerFactory> | undefined
  const compilerFor = () => {
    if (factory === undefined) {
      factory = defaultSerializers()(externalSchemas, serializerOpts)
    }
    return factory
  }
  return (route) => {
    // Asked for while answering (reply.compileSerializationSchema passes no status): used at once.
    if (route.httpStatus === null || route.httpStatus === undefined) return compilerFor()(route)
    // A route's declared response schema: compiled by the first response that uses it.
    let serialize: Serialize | undefined
    return (data: unknown) => (serialize ??= compilerFor()(route) as Serialize)(data)
  }
}

/** Fastify's `schemaController` option: `validator` for every route, serializers on first use. */
export function schemaCompilers (validator: FastifySchemaCompiler<TSchema>): SchemaController {
  // Fastify types the factory after Ajv's compiler; any FastifySchemaCompiler is what it calls.
  const buildValidator = (() => validator) as unknown as ValidatorFactory
  return { compilersFactory: { buildValidator, buildSerializer: lazySerializers } }
}
