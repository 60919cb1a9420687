/**
 * The network models as DescribeImages, DescribeVpcs, DescribeSubnets and DescribeSecurityGroups
 * return them (Go SDK zec20250901 `Image`, `VpcInfo`, `SubnetInfo`, `SecurityGroupInfo`; the
 * 2024-04-01 models are subsets, so one answer serves both versions).
 */
import { Type, type Static } from '@sinclair/typebox'
import { Nullable, ResourceGroupInfo, Tags } from './common.js'

export const ImageInfo = Type.Object({
  imageId: Type.String(),
  imageName: Type.String(),
  imageType: Type.String(),
  imageSource: Type.String(),
  imageSize: Type.String(),
  imageDescription: Type.String(),
  imageVersion: Type.String(),
  imageStatus: Type.String(),
  nicNetworkType: Type.Array(Type.String()),
  category: Type.String(),
  osType: Type.String(),
  tags: Tags
})
export type ImageInfo = Static<typeof ImageInfo>

export const VpcInfo = Type.Object({
  vpcId: Type.String(),
  name: Type.String(),
  cidrBlock: Type.String(),
  /** null: private IPv6 is not enabled. */
  ipv6CidrBlock: Nullable(Type.String()),
  mtu: Type.Integer(),
  isDefault: Type.Boolean(),
  createTime: Type.String(),
  usageIpv4Count: Type.Integer(),
  usageIpv6Count: Type.Integer(),
  securityGroupId: Nullable(Type.String()),
  dnsZoneIds: Type.Array(Type.String()),
  resourceGroup: ResourceGroupInfo,
  tags: Tags
})
export type VpcInfo = Static<typeof VpcInfo>

export const SubnetInfo = Type.Object({
  subnetId: Type.String(),
  regionId: Type.String(),
  name: Type.String(),
  cidrBlock: Type.String(),
  gatewayIpAddress: Type.String(),
  ipv6CidrBlock: Nullable(Type.String()),
  ipv6GatewayIpAddress: Nullable(Type.String()),
  stackType: Type.String(),
  ipv6Type: Nullable(Type.String()),
  vpcId: Type.String(),
  vpcName: Type.String(),
  usageIpv4Count: Type.Integer(),
  usageIpv6Count: Type.Integer(),
  createTime: Type.String(),
  isDefault: Type.Boolean(),
  dhcpOptionsSetId: Nullable(Type.String()),
  ipv6MaskLength: Nullable(Type.Integer())
})
export type SubnetInfo = Static<typeof SubnetInfo>

export const SecurityGroupInfo = Type.Object({
  securityGroupId: Type.String(),
  securityGroupName: Type.String(),
  scope: Type.String(),
  createTime: Type.String(),
  vpcIds: Type.Array(Type.String()),
  isDefault: Type.Boolean(),
  nicIdList: Type.Array(Type.String()),
  natIdList: Type.Array(Type.String()),
  loadBalancerIdList: Type.Array(Type.String()),
  haVipIdList: Type.Array(Type.String())
})
export type SecurityGroupInfo = Static<typeof SecurityGroupInfo>

/** Names of VPCs, subnets and security groups: 2–63 characters, letters, digits, `-`, `_`, `.`, starting and ending with a letter or digit. */
export const NetworkName = Type.String({ minLength: 2, maxLength: 63, pattern: '^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$' })
/** Security group names: 1–64 characters (CreateSecurityGroupRequest's comment). */
export const SecurityGroupName = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' })
export const CidrText = Type.String({ minLength: 1, maxLength: 43 })
