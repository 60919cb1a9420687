/**
 * ModifySubnetAttribute (Go SDK ModifySubnetAttributeRequest): renames a subnet or changes its
 * IPv4 range, which must stay inside the VPC, overlap no other subnet and hold every private IP
 * already handed out in it.
 */
import { Type } from '@sinclair/typebox'
import { Id } from '../../../schemas/common.js'
import { CidrText, NetworkName } from '../../../schemas/network.js'
import { containsIp, formatCidr, parseIp } from '../../domain/cidr.js'
import { errors } from '../../errors.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'
import { loadSubnet, loadVpc, subnetCidr, usedIps } from '../network-checks.js'

export default defineAction({
  name: 'ModifySubnetAttribute',
  versions: BOTH_VERSIONS,
  input: Type.Object({ subnetId: Id, subnetName: Type.Optional(NetworkName), cidrBlock: Type.Optional(CidrText) }),
  output: Type.Object({}),
  handler (ctx, input) {
    const subnet = loadSubnet(ctx, input.subnetId, errors.resourceNotFound)
    let cidrBlock: string | undefined
    if (input.cidrBlock !== undefined) {
      const cidr = subnetCidr(ctx, loadVpc(ctx, subnet.vpcId), input.cidrBlock, subnet.subnetId)
      for (const ip of usedIps(ctx, subnet.subnetId)) {
        const n = parseIp(ip)
        if (n !== null && !containsIp(cidr, n)) {
          throw errors.invalidParameterValue(`The parameter \`cidrBlock\` \`${input.cidrBlock}\` does not hold ${ip}, already given to an instance in the subnet.`)
        }
      }
      cidrBlock = formatCidr(cidr)
    }
    ctx.store.subnets.update(subnet.subnetId, {
      ...(input.subnetName === undefined ? {} : { subnetName: input.subnetName }),
      ...(cidrBlock === undefined ? {} : { cidrBlock })
    })
    return {}
  }
})
