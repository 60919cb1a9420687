/**
 * ZC2-HMAC-SHA256, exactly as the official SDKs sign (zec-api.md §1.5): the canonical request is
 * built from the raw body bytes and the Content-Type and Host values as received, with the
 * canonical URI `/`; the key is the access key password itself, with no derivation chain.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'

export const ALGORITHM = 'ZC2-HMAC-SHA256'
export const SIGNED_HEADERS = 'content-type;host'

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex')

export function canonicalRequest (contentType: string, host: string, body: Buffer | string): string {
  return ['POST', '/', '', `content-type:${contentType}\nhost:${host}\n`, SIGNED_HEADERS, sha256Hex(body)].join('\n')
}

export function stringToSign (timestamp: string, canonical: string): string {
  return `${ALGORITHM}\n${timestamp}\n${sha256Hex(canonical)}`
}

export function computeSignature (password: string, timestamp: string, contentType: string, host: string, body: Buffer | string): string {
  return createHmac('sha256', password).update(stringToSign(timestamp, canonicalRequest(contentType, host, body))).digest('hex')
}

export function signaturesMatch (expected: string, received: string): boolean {
  const a = Buffer.from(expected)
  const b = Buffer.from(received)
  return a.length === b.length && timingSafeEqual(a, b)
}

export type Authorization =
  | { scheme: 'hmac', accessKeyId: string, signedHeaders: string, signature: string }
  | { scheme: 'bearer', token: string }
  | { scheme: 'none' }
  | { scheme: 'malformed', reason: string }

const HMAC_HEADER = /^ZC2-HMAC-SHA256 Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-fA-F]+)\s*$/

/** Parses the Authorization header: a Bearer token or a ZC2-HMAC-SHA256 credential. */
export function parseAuthorization (header: string | undefined): Authorization {
  if (header === undefined || header.trim() === '') return { scheme: 'none' }
  if (/^Bearer /i.test(header)) {
    const token = header.slice('Bearer '.length).trim()
    return token === '' ? { scheme: 'malformed', reason: 'the Bearer token is empty' } : { scheme: 'bearer', token }
  }
  const m = HMAC_HEADER.exec(header)
  if (m === null) {
    return { scheme: 'malformed', reason: 'expected `ZC2-HMAC-SHA256 Credential=<accessKeyId>, SignedHeaders=content-type;host, Signature=<hex>` or `Bearer <token>`' }
  }
  return { scheme: 'hmac', accessKeyId: m[1], signedHeaders: m[2], signature: m[3].toLowerCase() }
}
