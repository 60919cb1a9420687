import t from 'tap'
import { build, DISK, fails, ok, UNKNOWN_ID } from '../../helper.js'
import { INSTANCE } from '../disks/support.js'
import { instanceOf, NET } from '../network-support.js'

const ZRM = { path: '/api/v2/zrm' }

t.test('POST /api/v2/zrm: replaceTags and deleteTagKeys, shown by each resource\'s own Describe', async t => {
  const { app } = await build(t)
  await ok(t, app, 'ModifyResourceTags', { resourceUuid: INSTANCE.web, replaceTags: [{ key: 'env', value: 'dev' }, { key: 'team', value: 'a' }] }, ZRM)
  t.same((await instanceOf(t, app, INSTANCE.web))?.tags.tags, [{ key: 'env', value: 'dev' }, { key: 'team', value: 'a' }])
  await ok(t, app, 'ModifyResourceTags', { resourceUuid: INSTANCE.web, replaceTags: [{ key: 'env', value: 'prod' }], deleteTagKeys: ['team'] }, ZRM)
  t.same((await instanceOf(t, app, INSTANCE.web))?.tags.tags, [{ key: 'env', value: 'prod' }])
  t.equal((await ok(t, app, 'DescribeInstances', { tagKeys: ['env'] })).totalCount, 1, 'the tag filter sees it')
  await ok(t, app, 'ModifyResourceTags', { resourceUuid: DISK.spare, replaceTags: [{ key: 'k', value: 'v' }] }, { ...ZRM, version: '2025-10-14' })
  t.same((await ok(t, app, 'DescribeDisks', { diskIds: [DISK.spare] })).dataSet[0].tags.tags, [{ key: 'k', value: 'v' }])
  await ok(t, app, 'ModifyResourceTags', { resourceUuid: NET.vpc, replaceTags: [{ key: 'k', value: 'v' }] }, ZRM)
  t.same((await ok(t, app, 'DescribeVpcs', { vpcIds: [NET.vpc] })).dataSet[0].tags.tags, [{ key: 'k', value: 'v' }])
  const res = await app.inject({ method: 'POST', url: '/api/v2/zrm', headers: { 'content-type': 'application/json', 'x-zc-action': 'ModifyResourceTags', 'x-zc-version': '2025-10-14', 'x-zc-service': 'zrm' }, payload: JSON.stringify({ resourceUuid: NET.vpc }) })
  t.equal(res.statusCode, 200)
  t.same(Object.keys(res.json().response), ['requestId'], 'the answer is {requestId, response: {requestId}}')
})

t.test('refusals', async t => {
  const { app } = await build(t)
  await fails(t, app, 'ModifyResourceTags', { resourceUuid: UNKNOWN_ID, replaceTags: [{ key: 'a', value: 'b' }] }, 404, 'OPERATION_FAILED_RESOURCE_NOT_FOUND', ZRM)
  await fails(t, app, 'ModifyResourceTags', { resourceUuid: NET.hkSubnet, replaceTags: [{ key: 'a', value: 'b' }] }, 404, 'OPERATION_FAILED_RESOURCE_NOT_FOUND', ZRM)
  await fails(t, app, 'ModifyResourceTags', { resourceUuid: DISK.spare, replaceTags: [{ key: 'a', value: 'b' }], deleteTagKeys: ['a'] }, 400, 'INVALID_PARAMETER_VALUE', ZRM)
  await fails(t, app, 'ModifyResourceTags', { resourceUuid: DISK.spare, replaceTags: [{ key: 'a', value: 'b' }, { key: 'a', value: 'c' }] }, 400, 'INVALID_PARAMETER_VALUE', ZRM)
  await fails(t, app, 'ModifyResourceTags', {}, 400, 'MISSING_PARAMETER', ZRM)
  await fails(t, app, 'ModifyResourceTags', { resourceUuid: DISK.spare }, 400, 'INVALID_API_VERSION', { ...ZRM, version: '2025-09-01' })
  await fails(t, app, 'DescribeDisks', {}, 403, 'AUTHFAILURE_UNAUTHORIZED_OPERATION', ZRM)
  await fails(t, app, 'ModifyResourceTags', { resourceUuid: DISK.spare }, 403, 'AUTHFAILURE_UNAUTHORIZED_OPERATION')
  const many = Array.from({ length: 20 }, (_, i) => ({ key: `k${i}`, value: 'v' }))
  await ok(t, app, 'ModifyResourceTags', { resourceUuid: DISK.spare, replaceTags: many }, ZRM)
  await fails(t, app, 'ModifyResourceTags', { resourceUuid: DISK.spare, replaceTags: [{ key: 'one-more', value: 'v' }] }, 400, 'INVALID_PARAMETER_EXCEED_LENGTH', ZRM)
  const get = await app.inject({ method: 'GET', url: '/api/v2/zrm' })
  t.equal(get.statusCode, 405)
})
