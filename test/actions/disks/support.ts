/** Shared pieces of the disk action tests: instance ids, policies, and reading one disk back. */
import type { Test } from 'tap'
import type { FastifyInstance } from 'fastify'
import type { Policy, TransitionName } from '../../../src/domain/lifecycle.js'
import { ok } from '../../helper.js'

export const INSTANCE = {
  web: '1300000000000000001', // RUNNING, asia-east-1a
  db: '1300000000000000002', // STOPPED, asia-east-1a
  sg: '1300000000000000003' // RUNNING, asia-southeast-1a
} as const

const IMMEDIATE: Policy = { kind: 'immediate' }

/** Every disk transition immediate, so a test sees the settled state right after its call. */
export const IMMEDIATE_DISKS: Partial<Record<TransitionName, Policy>> = {
  'disk.create': IMMEDIATE,
  'disk.attach': IMMEDIATE,
  'disk.detach': IMMEDIATE,
  'disk.change': IMMEDIATE,
  'disk.recycle': IMMEDIATE,
  'disk.delete': IMMEDIATE,
  'snapshot.create': IMMEDIATE,
  'snapshot.delete': IMMEDIATE
}

/** The disk as DescribeDisks shows it now, or undefined when it is gone. */
export async function diskOf (t: Test, app: FastifyInstance, diskId: string, version?: string): Promise<Record<string, any> | undefined> {
  const found = await ok(t, app, 'DescribeDisks', { diskIds: [diskId] }, version === undefined ? {} : { version })
  return found.dataSet[0]
}

export async function statusOf (t: Test, app: FastifyInstance, diskId: string): Promise<string | undefined> {
  return (await diskOf(t, app, diskId))?.diskStatus
}

/** Creates one AVAILABLE data disk in `zoneId` and returns its id. */
export async function newDisk (t: Test, app: FastifyInstance, input: Record<string, unknown> = {}): Promise<string> {
  const created = await ok(t, app, 'CreateDisks', { zoneId: 'asia-east-1a', diskName: 'extra', diskSize: 20, ...input })
  return created.diskIds[0]
}
