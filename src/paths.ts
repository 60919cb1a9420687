/** Where the project's own files are, whether running from src/ (tests) or dist/src/ (built). */
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
export const PROJECT_ROOT = here.endsWith(join('dist', 'src')) ? join(here, '..', '..') : join(here, '..')
export const DEMO_FIXTURES = join(PROJECT_ROOT, 'fixtures', 'demo.json')
