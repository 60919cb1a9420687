/** Shared steps of the policy tests: create a policy, read it back, read a disk's binding. */
import type { Test } from 'tap'
import type { FastifyInstance } from 'fastify'
import { ok } from './helper.js'

export const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7]

export async function createPolicy (t: Test, app: FastifyInstance, fields: Record<string, unknown> = {}): Promise<string> {
  const created = await ok(t, app, 'CreateAutoSnapshotPolicy', {
    zoneId: 'asia-east-1a', autoSnapshotPolicyName: 'daily-backup', repeatWeekDays: EVERY_DAY, hours: [0], ...fields
  })
  return created.autoSnapshotPolicyId as string
}

export async function describePolicy (t: Test, app: FastifyInstance, policyId: string, version?: string): Promise<Record<string, any>> {
  const found = await ok(t, app, 'DescribeAutoSnapshotPolicies', { autoSnapshotPolicyIds: [policyId] }, version === undefined ? {} : { version })
  t.equal(found.totalCount, 1, `policy ${policyId} is listed`)
  return found.dataSet[0]
}

export async function policyOfDisk (t: Test, app: FastifyInstance, diskId: string): Promise<string> {
  const found = await ok(t, app, 'DescribeDisks', { diskIds: [diskId] })
  return found.dataSet[0].autoSnapshotPolicyId as string
}
