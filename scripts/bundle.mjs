// The command line as one ES module: esbuild bundles src/server.ts with its dependencies into
// dist/src/server.js, over the file tsc wrote there, so the package's bin, `npm start`, the
// Docker CMD and bench/ run it unchanged. Loading ~600 small modules (TypeBox alone is ~250 ES
// modules, Fastify, Ajv and yaml hundreds of CommonJS files) was most of the start-up; one file
// loads in a fraction of that (bench/RESULTS.md, 2026-12-02). The rest of dist/src (the package's
// `exports`, startEmulator) stays tsc's output, and tests keep importing src/.
import { build } from 'esbuild'
import { readFile } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

// Left to node_modules: a native addon; pino and pino-pretty, whose transports run in a worker
// that loads them by name; selfsigned, loaded only for --tls.
const external = ['better-sqlite3', 'pino', 'pino-pretty', 'selfsigned']

// Bundled packages that find files next to their own code (__dirname): each is pointed at its
// installed folder, found at run time, so its files are read from node_modules as before. Any
// other package doing so fails the build instead of failing at run time.
const LOCATED = ['@fastify/swagger', '@fastify/swagger-ui']

/** `__dirname`/`__filename` of a bundled CommonJS file, as the installed package's paths. */
const located = {
  name: 'located',
  setup (build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/].*\.c?js$/ }, async (args) => {
      const contents = await readFile(args.path, 'utf8')
      if (!/\b__(dirname|filename)\b/.test(contents)) return undefined
      const at = args.path.lastIndexOf(`${sep}node_modules${sep}`) + `${sep}node_modules${sep}`.length
      const [scope, name] = args.path.slice(at).split(sep)
      const pkg = scope.startsWith('@') ? `${scope}/${name}` : scope
      if (!LOCATED.includes(pkg)) return { errors: [{ text: `${pkg} uses __dirname or __filename: add it to LOCATED (after checking what it reads) or to external` }] }
      const root = args.path.slice(0, at + pkg.length)
      const file = relative(root, args.path).split(sep).join('/')
      // The package's main file is found with require.resolve (the bundle's require, banner below).
      const main = relative(root, (await import('node:module')).createRequire(args.path).resolve(pkg)).split(sep).join('/')
      const prelude = `var __filename = require('node:path').join(require('node:path').dirname(require.resolve(${JSON.stringify(pkg)})), ${JSON.stringify(relative(dirname(main), file).split(sep).join('/'))}); var __dirname = require('node:path').dirname(__filename);\n`
      return { contents: prelude + contents, loader: 'js', resolveDir: dirname(args.path) }
    })
  }
}

// src/compilers.ts loads Fastify's serializer compiler from node_modules when first used; in the
// bundle it is a plain require(), which esbuild resolves to the copy inside, evaluated as late.
const LAZY_LOAD = "fromFastify('@fastify/fast-json-stringify-compiler')"
const bundledSerializers = {
  name: 'bundled-serializers',
  setup (build) {
    build.onLoad({ filter: /[\\/]src[\\/]compilers\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8')
      if (!source.includes(LAZY_LOAD)) return { errors: [{ text: `src/compilers.ts no longer says ${LAZY_LOAD}: update scripts/bundle.mjs` }] }
      return { contents: source.replace(LAZY_LOAD, "require('@fastify/fast-json-stringify-compiler')"), loader: 'ts' }
    })
  }
}

const result = await build({
  absWorkingDir: root,
  entryPoints: ['src/server.ts'],
  outfile: 'dist/src/server.js',
  allowOverwrite: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external,
  // The CommonJS packages inside call require(); an ES module has none, so the bundle makes one.
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'\nconst require = __bundleRequire(import.meta.url)" },
  // Whitespace and syntax only: names stay (Fastify and avvio name plugins after their functions).
  minifyWhitespace: true,
  minifySyntax: true,
  // Maps stack traces (node --enable-source-maps) without shipping every dependency's source again.
  sourcemap: true,
  sourcesContent: false,
  logLevel: 'warning',
  metafile: true,
  plugins: [located, bundledSerializers]
})

const bytes = Object.values(result.metafile.outputs).find(o => o.entryPoint !== undefined)?.bytes ?? 0
console.log(`bin: dist/src/server.js bundled, ${(bytes / 1024).toFixed(0)} KB (${Object.keys(result.metafile.inputs).length} modules)`)
