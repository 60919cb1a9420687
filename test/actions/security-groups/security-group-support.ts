/** Creates one security group and returns its id. */
import type { Test } from 'tap'
import type { FastifyInstance } from 'fastify'
import { ok } from '../../helper.js'

export async function newGroup (t: Test, app: FastifyInstance, name = 'sg-test'): Promise<string> {
  return (await ok(t, app, 'CreateSecurityGroup', { securityGroupName: name, ruleInfos: [{ direction: 'ingress', policy: 'accept', ipProtocol: 'tcp', portRange: '22', cidrIp: '0.0.0.0/0' }] })).securityGroupId
}
