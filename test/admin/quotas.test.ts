import t from 'tap'
import { build, DISK, fails, ok } from '../helper.js'
import { admin, asKey } from '../state-helper.js'

t.test('quotas default to the options and change at run time, obeyed at once', async t => {
  const { app } = await build(t, { snapshotQuotaPerDisk: 10, snapshotQuotaPerAccount: 100 })
  t.same((await admin(app, 'GET', '/_emulator/quotas?account=demo')).body, { account: 'demo', snapshotsPerDisk: 10, snapshotsPerAccount: 100 })
  const changed = await admin(app, 'PUT', '/_emulator/quotas', { account: 'demo', snapshotsPerDisk: 1 })
  t.same(changed, { status: 200, body: { account: 'demo', snapshotsPerDisk: 1, snapshotsPerAccount: 100 } }, 'the field not given keeps its value')
  await ok(t, app, 'CreateSnapshot', { diskId: DISK.dbSystem, snapshotName: 'first' })
  await fails(t, app, 'CreateSnapshot', { diskId: DISK.dbSystem, snapshotName: 'second' }, 400, 'INVALID_SNAPSHOT_QUOTA_EXCEED')
  await admin(app, 'PUT', '/_emulator/quotas', { accessKeyId: 'ZEC-EMULATOR-DEMO-KEY', snapshotsPerDisk: 5 })
  await ok(t, app, 'CreateSnapshot', { diskId: DISK.dbSystem, snapshotName: 'second' })
  t.match((await admin(app, 'GET', '/_emulator/quotas?accessKeyId=ZEC-EMULATOR-DEMO-KEY')).body, { account: 'demo', snapshotsPerDisk: 5 })
})

t.test('a quota is per account', async t => {
  const { app } = await build(t)
  await ok(t, app, 'DescribeDisks', {}, asKey('OTHER'))
  await admin(app, 'PUT', '/_emulator/quotas', { accessKeyId: 'OTHER', snapshotsPerAccount: 0 })
  const theirs = (await ok(t, app, 'DescribeDisks', { diskName: '^spare-data$' }, asKey('OTHER'))).dataSet[0].diskId
  await fails(t, app, 'CreateSnapshot', { diskId: theirs, snapshotName: 'no-room' }, 400, 'INVALID_SNAPSHOT_QUOTA_EXCEED', asKey('OTHER'))
  await ok(t, app, 'CreateSnapshot', { diskId: DISK.spare, snapshotName: 'demo-has-room' })
})

t.test('bad quota input is answered with the envelope and changes nothing', async t => {
  const { app } = await build(t)
  const cases: [string, 'GET' | 'PUT', unknown, number, RegExp][] = [
    ['/_emulator/quotas', 'GET', undefined, 400, /`account`/],
    ['/_emulator/quotas?account=nobody', 'GET', undefined, 400, /nobody/],
    ['/_emulator/quotas', 'PUT', { snapshotsPerDisk: 3 }, 400, /`account`/],
    ['/_emulator/quotas', 'PUT', { account: 'demo', snapshotsPerDisk: -1 }, 400, /`snapshotsPerDisk`/],
    ['/_emulator/quotas', 'PUT', { account: 'demo', snapshotsPerDisk: 1.5 }, 400, /`snapshotsPerDisk`/],
    ['/_emulator/quotas', 'PUT', { account: 'demo', snapshotsPerAccount: 'many' }, 400, /`snapshotsPerAccount`/],
    ['/_emulator/quotas', 'PUT', { account: 'demo', accessKeyId: 'X', snapshotsPerDisk: 3 }, 400, /not both/]
  ]
  for (const [url, method, body, status, message] of cases) {
    const res = await admin(app, method, url, body)
    t.equal(res.status, status, `${method} ${url} ${JSON.stringify(body)}`)
    t.match(res.body, { requestId: /^T/, code: /^[A-Z_]+$/, message })
  }
  t.match((await admin(app, 'GET', '/_emulator/quotas?account=demo')).body, { snapshotsPerDisk: 64, snapshotsPerAccount: 1000 })
})

t.test('GET /_emulator/accounts lists every account with its keys', async t => {
  const { app } = await build(t)
  await ok(t, app, 'DescribeZones', {}, asKey('NEW-KEY'))
  const { body } = await admin(app, 'GET', '/_emulator/accounts')
  t.same(body, { accounts: [{ account: 'demo', accessKeyIds: ['ZEC-EMULATOR-DEMO-KEY'] }, { account: 'key:NEW-KEY', accessKeyIds: ['NEW-KEY'] }] })
})
