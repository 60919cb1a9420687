import t from 'tap'
import { build, ok } from '../../helper.js'

t.test('every region with a zone, once, in both versions', async t => {
  const { app } = await build(t)
  t.same((await ok(t, app, 'DescribeDiskRegions', {})).regionIds, ['asia-east-1', 'asia-southeast-1', 'na-west-1'])
  t.same((await ok(t, app, 'DescribeDiskRegions', { chargeType: 'POSTPAID' }, { version: '2024-04-01' })).regionIds, ['asia-east-1', 'asia-southeast-1', 'na-west-1'])
})
