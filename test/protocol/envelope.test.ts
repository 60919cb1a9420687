import t from 'tap'
import Fastify from 'fastify'
import { Type } from '@sinclair/typebox'
import { Nullable } from '../../schemas/common.js'
import { ZoneInfo } from '../../schemas/zone.js'
import { ACTIONS } from '../../src/actions/index.js'
import { outputFor } from '../../src/actions/define-action.js'
import { successEnvelope, successSchema } from '../../src/protocol/envelope.js'
import { build, ok } from '../helper.js'

/** Serializes `body` the way the ZEC route does: Fastify's compiler over the success envelope schema. */
async function serialized (t: Parameters<typeof ok>[0], output: Parameters<typeof successSchema>[0], body: object): Promise<string> {
  const app = Fastify()
  t.teardown(() => app.close())
  app.get('/', async (_request, reply) => reply.compileSerializationSchema(successSchema(output))(successEnvelope('T1', body)))
  return (await app.inject({ method: 'GET', url: '/' })).body
}

t.test('the success envelope writes exactly the declared fields, in schema order, with their JSON types', async t => {
  const output = Type.Object({ name: Type.String(), size: Type.Integer(), gone: Nullable(Type.String()), items: Type.Array(Type.Object({ id: Type.String() })) })
  const text = await serialized(t, output, { size: 20, extra: 'dropped', name: 'n', gone: null, items: [{ id: 'a', secret: 'dropped' }] })
  t.equal(text, '{"requestId":"T1","response":{"requestId":"T1","name":"n","size":20,"gone":null,"items":[{"id":"a"}]}}')
  t.equal(await serialized(t, output, { name: 'n', size: 1, gone: 'x', items: [] }), '{"requestId":"T1","response":{"requestId":"T1","name":"n","size":1,"gone":"x","items":[]}}', 'a nullable field with a value')
})

t.test('every action and version has an object output, so its envelope can be built', async t => {
  for (const action of ACTIONS) {
    for (const version of action.versions) {
      const output = outputFor(action, version)
      const schema = successSchema(output) as { properties: { response: { properties: Record<string, unknown> } } }
      t.equal(output.type, 'object', `${action.name} ${version} answers an object`)
      t.same(Object.keys(schema.properties.response.properties), ['requestId', ...Object.keys(output.properties ?? {})], `${action.name} ${version}: requestId, then the output's fields`)
    }
  }
})

t.test('an answer on the wire has the schema keys in schema order', async t => {
  const { app } = await build(t)
  const res = await app.inject({ method: 'POST', url: '/api/v2/zec', headers: { 'content-type': 'application/json', 'x-zc-action': 'DescribeZones' }, payload: '{}' })
  t.equal(res.headers['content-type'], 'application/json; charset=utf-8')
  const zone = res.json().response.zoneSet[0]
  t.same(Object.keys(zone), Object.keys(ZoneInfo.properties))
  t.equal(typeof zone.supportSecurityGroup, 'boolean')
})
