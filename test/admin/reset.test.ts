import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { build, DISK, ok } from '../helper.js'
import { asKey } from '../state-helper.js'

const reset = (app: FastifyInstance, body: object = {}) => app.inject({ method: 'POST', url: '/_emulator/reset', payload: body })

t.test('a full reset brings every account back to the fixtures', async t => {
  const { app } = await build(t)
  const { snapshotId } = await ok(t, app, 'CreateSnapshot', { diskId: DISK.spare, snapshotName: 'temp' })
  await ok(t, app, 'DeleteSnapshots', { snapshotIds: ['1500000000000000001'] })
  await ok(t, app, 'DescribeDisks', {}, asKey('SUITE-A'))
  const res = await reset(app)
  t.equal(res.statusCode, 200)
  t.same(res.json().reset.sort(), ['demo', 'key:SUITE-A'])
  t.equal((await ok(t, app, 'DescribeSnapshots', { snapshotIds: [snapshotId] })).totalCount, 0, 'the new snapshot is gone')
  t.equal((await ok(t, app, 'DescribeSnapshots', {})).totalCount, 5, 'the deleted fixture snapshot is back')
  t.equal((await ok(t, app, 'DescribeDisks', {})).totalCount, 13)
  t.equal((await ok(t, app, 'DescribeDisks', { zoneId: 'asia-east-1a' })).totalCount, 10, 'counts are right after a reset')
  t.equal((await ok(t, app, 'DescribeZones', {})).zoneSet.length, 4, 'the zone catalogue is untouched')
})

t.test('a scoped reset leaves the other accounts alone', async t => {
  const { app } = await build(t)
  const demoSnap = await ok(t, app, 'CreateSnapshot', { diskId: DISK.spare, snapshotName: 'keep-me' })
  const theirs = (await ok(t, app, 'DescribeDisks', { diskName: '^spare-data$' }, asKey('SUITE-B'))).dataSet[0].diskId
  await ok(t, app, 'CreateSnapshot', { diskId: theirs, snapshotName: 'drop-me' }, asKey('SUITE-B'))
  const res = await reset(app, { accessKeyId: 'SUITE-B' })
  t.same(res.json(), { reset: ['key:SUITE-B'] })
  t.equal((await ok(t, app, 'DescribeSnapshots', { snapshotIds: [demoSnap.snapshotId] })).totalCount, 1, 'the demo account kept its snapshot')
  t.equal((await ok(t, app, 'DescribeSnapshots', {}, asKey('SUITE-B'))).totalCount, 5, 'SUITE-B starts from the fixtures again')
  const byName = await reset(app, { account: 'demo' })
  t.same(byName.json(), { reset: ['demo'] })
  t.equal((await ok(t, app, 'DescribeSnapshots', { snapshotIds: [demoSnap.snapshotId] })).totalCount, 0)
  t.equal((await ok(t, app, 'DescribeDisks', {}, { headers: { authorization: 'Bearer zec-emulator-demo-token' } })).totalCount, 13, 'fixture tokens still work')
})

t.test('bad scopes are answered with the envelope', async t => {
  const { app } = await build(t)
  const unknown = await reset(app, { account: 'nobody' })
  t.equal(unknown.statusCode, 400)
  t.match(unknown.json(), { code: 'INVALID_PARAMETER_VALUE', message: /nobody/ })
  const both = await reset(app, { account: 'demo', accessKeyId: 'X' })
  t.equal(both.statusCode, 400)
  const wrongType = await reset(app, { account: 7 })
  t.match(wrongType.json(), { code: 'INVALID_PARAMETER_TYPE', message: /`account`/ })
})
