/**
 * IPv4 CIDR arithmetic for VPCs and subnets: parsing, containment, overlap, and handing out the
 * next free host address of a subnet. Pure; addresses are unsigned 32-bit numbers.
 */

export interface Cidr { network: number, prefix: number }

const OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/

export function parseIp (text: string): number | null {
  const parts = text.split('.')
  if (parts.length !== 4 || !parts.every(p => OCTET.test(p))) return null
  return parts.reduce((n, p) => n * 256 + Number(p), 0)
}

export const formatIp = (n: number) => [24, 16, 8, 0].map(shift => Math.floor(n / 2 ** shift) % 256).join('.')

const size = (prefix: number) => 2 ** (32 - prefix)

/** `a.b.c.d/n` whose host bits are zero; null when malformed. */
export function parseCidr (text: string): Cidr | null {
  const [ip, prefixText, extra] = text.split('/')
  if (extra !== undefined || prefixText === undefined || !/^\d{1,2}$/.test(prefixText)) return null
  const prefix = Number(prefixText)
  const network = parseIp(ip)
  if (network === null || prefix > 32 || network % size(prefix) !== 0) return null
  return { network, prefix }
}

export const formatCidr = (cidr: Cidr) => `${formatIp(cidr.network)}/${cidr.prefix}`

export const contains = (outer: Cidr, inner: Cidr) =>
  inner.prefix >= outer.prefix && inner.network >= outer.network && inner.network + size(inner.prefix) <= outer.network + size(outer.prefix)

export const overlaps = (a: Cidr, b: Cidr) =>
  a.network < b.network + size(b.prefix) && b.network < a.network + size(a.prefix)

export const containsIp = (cidr: Cidr, ip: number) => ip >= cidr.network && ip < cidr.network + size(cidr.prefix)

/** The private ranges a VPC must lie in (CreateVpcRequest's comment in the SDKs). */
export const PRIVATE_RANGES: readonly Cidr[] = ['10.0.0.0/9', '10.128.0.0/9', '172.16.0.0/12', '192.168.0.0/16'].map(c => parseCidr(c) as Cidr)

/** Prefix lengths accepted: a VPC from /9 (the widest private range) to /28, a subnet to /29. */
export const VPC_PREFIX = { min: 9, max: 28 }
export const SUBNET_PREFIX = { min: 9, max: 29 }

/** The gateway of a subnet: its first host address, as clouds reserve it. */
export const gatewayOf = (cidr: Cidr) => formatIp(cidr.network + 1)

/**
 * The lowest host address of `cidr` not in `used`: the network address, the gateway (first host)
 * and the broadcast address are never handed out. null when the subnet is full.
 */
export function nextFreeIp (cidr: Cidr, used: ReadonlySet<string>): string | null {
  const last = cidr.network + size(cidr.prefix) - 2
  for (let ip = cidr.network + 2; ip <= last; ip++) {
    const text = formatIp(ip)
    if (!used.has(text)) return text
  }
  return null
}

/** Whether `ip` may be given to an instance in `cidr`: inside, not network, gateway or broadcast. */
export function isAssignable (cidr: Cidr, ip: number): boolean {
  return ip >= cidr.network + 2 && ip <= cidr.network + size(cidr.prefix) - 2
}
