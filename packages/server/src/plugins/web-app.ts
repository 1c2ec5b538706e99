import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { AppError } from '@shian/domain';

/** Files that must be revalidated on every load: the page, the service worker, the manifest. */
const ALWAYS_REVALIDATE = new Set(['/index.html', '/sw.js', '/manifest.webmanifest', '/registerSW.js']);
/** Content-hashed build output: never changes under the same name. */
const IMMUTABLE = /^\/(assets\/|workbox-)/;

/**
 * What answers a path no route has: the built single-page app when there is one (index.html for any
 * non-API GET of a page path, so client routes survive a reload), and the standard 404 error body otherwise.
 * A missing file (a path with an extension, or under /assets/) is a 404, never the page: the offline
 * service worker must not store an HTML page as a script after a deployment.
 */
export async function registerFallback(app: FastifyInstance, dist: string | undefined): Promise<void> {
  const hasWeb = dist !== undefined && existsSync(join(dist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: dist,
      wildcard: false,
      index: false,
      cacheControl: false,
      setHeaders: (res, path) => {
        const url = `/${path.slice(dist.length).replace(/^[\\/]+/, '').replaceAll('\\', '/')}`;
        if (ALWAYS_REVALIDATE.has(url)) res.header('cache-control', 'no-cache');
        else if (IMMUTABLE.test(url)) res.header('cache-control', 'public, max-age=31536000, immutable');
        else res.header('cache-control', 'public, max-age=3600');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const isFile = path.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(path);
    if (!hasWeb || request.method !== 'GET' || path.startsWith('/api/') || path.startsWith('/epcis') || path.startsWith('/healthz') || isFile) {
      throw new AppError('resource.not_found');
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
