import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { AppError } from '@shian/domain';

/**
 * What answers a path no route has: the built single-page app when there is one (index.html for any
 * non-API GET, so client routes survive a reload), and the standard 404 error body otherwise.
 */
export async function registerFallback(app: FastifyInstance, dist: string | undefined): Promise<void> {
  const hasWeb = dist !== undefined && existsSync(join(dist, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: dist, wildcard: false, maxAge: '1h', index: false });
  app.setNotFoundHandler((request, reply) => {
    if (!hasWeb || request.method !== 'GET' || request.url.startsWith('/api/') || request.url.startsWith('/healthz')) {
      throw new AppError('resource.not_found');
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
