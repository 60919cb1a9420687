// The console's static files (page, style sheet) go beside the script tsc compiled into dist/ui/,
// so dist/ is the whole console. Prints the gzipped size of what the browser loads.
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const source = join(root, 'src', 'ui')
const target = join(root, 'dist', 'ui')
mkdirSync(target, { recursive: true })
for (const name of readdirSync(source)) {
  if (/\.(html|css|svg|ico|png)$/.test(name)) copyFileSync(join(source, name), join(target, name))
}
let raw = 0
let gzipped = 0
for (const name of readdirSync(target)) {
  if (!/\.(html|css|js|svg|ico|png)$/.test(name)) continue
  const body = readFileSync(join(target, name))
  raw += body.length
  gzipped += gzipSync(body, { level: 9 }).length
}
console.log(`console: dist/ui ${(raw / 1024).toFixed(1)} KB, ${(gzipped / 1024).toFixed(1)} KB gzipped`)
