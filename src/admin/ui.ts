/**
 * The web console: GET /_emulator/ui serves the page `npm run build` puts in dist/ui/ (its script,
 * style sheet and page, nothing from another host), GET /_emulator/ui/<file> its other assets,
 * and GET /_emulator/ redirects to it. The files are read once, on the first request for any of
 * them (not at start: gzip at level 9 is a measurable share of start-up); only names found in that
 * folder are served, so no path can reach outside it. A console that was not built
 * answers the envelope with a message saying so, and the rest of the emulator works regardless.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { extname, join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { errors } from '../errors.js'
import { PROJECT_ROOT } from '../paths.js'

export const UI_DIR = join(PROJECT_ROOT, 'dist', 'ui')
export const UI_PATH = '/_emulator/ui'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon'
}

/** The page may load and call only its own origin: no CDN, no web fonts, no third-party calls. */
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

export interface Asset {
  type: string
  body: Buffer
  /** The gzip form, kept only when it is smaller. */
  gzip?: Buffer
  etag: string
}

/** Every servable file of the built console by name (source maps are left out of the package's answers). */
export function readAssets (dir: string = UI_DIR): Map<string, Asset> {
  const assets = new Map<string, Asset>()
  if (!existsSync(dir)) return assets
  for (const name of readdirSync(dir)) {
    const type = TYPES[extname(name)]
    const path = join(dir, name)
    if (type === undefined || !statSync(path).isFile()) continue
    const body = readFileSync(path)
    const gzip = gzipSync(body, { level: 9 })
    assets.set(name, {
      type,
      body,
      gzip: gzip.length < body.length ? gzip : undefined,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`
    })
  }
  return assets
}

function send (request: FastifyRequest, reply: FastifyReply, asset: Asset) {
  // Revalidated on every load (the names carry no hash), answered 304 when unchanged.
  reply.header('cache-control', 'no-cache').header('etag', asset.etag).header('vary', 'accept-encoding')
    .header('x-content-type-options', 'nosniff').header('content-security-policy', CSP)
  if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send()
  reply.type(asset.type)
  const accepts = String(request.headers['accept-encoding'] ?? '')
  if (asset.gzip !== undefined && /\bgzip\b/.test(accepts)) return reply.header('content-encoding', 'gzip').send(asset.gzip)
  return reply.send(asset.body)
}

export function registerUi (app: FastifyInstance, dir: string = UI_DIR): void {
  let assets: Map<string, Asset> | undefined
  const serve = (name: string) => (request: FastifyRequest, reply: FastifyReply) => {
    assets ??= readAssets(dir)
    const asset = assets.get(name)
    if (asset === undefined) {
      throw name === 'index.html'
        ? errors.routeNotFound('The console is not built: run `npm run build` (it writes dist/ui/).')
        : errors.routeNotFound(`The console has no file \`${name}\`.`)
    }
    return send(request, reply, asset)
  }

  app.get('/_emulator/', { schema: { hide: true } }, async (_request, reply) => reply.redirect(UI_PATH, 302))
  // A page, not an API: left out of the OpenAPI document like the docs page itself.
  app.get(UI_PATH, { schema: { hide: true } }, serve('index.html'))
  app.get(`${UI_PATH}/`, { schema: { hide: true } }, serve('index.html'))
  app.get<{ Params: { file: string } }>(`${UI_PATH}/:file`, { schema: { hide: true } }, (request, reply) => serve(request.params.file)(request, reply))
}
