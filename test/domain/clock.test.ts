import t from 'tap'
import { createClock } from '../../src/domain/clock.js'

t.test('freeze, set, advance, resume', async t => {
  let real = 1_000_000
  const clock = createClock(() => real)
  t.equal(clock.now(), 1_000_000)
  clock.freeze()
  real += 5000
  t.equal(clock.now(), 1_000_000, 'frozen')
  clock.advance(60_000)
  t.equal(clock.now(), 1_060_000)
  clock.set(5_000_000)
  t.equal(clock.now(), 5_000_000)
  clock.resume()
  real += 1000
  t.equal(clock.now(), 5_001_000, 'real time flows again from the virtual instant')
  t.match(clock.state(), { frozen: false, now: 5_001_000 })
  clock.advance(1000)
  t.equal(clock.now(), 5_002_000, 'advance while running')
})
