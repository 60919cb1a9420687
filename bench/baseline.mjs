// The ceiling the emulator is measured against: a bare Fastify route on the same path with a
// response schema (fast-json-stringify), answering a CreateSnapshot-shaped success envelope.
// It parses the JSON body like any route and touches no database. Printed line: the URL.
//   node bench/baseline.mjs [--port 0]
import Fastify from 'fastify'
import { randomUUID } from 'node:crypto'

const portArg = process.argv.indexOf('--port')
const port = portArg === -1 ? 0 : Number(process.argv[portArg + 1])

const app = Fastify({ logger: false })
const response = {
  200: {
    type: 'object',
    properties: {
      requestId: { type: 'string' },
      response: { type: 'object', properties: { requestId: { type: 'string' }, snapshotId: { type: 'string' } } }
    }
  }
}
let next = 7000000000000000001n
app.post('/api/v2/zec', { schema: { response } }, async (request) => {
  const requestId = 'T' + randomUUID().toUpperCase()
  const body = request.body ?? {}
  return { requestId, response: { requestId, snapshotId: String(next++), diskId: body.diskId } }
})
await app.listen({ host: '127.0.0.1', port })
console.log(`baseline ready at http://127.0.0.1:${app.server.address().port}`)
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => { app.close().then(() => process.exit(0)) })
