import t from 'tap'
import { canonicalRequest, computeSignature, parseAuthorization } from '../../src/protocol/signature.js'
import { createHash } from 'node:crypto'

// The documented example of the ZC2-HMAC-SHA256 signature (zec-api.md §1.5).
const DOC = {
  password: 'Gu5t9xGARNpq86cd98joQYCN3',
  contentType: 'application/json; charset=utf-8',
  host: 'console.zenlayer.com',
  timestamp: '1673361177',
  body: '{"pageSize":10,"pageNum":1,"zoneId":"HKG-A"}'
}

t.test('reproduces the documented signature', async t => {
  const canonical = canonicalRequest(DOC.contentType, DOC.host, DOC.body)
  t.equal(canonical.split('\n').at(-1), '5f714687ba91c606d503467766151206392474accd137ffea6dce2420b67c29a', 'payload hash')
  t.equal(createHash('sha256').update(canonical).digest('hex'), '29396f9dfa0f03820b931e8aa06e20cda197e73285ebd76aceb83f7dede493ee', 'canonical request hash')
  t.equal(computeSignature(DOC.password, DOC.timestamp, DOC.contentType, DOC.host, DOC.body), 'efb356c32e55c781e10dc676da59462c22596d82e91c57803666243379555b2f')
  t.equal(computeSignature(DOC.password, DOC.timestamp, 'application/json', DOC.host, DOC.body), '9fdd5117d611874c57b6514c5265c94aee7b716f33906836f9ebda1b56cbc119', 'with the plain content type')
})

t.test('parses the Authorization header', async t => {
  t.same(parseAuthorization('ZC2-HMAC-SHA256 Credential=AK1, SignedHeaders=content-type;host, Signature=ABCDEF01'),
    { scheme: 'hmac', accessKeyId: 'AK1', signedHeaders: 'content-type;host', signature: 'abcdef01' })
  t.same(parseAuthorization('Bearer tok-1'), { scheme: 'bearer', token: 'tok-1' })
  t.same(parseAuthorization(undefined), { scheme: 'none' })
  t.equal(parseAuthorization('Basic dXNlcjpwYXNz').scheme, 'malformed')
  t.equal(parseAuthorization('ZC2-HMAC-SHA256 Credential=AK1').scheme, 'malformed')
  t.equal(parseAuthorization('Bearer ').scheme, 'malformed')
})
