import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { monitoringWall, siteMonitoring } from '@shian/core';
import { requireUser } from '../../plugins/request-context.ts';
import { commonErrors } from '../common.contract.ts';
import type { RouteDeps } from '../index.ts';
import { presentSite, presentWall, siteParamsSchema, siteQuerySchema, siteSchema, wallQuerySchema, wallSchema } from './wall.contract.ts';

/**
 * The monitoring wall (监测大屏): regulators see the sites of their scope per district, an enterprise its own;
 * and one site's charts (监测曲线) with its limits and alerts. Reads only (`monitoring.read`).
 */
export function registerMonitoringWallRoutes(app: FastifyInstance, _deps: RouteDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/monitoring/wall',
    {
      preHandler: requireUser,
      schema: {
        tags: ['monitoring'],
        summary: 'The live wall: sites in scope (or of one district/street) with device counts, open alerts by grade and status, worst first; totals and per-district counts',
        querystring: wallQuerySchema,
        response: { 200: wallSchema, ...commonErrors },
      },
    },
    async (request) => presentWall(await monitoringWall(request.ctx, request.query)),
  );

  api.get(
    '/monitoring/sites/:enterpriseId',
    {
      preHandler: requireUser,
      schema: {
        tags: ['monitoring'],
        summary: "A site's charts: each device with its limit and min/avg/max series (minute grain up to 24 h, hour grain to 7 d), and the site's alerts",
        params: siteParamsSchema,
        querystring: siteQuerySchema,
        response: { 200: siteSchema, ...commonErrors },
      },
    },
    async (request) => presentSite(await siteMonitoring(request.ctx, request.params.enterpriseId, request.query)),
  );
}
