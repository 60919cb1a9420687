/**
 * State you keep, rewind or throw away, over HTTP (engine/state.ts does the work):
 * named checkpoints (save, list, restore, delete), and the whole state exported as one SQLite
 * file and imported back. A restore or an import is one atomic step; a refused one changes nothing.
 */
import { Type } from '@sinclair/typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { adminErrors, ErrorEnvelope } from '../../schemas/admin.js'
import type { Runtime } from '../engine/context.js'
import type { StateKeeper } from '../engine/state.js'
import { errors } from '../errors.js'

/** An import may be much larger than a ZEC body: a state of a million snapshots is a few hundred MB. */
const IMPORT_LIMIT = 1024 * 1024 * 1024

export const Checkpoint = Type.Object({ name: Type.String(), savedAt: Type.String(), sizeBytes: Type.Integer() })
const CheckpointName = Type.Object({ name: Type.String({ minLength: 1, maxLength: 64 }) })
const Imported = Type.Object({ imported: Type.Boolean(), schemaVersion: Type.Integer(), migratedFrom: Type.Integer() })

export function registerState (app: FastifyInstance, runtime: Runtime, keeper: StateKeeper): void {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>()
  const tags = ['state']

  typed.get('/_emulator/state/checkpoints', {
    schema: { tags, summary: 'The saved checkpoints', response: { 200: Type.Object({ checkpoints: Type.Array(Checkpoint) }) } }
  }, async () => ({ checkpoints: keeper.list() }))

  typed.post('/_emulator/state/checkpoints', {
    schema: { tags, summary: 'Save the whole state (every account, the clock, policies, quotas, fault rules) under a name; an existing name is replaced', body: CheckpointName, response: { 200: Checkpoint, ...adminErrors } }
  }, async (request) => keeper.save(request.body.name))

  typed.post('/_emulator/state/checkpoints/:name/restore', {
    schema: { tags, summary: 'Go back to a checkpoint in one atomic step', params: CheckpointName, response: { 200: Type.Object({ restored: Type.String() }), ...adminErrors } }
  }, async (request) => {
    keeper.restore(request.params.name)
    return { restored: request.params.name }
  })

  typed.delete('/_emulator/state/checkpoints/:name', {
    schema: { tags, summary: 'Delete a checkpoint', params: CheckpointName, response: { 200: Type.Object({ deleted: Type.String() }), ...adminErrors } }
  }, async (request) => {
    keeper.remove(request.params.name)
    return { deleted: request.params.name }
  })

  typed.get('/_emulator/state/export', {
    schema: { tags, summary: 'The whole state as one SQLite database file (application/octet-stream)', produces: ['application/octet-stream'] }
  }, async (_request, reply) => {
    const bytes = keeper.exportBytes()
    return reply
      .header('content-type', 'application/octet-stream')
      .header('content-disposition', `attachment; filename="zec-emulator-state-${new Date(runtime.clock.now()).toISOString().slice(0, 19).replace(/:/g, '')}.sqlite"`)
      .send(bytes)
  })

  typed.post('/_emulator/state/import', {
    bodyLimit: IMPORT_LIMIT,
    config: { binaryBody: true },
    schema: { tags, summary: 'Replace the whole state with an exported file (body: the file, application/octet-stream); an older schema is migrated', consumes: ['application/octet-stream'], response: { 200: Imported, 400: ErrorEnvelope, 401: ErrorEnvelope, 413: ErrorEnvelope, 415: ErrorEnvelope } }
  }, async (request) => {
    if (!Buffer.isBuffer(request.body)) throw errors.unsupportedContentType('Send the state file as the body with Content-Type: application/octet-stream.')
    const prepared = keeper.importBytes(request.body)
    return { imported: true, ...prepared }
  })
}
