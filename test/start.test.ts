/**
 * The shared start path's pure parts: which hosts count as loopback, and when the open-admin
 * warning is printed. (Listening itself is tested through startEmulator and the built CLI.)
 */
import t from 'tap'
import { makeConfig } from '../src/config.js'
import { isLoopback, openAdminWarning } from '../src/start.js'

t.test('loopback: 127.0.0.0/8, ::1 and localhost; everything else is reachable from elsewhere', async t => {
  for (const host of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', '::ffff:127.0.0.1', 'localhost', 'LOCALHOST', 'api.localhost']) t.ok(isLoopback(host), host)
  for (const host of ['0.0.0.0', '::', '10.0.0.5', '192.168.1.2', 'example.com', '128.0.0.1', '127.0.0.1.example.com', '::ffff:10.0.0.1']) t.notOk(isLoopback(host), host)
})

t.test('the warning: a non-loopback host without an admin token, naming the option and the port', async t => {
  t.match(openAdminWarning(makeConfig({ host: '0.0.0.0' }), 8790), /listening on 0\.0\.0\.0 without an admin token: anyone who can reach port 8790 can reset[^]*--admin-token \/ ZEC_ADMIN_TOKEN/)
  t.equal(openAdminWarning(makeConfig({ host: '0.0.0.0', adminToken: 'secret' }), 8790), undefined, 'a token silences it')
  t.equal(openAdminWarning(makeConfig({ host: '127.0.0.1' }), 8790), undefined, 'loopback needs none')
})
