import t from 'tap'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { ACTIONS } from '../../src/actions/index.js'
import { PROJECT_ROOT } from '../../src/paths.js'

t.test('every action file is registered, once, under a unique name', async t => {
  const dir = join(PROJECT_ROOT, 'src', 'actions')
  const files = readdirSync(dir, { withFileTypes: true }).filter(d => d.isDirectory())
    .flatMap(d => readdirSync(join(dir, d.name)).filter(f => f.endsWith('.ts')).map(f => f.replace(/\.ts$/, '')))
  const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()
  t.same(ACTIONS.map(a => kebab(a.name)).sort(), files.sort(), 'one file per registered action')
  t.equal(new Set(ACTIONS.map(a => a.name)).size, ACTIONS.length, 'names are unique')
  for (const action of ACTIONS) t.ok(action.versions.length > 0, `${action.name} names its API versions`)
})
