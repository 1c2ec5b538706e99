import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { AppError } from '@shian/domain';
import type { Database } from '@shian/core';
import type { Config } from './config.ts';
import { zodValidatorCompiler } from './http/validator.ts';
import { registerErrorHandler } from './plugins/error-handler.ts';
import { registerOpenApi } from './plugins/openapi.ts';
import { registerRequestContext } from './plugins/request-context.ts';
import { registerFallback } from './plugins/web-app.ts';
import { registerRoutes } from './routes/index.ts';
import { registerResolverRoutes } from './routes/resolver/resolver.routes.ts';
import { registerEpcisRoutes } from './routes/epcis/index.ts';

export interface AppState {
  /** False until migrations and first-start data are done: /healthz and every API answer 503 until then. */
  ready: boolean;
}

export interface AppOptions {
  database: Database;
  config: Config;
  state?: AppState;
  /** Serve the built web app from this directory (absent in API tests). */
  webDist?: string | undefined;
  logger?: boolean;
}

/** Assembles the HTTP application: conventions first (errors, context, OpenAPI), then the routes. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { database, config } = options;
  const state = options.state ?? { ready: true };
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel },
    bodyLimit: config.bodyLimitBytes,
    genReqId: () => randomUUID(),
    return503OnClosing: true,
  });
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1 } });
  await registerOpenApi(app);

  app.get('/healthz', { schema: { hide: true } }, async (_request, reply) => {
    if (!state.ready) return reply.status(503).send({ status: 'starting' });
    return { status: 'ok', engine: database.engine };
  });
  app.addHook('onRequest', async (request) => {
    if (!state.ready && (request.url.startsWith('/api/v1/') || request.url.startsWith('/epcis'))) throw new AppError('unavailable');
  });
  registerRequestContext(app, database, config);
  await app.register(async (api) => registerRoutes(api, { database, config }), { prefix: '/api/v1' });
  // The GS1 Digital Link resolver and the public scan page (一物一码) live at the root, as printed on packs.
  registerResolverRoutes(app, { database, config }, state);
  // The EPCIS 2.0 REST interface keeps the standard's paths, beside the platform's API.
  await app.register(async (epcis) => registerEpcisRoutes(epcis, { database, config }), { prefix: '/epcis' });
  await registerFallback(app, options.webDist);
  return app;
}
