import t from 'tap'
import { build, fails, ok, T0 } from '../../helper.js'
import { createPolicy, describePolicy } from '../../policy-helper.js'
import { formatZecTime } from '../../../src/domain/time.js'

const STAGING = '2d9e7f10-6a3b-4e8c-b5d4-7c1f0e9a8b32'

t.test('creates a policy with every field shown back, weekdays and hours as sorted sets', async t => {
  const { app } = await build(t)
  const id = await createPolicy(t, app, {
    autoSnapshotPolicyName: 'nightly_db.v2',
    repeatWeekDays: [5, 1, 5],
    hours: [23, 2],
    retentionDays: 30,
    resourceGroupId: STAGING,
    tags: { tags: [{ key: 'team', value: 'db' }] }
  })
  t.match(id, /^\d{19}$/, 'a 19-digit id')
  t.same(await describePolicy(t, app, id), {
    autoSnapshotPolicyId: id,
    zoneId: 'asia-east-1a',
    autoSnapshotPolicyName: 'nightly_db.v2',
    repeatWeekDays: [1, 5],
    hours: [2, 23],
    retentionDays: 30,
    diskNum: 0,
    createTime: formatZecTime(T0),
    resourceGroup: { resourceGroupId: STAGING, resourceGroupName: 'staging' },
    diskIdSet: [],
    tags: { tags: [{ key: 'team', value: 'db' }] }
  })
})

t.test('defaults: keep forever (-1), the default resource group, no tags; 2024-04-01 has no tags field', async t => {
  const { app } = await build(t)
  const id = await ok(t, app, 'CreateAutoSnapshotPolicy', { zoneId: 'asia-east-1a', autoSnapshotPolicyName: 'p1', repeatWeekDays: [1], hours: [0] }, { version: '2024-04-01' })
  const policy = await describePolicy(t, app, id.autoSnapshotPolicyId, '2024-04-01')
  t.equal(policy.retentionDays, -1)
  t.equal(policy.resourceGroup.resourceGroupName, 'Default Resource Group')
  t.notOk('tags' in policy, 'no tags in the 2024 model')
  t.same((await describePolicy(t, app, id.autoSnapshotPolicyId)).tags, { tags: [] }, '2025 shows an empty tag list')
})

t.test('bad input: the ZEC code and a message naming the field, and nothing written', async t => {
  const { app } = await build(t)
  const valid = { zoneId: 'asia-east-1a', autoSnapshotPolicyName: 'good-name', repeatWeekDays: [1], hours: [0] }
  const cases: [Record<string, unknown>, number, string, RegExp][] = [
    [{ zoneId: undefined }, 400, 'MISSING_PARAMETER', /zoneId/],
    [{ repeatWeekDays: undefined }, 400, 'MISSING_PARAMETER', /repeatWeekDays/],
    [{ autoSnapshotPolicyName: 'a' }, 400, 'INVALID_PARAMETER_LESS_LENGTH', /autoSnapshotPolicyName/],
    [{ autoSnapshotPolicyName: 'x'.repeat(64) }, 400, 'INVALID_PARAMETER_EXCEED_LENGTH', /autoSnapshotPolicyName/],
    [{ autoSnapshotPolicyName: '-starts-with-dash' }, 400, 'INVALID_PARAMETER_PATTERN_ERROR', /autoSnapshotPolicyName/],
    [{ autoSnapshotPolicyName: 'ends_with_' }, 400, 'INVALID_PARAMETER_PATTERN_ERROR', /autoSnapshotPolicyName/],
    [{ autoSnapshotPolicyName: 'has space' }, 400, 'INVALID_PARAMETER_PATTERN_ERROR', /autoSnapshotPolicyName/],
    [{ repeatWeekDays: [] }, 400, 'INVALID_PARAMETER_LESS_LENGTH', /repeatWeekDays/],
    [{ repeatWeekDays: [0] }, 400, 'INVALID_PARAMETER_LESS_MINIMUM', /repeatWeekDays\[0\]/],
    [{ repeatWeekDays: [1, 8] }, 400, 'INVALID_PARAMETER_EXCEED_MAXIMUM', /repeatWeekDays\[1\]/],
    [{ repeatWeekDays: ['1'] }, 400, 'INVALID_PARAMETER_TYPE', /repeatWeekDays\[0\]/],
    [{ hours: [24] }, 400, 'INVALID_PARAMETER_EXCEED_MAXIMUM', /hours\[0\]/],
    [{ hours: [-1] }, 400, 'INVALID_PARAMETER_LESS_MINIMUM', /hours\[0\]/],
    [{ hours: [1.5] }, 400, 'INVALID_PARAMETER_TYPE', /hours\[0\]/],
    [{ retentionDays: 0 }, 400, 'INVALID_PARAMETER_VALUE', /retentionDays/],
    [{ retentionDays: -2 }, 400, 'INVALID_PARAMETER_LESS_MINIMUM', /retentionDays/],
    [{ retentionDays: 65536 }, 400, 'INVALID_PARAMETER_EXCEED_MAXIMUM', /retentionDays/],
    [{ retentionDays: '7' }, 400, 'INVALID_PARAMETER_TYPE', /retentionDays/],
    [{ tags: { tags: [{ key: 'a', value: '1' }, { key: 'a', value: '2' }] } }, 400, 'INVALID_PARAMETER_VALUE', /tags\.tags.*`a`/],
    [{ zoneId: 'mars-1a' }, 404, 'INVALID_ZONE_NOT_FOUND', /mars-1a/],
    [{ resourceGroupId: 'no-such-group' }, 404, 'OPERATION_FAILED_RESOURCE_GROUP_NOT_FOUND', /no-such-group/]
  ]
  for (const [change, status, code, message] of cases) {
    const body = await fails(t, app, 'CreateAutoSnapshotPolicy', { ...valid, ...change }, status, code)
    t.match(body.message, message, `${JSON.stringify(change)} → message names the field`)
  }
  t.equal((await ok(t, app, 'DescribeAutoSnapshotPolicies', {})).totalCount, 0, 'no policy was written')
})

t.test('the edges of the ranges are accepted', async t => {
  const { app } = await build(t)
  for (const [retentionDays, hours, repeatWeekDays] of [[-1, [0], [1]], [1, [23], [7]], [65535, [0, 23], [1, 7]]] as const) {
    const id = await createPolicy(t, app, { retentionDays, hours, repeatWeekDays, autoSnapshotPolicyName: 'ab' })
    t.equal((await describePolicy(t, app, id)).retentionDays, retentionDays)
  }
})
