/**
 * Preconditions shared by the VPC, subnet, security group and instance actions: loading each by
 * id with ZEC's not-found code, and the CIDR rules (private ranges, prefix bounds, inside the
 * VPC, no overlap). A handler runs them before it writes anything.
 */
import type { ActionContext } from '../engine/context.js'
import { contains, overlaps, parseCidr, PRIVATE_RANGES, SUBNET_PREFIX, VPC_PREFIX, type Cidr } from '../domain/cidr.js'
import { errors, type ZecError } from '../errors.js'
import type { SecurityGroupRecord, SubnetRecord, VpcRecord } from '../store/records.js'

export function loadVpc (ctx: ActionContext, vpcId: string, notFound: (m: string) => ZecError = errors.vpcNotFound): VpcRecord {
  const vpc = ctx.store.vpcs.get(ctx.accountId, vpcId)
  if (vpc === undefined) throw notFound(`The VPC \`${vpcId}\` does not exist.`)
  return vpc
}

export function loadSubnet (ctx: ActionContext, subnetId: string, notFound: (m: string) => ZecError = errors.subnetNotFound): SubnetRecord {
  const subnet = ctx.store.subnets.get(ctx.accountId, subnetId)
  if (subnet === undefined) throw notFound(`The subnet \`${subnetId}\` does not exist.`)
  return subnet
}

export function loadSecurityGroup (ctx: ActionContext, securityGroupId: string): SecurityGroupRecord {
  const group = ctx.store.securityGroups.get(ctx.accountId, securityGroupId)
  if (group === undefined) throw errors.securityGroupNotFound(`The security group \`${securityGroupId}\` does not exist.`)
  return group
}

/** A VPC's IPv4 range: a network address inside one of the private ranges, /9 to /28. */
export function vpcCidr (text: string): Cidr {
  const cidr = parseCidr(text)
  if (cidr === null) throw errors.vpcCidrMalformed(`The parameter \`cidrBlock\` \`${text}\` is not an IPv4 CIDR block with its host bits zero (e.g. 10.0.0.0/16).`)
  if (cidr.prefix < VPC_PREFIX.min || cidr.prefix > VPC_PREFIX.max) {
    throw errors.vpcCidrNetmask(`The parameter \`cidrBlock\` \`${text}\` must have a prefix length from /${VPC_PREFIX.min} to /${VPC_PREFIX.max}.`)
  }
  if (!PRIVATE_RANGES.some(range => contains(range, cidr))) {
    throw errors.vpcCidrNotPrivate(`The parameter \`cidrBlock\` \`${text}\` must lie inside 10.0.0.0/9, 10.128.0.0/9, 172.16.0.0/12 or 192.168.0.0/16.`)
  }
  return cidr
}

/**
 * A subnet's IPv4 range: a network address, /9 to /29, inside its VPC, overlapping none of the
 * VPC's other subnets (`except`: the subnet being modified).
 */
export function subnetCidr (ctx: ActionContext, vpc: VpcRecord, text: string, except?: string): Cidr {
  const cidr = parseCidr(text)
  if (cidr === null) throw errors.subnetCidrMalformed(`The parameter \`cidrBlock\` \`${text}\` is not an IPv4 CIDR block with its host bits zero (e.g. 10.0.1.0/24).`)
  if (cidr.prefix < SUBNET_PREFIX.min || cidr.prefix > SUBNET_PREFIX.max) {
    throw errors.subnetCidrNetmask(`The parameter \`cidrBlock\` \`${text}\` must have a prefix length from /${SUBNET_PREFIX.min} to /${SUBNET_PREFIX.max}.`)
  }
  if (!contains(parseCidr(vpc.cidrBlock) as Cidr, cidr)) {
    throw errors.subnetCidrOutsideVpc(`The parameter \`cidrBlock\` \`${text}\` is not inside the VPC \`${vpc.vpcId}\`'s ${vpc.cidrBlock}.`)
  }
  for (const other of ctx.store.subnets.inVpc(ctx.accountId, vpc.vpcId)) {
    if (other.subnetId !== except && overlaps(parseCidr(other.cidrBlock) as Cidr, cidr)) {
      throw errors.subnetCidrOverlap(`The parameter \`cidrBlock\` \`${text}\` overlaps the subnet \`${other.subnetId}\` (${other.cidrBlock}) of the same VPC.`)
    }
  }
  return cidr
}

/** The private IPv4 addresses handed out in a subnet. */
export function usedIps (ctx: ActionContext, subnetId: string): Set<string> {
  return new Set(ctx.store.instances.inSubnet(ctx.accountId, subnetId).flatMap(i => i.privateIpAddresses))
}

/** The account's default security group, made on first need: a VPC created without one binds it. */
export function defaultSecurityGroup (ctx: ActionContext): SecurityGroupRecord {
  const existing = ctx.store.securityGroups.defaultOf(ctx.accountId)
  if (existing !== undefined) return existing
  const group: SecurityGroupRecord = {
    securityGroupId: ctx.store.ids.next(),
    accountId: ctx.accountId,
    securityGroupName: 'default',
    scope: 'Global',
    isDefault: true,
    rules: [],
    createTime: ctx.now
  }
  ctx.store.securityGroups.insert(group)
  return group
}
