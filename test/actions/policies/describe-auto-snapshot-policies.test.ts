import t from 'tap'
import { build, ok, UNKNOWN_ID } from '../../helper.js'
import { createPolicy } from '../../policy-helper.js'

const STAGING = '2d9e7f10-6a3b-4e8c-b5d4-7c1f0e9a8b32'

t.test('every filter, ANDed, newest first, with paging and totalCount', async t => {
  const { app, clock } = await build(t)
  const a = await createPolicy(t, app, { autoSnapshotPolicyName: 'web-daily', tags: { tags: [{ key: 'env', value: 'prod' }] } })
  clock.advance(1000)
  const b = await createPolicy(t, app, { autoSnapshotPolicyName: 'web-weekly', zoneId: 'asia-southeast-1a', resourceGroupId: STAGING })
  clock.advance(1000)
  const c = await createPolicy(t, app, { autoSnapshotPolicyName: 'db-daily', tags: { tags: [{ key: 'env', value: 'dev' }] } })

  const ids = async (input: Record<string, unknown>) => {
    const found = await ok(t, app, 'DescribeAutoSnapshotPolicies', input)
    return { total: found.totalCount, ids: found.dataSet.map((p: { autoSnapshotPolicyId: string }) => p.autoSnapshotPolicyId) }
  }
  t.same(await ids({}), { total: 3, ids: [c, b, a] }, 'all, newest first')
  t.same(await ids({ autoSnapshotPolicyIds: [a, c, UNKNOWN_ID] }), { total: 2, ids: [c, a] })
  t.same(await ids({ zoneIds: ['asia-southeast-1a'] }), { total: 1, ids: [b] })
  t.same(await ids({ autoSnapshotPolicyName: 'web' }), { total: 2, ids: [b, a] }, 'a plain name is a substring search')
  t.same(await ids({ autoSnapshotPolicyName: '^web-daily$' }), { total: 1, ids: [a] }, 'an anchored pattern matches exactly')
  t.same(await ids({ resourceGroupId: STAGING }), { total: 1, ids: [b] })
  t.same(await ids({ tagKeys: ['env'] }), { total: 2, ids: [c, a] })
  t.same(await ids({ tags: [{ key: 'env', value: 'prod' }] }), { total: 1, ids: [a] })
  t.same(await ids({ zoneIds: ['asia-east-1a'], autoSnapshotPolicyName: 'db' }), { total: 1, ids: [c] }, 'filters are ANDed')
  t.same(await ids({ pageSize: 2, pageNum: 2 }), { total: 3, ids: [a] }, 'second page')
  t.same(await ids({ pageNum: 9 }), { total: 3, ids: [] }, 'past the end: an empty page, the total still counted')
})

t.test('an unknown id is not an error: totalCount 0 and an empty dataSet, in both versions', async t => {
  const { app } = await build(t)
  for (const version of ['2025-09-01', '2024-04-01']) {
    const found = await ok(t, app, 'DescribeAutoSnapshotPolicies', { autoSnapshotPolicyIds: [UNKNOWN_ID] }, { version })
    t.same({ totalCount: found.totalCount, dataSet: found.dataSet }, { totalCount: 0, dataSet: [] })
  }
})

t.test('policies are per account', async t => {
  const { app } = await build(t)
  await createPolicy(t, app)
  const other = await app.inject({
    method: 'POST',
    url: '/api/v2/zec',
    headers: { 'content-type': 'application/json', 'x-zc-action': 'DescribeAutoSnapshotPolicies', authorization: 'Bearer some-other-tenant' },
    payload: '{}'
  })
  t.equal(other.statusCode, 200)
  t.equal(other.json().response.totalCount, 0, 'another tenant sees none')
})
