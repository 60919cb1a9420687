import t from 'tap'
import { request } from 'node:https'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { buildApp } from '../src/app.js'
import { makeConfig } from '../src/config.js'
import { CERT_FILE, KEY_FILE, tlsMaterial, trustHelp } from '../src/tls.js'

/** POST DescribeZones over HTTPS, trusting only `ca`. */
function describeZones (port: number, ca: string): Promise<{ status: number, body: any }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/api/v2/zec', ca, headers: { 'content-type': 'application/json', 'x-zc-action': 'DescribeZones', 'x-zc-version': '2025-09-01' } }, res => {
      let text = ''
      res.on('data', chunk => { text += chunk })
      res.on('end', () => { resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }) })
    })
    req.on('error', reject)
    req.end('{}')
  })
}

t.test('--tls makes a certificate beside the database at first start and keeps it', async t => {
  const dir = mkdtempSync(join(tmpdir(), 'zec-tls-test-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const config = makeConfig({ tls: true, db: join(dir, 'state.db') })
  const first = await tlsMaterial(config)
  t.ok(first?.generated)
  t.equal(first?.certPath, join(dir, CERT_FILE))
  t.ok(existsSync(join(dir, KEY_FILE)))
  const again = await tlsMaterial(config)
  t.notOk(again?.generated, 'the second start reuses it')
  t.equal(again?.cert, first?.cert)
  t.match(trustHelp(join(dir, CERT_FILE)).join('\n'), /SSL_CERT_FILE=.*NODE_EXTRA_CA_CERTS=.*REQUESTS_CA_BUNDLE=/s)
})

t.test('an HTTPS client that trusts the certificate calls the emulator; one that does not is refused', async t => {
  const material = await tlsMaterial(makeConfig({ tls: true }))
  if (material === null) throw new Error('no TLS material')
  t.teardown(() => rmSync(dirname(material.certPath), { recursive: true, force: true }))
  t.match(material.certPath, /zec-emulator-tls-/, 'in memory mode it lives in a temporary folder')
  const app = await buildApp(makeConfig(), { https: { key: material.key, cert: material.cert } })
  t.teardown(() => app.close())
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  const port = typeof address === 'object' && address !== null ? address.port : 0
  const res = await describeZones(port, readFileSync(material.certPath, 'utf8'))
  t.equal(res.status, 200)
  t.equal(res.body.response.zoneSet.length, 4)
  await t.rejects(describeZones(port, ''), /self-signed|certificate/i)
})

t.test('no --tls: no HTTPS; --tls-cert and --tls-key are read as given and go together', async t => {
  t.equal(await tlsMaterial(makeConfig()), null)
  const made = await tlsMaterial(makeConfig({ tls: true }))
  t.ok(made)
  t.teardown(() => rmSync(dirname(made?.certPath ?? '/nonexistent'), { recursive: true, force: true }))
  const given = await tlsMaterial(makeConfig({ tlsCert: made?.certPath ?? '', tlsKey: join(made?.certPath ?? '', '..', KEY_FILE) }))
  t.equal(given?.cert, made?.cert)
  t.notOk(given?.generated)
  await t.rejects(tlsMaterial(makeConfig({ tlsCert: made?.certPath ?? '' })), /go together/)
  await t.rejects(tlsMaterial(makeConfig({ tlsCert: '/nonexistent.crt', tlsKey: '/nonexistent.key' })), /cannot read the TLS certificate/)
})
