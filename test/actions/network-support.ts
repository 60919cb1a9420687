/** Shared pieces of the network and instance action tests: the demo's network ids and small builders. */
import type { Test } from 'tap'
import type { FastifyInstance } from 'fastify'
import type { Policy, TransitionName } from '../../src/domain/lifecycle.js'
import { ok } from '../helper.js'

export const NET = {
  vpc: '1700000000000000001', // 10.0.0.0/15, bound to the default group
  hkSubnet: '1710000000000000001', // asia-east-1, 10.0.0.0/24: web-01 (.10) and db-01 (.20)
  sgSubnet: '1710000000000000002', // asia-southeast-1, 10.1.0.0/24: sg-app-01 (.5)
  defaultGroup: '1720000000000000001',
  webGroup: '1720000000000000002' // bound to web-01's NIC
} as const

const IMMEDIATE: Policy = { kind: 'immediate' }

/** Every instance (and disk) transition immediate. */
export const IMMEDIATE_INSTANCES: Partial<Record<TransitionName, Policy>> = Object.fromEntries(
  ['instance.create', 'instance.deploy', 'instance.boot', 'instance.stop', 'instance.reboot', 'instance.reset', 'instance.recycle', 'instance.release', 'disk.detach', 'disk.attach', 'disk.create']
    .map(name => [name, IMMEDIATE])
)

export async function newVpc (t: Test, app: FastifyInstance, input: Record<string, unknown> = {}): Promise<string> {
  return (await ok(t, app, 'CreateVpc', { name: 'test-vpc', cidrBlock: '192.168.0.0/16', ...input })).vpcId
}

export async function newSubnet (t: Test, app: FastifyInstance, vpcId: string, input: Record<string, unknown> = {}): Promise<string> {
  return (await ok(t, app, 'CreateSubnet', { vpcId, regionId: 'asia-east-1', name: 'test-subnet', cidrBlock: '192.168.1.0/24', stackType: 'IPv4', ...input }, { version: '2024-04-01' })).subnetId
}

/** What Terraform's zenlayercloud_zec_instance sends by default (zec-instances.md). */
export const TF_INSTANCE = {
  zoneId: 'asia-east-1a',
  instanceType: 'z2a.cpu.1',
  imageId: 'ubuntu-22.04',
  instanceName: 'Terraform-Instance',
  instanceCount: 1,
  systemDisk: { diskSize: 40 },
  subnetId: NET.hkSubnet,
  enableAgent: true,
  password: 'Passw0rd!x'
}

export async function newInstance (t: Test, app: FastifyInstance, input: Record<string, unknown> = {}): Promise<string> {
  return (await ok(t, app, 'CreateZecInstances', { ...TF_INSTANCE, ...input })).instanceIdSet[0]
}

export async function instanceOf (t: Test, app: FastifyInstance, instanceId: string): Promise<Record<string, any> | undefined> {
  return (await ok(t, app, 'DescribeInstances', { instanceIds: [instanceId] })).dataSet[0]
}
