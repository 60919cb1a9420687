/**
 * Stored network records → the exact JSON models of DescribeImages, DescribeVpcs,
 * DescribeSubnets and DescribeSecurityGroups (schemas/network.ts); every field present.
 */
import type { ImageInfo, SecurityGroupInfo, SubnetInfo, VpcInfo } from '../schemas/network.js'
import { gatewayOf, parseCidr, type Cidr } from './domain/cidr.js'
import { formatZecTime } from './domain/time.js'
import type { ImageRecord, SecurityGroupRecord, SubnetRecord, VpcRecord } from './store/records.js'
import type { Names } from './views.js'

export function toImageInfo (image: ImageRecord): ImageInfo {
  const { zoneIds, ...fields } = image
  return { ...fields, tags: { tags: [] } }
}

export function toVpcInfo (vpc: VpcRecord, usageIpv4Count: number, names: Names): VpcInfo {
  return {
    vpcId: vpc.vpcId,
    name: vpc.vpcName,
    cidrBlock: vpc.cidrBlock,
    ipv6CidrBlock: vpc.ipv6CidrBlock,
    mtu: vpc.mtu,
    isDefault: vpc.isDefault,
    createTime: formatZecTime(vpc.createTime),
    usageIpv4Count,
    usageIpv6Count: 0,
    securityGroupId: vpc.securityGroupId,
    dnsZoneIds: [],
    resourceGroup: { resourceGroupId: vpc.resourceGroupId, resourceGroupName: names.resourceGroupName(vpc.resourceGroupId) },
    tags: { tags: vpc.tags }
  }
}

export function toSubnetInfo (subnet: SubnetRecord, vpcName: string, usageIpv4Count: number): SubnetInfo {
  return {
    subnetId: subnet.subnetId,
    regionId: subnet.regionId,
    name: subnet.subnetName,
    cidrBlock: subnet.cidrBlock,
    gatewayIpAddress: gatewayOf(parseCidr(subnet.cidrBlock) as Cidr),
    ipv6CidrBlock: null,
    ipv6GatewayIpAddress: null,
    stackType: subnet.stackType,
    ipv6Type: null,
    vpcId: subnet.vpcId,
    vpcName,
    usageIpv4Count,
    usageIpv6Count: 0,
    createTime: formatZecTime(subnet.createTime),
    isDefault: subnet.isDefault,
    dhcpOptionsSetId: null,
    ipv6MaskLength: null
  }
}

export function toSecurityGroupInfo (group: SecurityGroupRecord, vpcIds: string[], nicIds: string[]): SecurityGroupInfo {
  return {
    securityGroupId: group.securityGroupId,
    securityGroupName: group.securityGroupName,
    scope: group.scope,
    createTime: formatZecTime(group.createTime),
    vpcIds,
    isDefault: group.isDefault,
    nicIdList: nicIds,
    natIdList: [],
    loadBalancerIdList: [],
    haVipIdList: []
  }
}
