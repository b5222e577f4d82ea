/**
 * Serves the built dashboard (Vite's web/dist) at `/`: index.html and the hashed files under
 * /assets/, read from disk on each request (a few small files; the OS caches them), with a fixed
 * media-type table and no directory listing. The pages route with the URL hash (#/models/mall), so
 * `/` is the only HTML path. A small handler rather than @fastify/static: two routes, no dependency.
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json', '.woff2': 'font/woff2', '.ico': 'image/x-icon',
};

/**
 * Adds GET / and GET /assets/* for the dashboard in `dir`.
 * @throws {SegkitError} E_NOT_FOUND when `dir` has no index.html (not built)
 */
export function registerDashboardFiles(app: FastifyInstance, dir: string): void {
  const root = resolve(dir);
  if (!existsSync(join(root, 'index.html'))) throw new SegkitError('E_NOT_FOUND', msg.dashboardNoBuild(root), { file: root });
  const config = { publicFile: true };
  app.get('/', { config }, async (_req, reply) => reply.type(TYPES['.html']).header('cache-control', 'no-cache').send(readFileSync(join(root, 'index.html'))));
  app.get('/assets/*', { config }, async (req, reply) => {
    const rest = (req.params as { '*': string })['*'];
    const file = resolve(root, 'assets', rest);
    // No way out of assets/ (.. or an absolute path), and only known file types.
    if (!file.startsWith(join(root, 'assets') + sep) || !TYPES[extname(file)] || !existsSync(file))
      throw new SegkitError('E_NOT_FOUND', msg.routeNotFound('GET', req.url.split('?')[0]), { field: 'url' });
    // Vite puts a content hash in every asset name, so they never change under the same URL.
    return reply.type(TYPES[extname(file)]).header('cache-control', 'public, max-age=31536000, immutable').send(readFileSync(file));
  });
}
