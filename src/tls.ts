/**
 * HTTPS for clients that speak nothing else (the zeno CLI, zec-api.md §5): `--tls` serves with a
 * self-signed certificate made at first start and kept beside the database (in a fresh temporary
 * folder when the database is in memory), or with `--tls-cert`/`--tls-key`. The certificate is
 * its own CA, so a client trusts it by pointing SSL_CERT_FILE, NODE_EXTRA_CA_CERTS or
 * REQUESTS_CA_BUNDLE at it.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import type { Config } from './config.js'
import { DataFileError } from './fixtures.js'

export interface TlsMaterial {
  key: string
  cert: string
  /** Where the certificate a client must trust is. */
  certPath: string
  /** True when the certificate was made at this start. */
  generated: boolean
}

export const CERT_FILE = 'zec-emulator-tls.crt'
export const KEY_FILE = 'zec-emulator-tls.key'

function read (path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    throw new DataFileError(`cannot read the TLS ${what} ${path}: ${(error as Error).message}`)
  }
}

/** A certificate for localhost, 127.0.0.1 and ::1, valid two years, usable as its own CA. */
async function selfSigned (): Promise<{ key: string, cert: string }> {
  // Loaded only here: it is one of the slowest modules to load, and most starts use no --tls.
  const { generate } = await import('selfsigned')
  const now = new Date()
  const pems = await generate([{ name: 'commonName', value: 'zec-emulator' }, { name: 'organizationName', value: 'zec-emulator (local, self-signed)' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 60_000),
    notAfterDate: new Date(now.getTime() + 2 * 365 * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }, { type: 7, ip: '::1' }] }
    ]
  })
  return { key: pems.private, cert: pems.cert }
}

/** The key and certificate to serve HTTPS with, or null when HTTPS is off. */
export async function tlsMaterial (config: Pick<Config, 'tls' | 'tlsCert' | 'tlsKey' | 'db'>): Promise<TlsMaterial | null> {
  if (config.tlsCert !== '' || config.tlsKey !== '') {
    if (config.tlsCert === '' || config.tlsKey === '') throw new DataFileError('--tls-cert and --tls-key go together')
    return { cert: read(config.tlsCert, 'certificate'), key: read(config.tlsKey, 'key'), certPath: resolve(config.tlsCert), generated: false }
  }
  if (!config.tls) return null
  const dir = config.db === ':memory:' ? mkdtempSync(join(tmpdir(), 'zec-emulator-tls-')) : dirname(resolve(config.db))
  const certPath = join(dir, CERT_FILE)
  const keyPath = join(dir, KEY_FILE)
  if (existsSync(certPath) && existsSync(keyPath)) return { cert: read(certPath, 'certificate'), key: read(keyPath, 'key'), certPath, generated: false }
  const { key, cert } = await selfSigned()
  writeFileSync(keyPath, key, { mode: 0o600 })
  writeFileSync(certPath, cert)
  return { key, cert, certPath, generated: true }
}

/** What the server prints so a person knows how to make each client trust the certificate. */
export function trustHelp (certPath: string): string[] {
  return [
    `  tls cert   ${certPath}`,
    `  trust it   Go, zeno, Terraform: SSL_CERT_FILE=${certPath}`,
    `             Node: NODE_EXTRA_CA_CERTS=${certPath}`,
    `             Python requests/SDK: REQUESTS_CA_BUNDLE=${certPath} (or Config(certification=...))`,
    `             curl: --cacert ${certPath}`
  ]
}
