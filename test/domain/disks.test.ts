import t from 'tap'
import { DISK_NAME_PATTERN, duplicateTagKey, releaseStep, snapshotAbilityOf } from '../../src/domain/disks.js'

t.test('what ReleaseDisk does in each status', async t => {
  t.equal(releaseStep('AVAILABLE'), 'recycle')
  t.equal(releaseStep('RECYCLED'), 'destroy')
  t.equal(releaseStep('FAILED'), 'destroy')
  t.equal(releaseStep('RECYCLING'), 'being-recycled')
  for (const status of ['IN_USE', 'CREATING', 'ATTACHING', 'DETACHING', 'CHANGING', 'DELETING', 'ROLLING_BACK']) t.equal(releaseStep(status), null, status)
})

t.test('names, tags, snapshot ability', async t => {
  const name = new RegExp(DISK_NAME_PATTERN)
  for (const ok of ['a', '1', 'data-1', 'data_1.x', 'end-']) t.ok(name.test(ok), ok)
  for (const bad of ['-a', '_a', '.a', 'a b', 'ü']) t.notOk(name.test(bad), bad)
  t.equal(duplicateTagKey([{ key: 'a' }, { key: 'b' }, { key: 'a' }]), 'a')
  t.equal(duplicateTagKey([{ key: 'a' }, { key: 'b' }]), null)
  t.equal(snapshotAbilityOf('Basic NVMe SSD'), false)
  t.equal(snapshotAbilityOf('Standard NVMe SSD'), true)
})
