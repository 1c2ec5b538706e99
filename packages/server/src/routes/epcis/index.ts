import type { FastifyInstance } from 'fastify';
import { AppError } from '@shian/domain';
import { CAPTURE_LIMITS } from '@shian/core';
import type { RouteDeps } from '../index.ts';
import { registerEpcisCaptureRoutes } from './capture.routes.ts';
import { EPCIS_VERSION_HEADERS } from './epcis-problem.ts';
import { registerEpcisQueryRoutes } from './query.routes.ts';

/**
 * The EPCIS 2.0 REST interface, registered at /epcis outside /api/v1 (the standard's resource names, for
 * enterprise systems with API keys as much as for people). In this plugin only: JSON bodies are read as text
 * up to the capture file-size limit (capture keeps the document as received and parses it itself), and every
 * answer carries the GS1 version headers. Other media types are refused (415).
 */
export async function registerEpcisRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  // Only JSON and JSON-LD, as text: anything else is 415.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(['application/json', 'application/ld+json'], { parseAs: 'string', bodyLimit: CAPTURE_LIMITS.maxBytes }, (_request, body, done) => done(null, body));
  // A body of up to the file-size limit is only read for someone who may send one.
  app.addHook('preParsing', async (request, _reply, payload) => {
    if (request.method === 'POST' && !request.actor.userId && !request.actor.apiKeyId) throw new AppError('auth.unauthenticated');
    return payload;
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    void reply.headers(EPCIS_VERSION_HEADERS);
    return payload;
  });
  registerEpcisCaptureRoutes(app, deps);
  registerEpcisQueryRoutes(app, deps);
}
