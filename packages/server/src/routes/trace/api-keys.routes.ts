import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createApiKey, listApiKeys, revokeApiKey, type ApiKeySummary } from '@shian/core';
import { requireUser } from '../../plugins/request-context.ts';
import { commonErrors, idParamsSchema } from '../common.contract.ts';
import type { RouteDeps } from '../index.ts';

const apiKeySchema = z
  .object({
    id: z.uuid(),
    enterpriseId: z.uuid(),
    name: z.string(),
    /** The first characters of the key, to tell keys apart; the key itself is never shown again. */
    prefix: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiKey' });

const createdKeySchema = z
  .object({
    apiKey: apiKeySchema,
    /** The whole key: shown in this answer only. */
    key: z.string(),
    warning: z.string(),
  })
  .meta({ id: 'CreatedApiKey' });

const WARNING = {
  'zh-CN': '请立即复制并妥善保存此密钥：关闭后将无法再次查看。',
  'en-US': 'Copy this key now and keep it safe: it is not shown again.',
} as const;

function presentApiKey(k: ApiKeySummary): z.infer<typeof apiKeySchema> {
  return {
    id: k.id,
    enterpriseId: k.enterpriseId,
    name: k.name,
    prefix: k.prefix,
    createdAt: k.createdAt.toISOString(),
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
  };
}

/**
 * API keys (接口密钥) of an enterprise, managed by its administrator in the web app (a signed-in user: a key
 * itself is accepted on the `/epcis` interface only, never here).
 */
export function registerApiKeyRoutes(app: FastifyInstance, _deps: RouteDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/enterprises/:id/api-keys',
    {
      preHandler: requireUser,
      schema: {
        tags: ['trace'],
        summary: "An enterprise's API keys for its own systems (newest first; the keys themselves are never shown again)",
        params: idParamsSchema,
        response: { 200: z.object({ items: z.array(apiKeySchema) }), ...commonErrors },
      },
    },
    async (request) => ({ items: (await listApiKeys(request.ctx, request.params.id)).map(presentApiKey) }),
  );

  api.post(
    '/enterprises/:id/api-keys',
    {
      preHandler: requireUser,
      schema: {
        tags: ['trace'],
        summary: 'Create an API key for the enterprise: the answer is the only time the key is shown',
        params: idParamsSchema,
        body: z.strictObject({ name: z.string().trim().min(1, { message: 'field.required' }).max(100) }),
        response: { 201: createdKeySchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const { key, summary } = await createApiKey(request.ctx, request.params.id, request.body.name);
      return reply.status(201).header('cache-control', 'no-store').send({ apiKey: presentApiKey(summary), key, warning: WARNING[request.locale] });
    },
  );

  api.post(
    '/api-keys/:id/revoke',
    {
      preHandler: requireUser,
      schema: {
        tags: ['trace'],
        summary: 'Revoke an API key: the next request with it is refused',
        params: idParamsSchema,
        response: { 200: apiKeySchema, ...commonErrors },
      },
    },
    async (request) => presentApiKey(await revokeApiKey(request.ctx, request.params.id)),
  );
}
