import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertCan, findJurisdiction } from '@shian/domain';
import { getDashboardSummary } from '@shian/core';
import { jurisdictionName } from '../../http/presenters.ts';
import { requireUser } from '../../plugins/request-context.ts';
import { commonErrors } from '../common.contract.ts';
import type { RouteDeps } from '../index.ts';

const count = z.number().int();
const summarySchema = z.object({
  scope: z.object({ code: z.string().nullable(), nameZh: z.string(), nameEn: z.string() }),
  counts: z.object({
    enterprises: count,
    producers: count,
    sellers: count,
    licences: count,
    licencesExpiringSoon: count,
    products: count,
    people: count,
    flaggedEnterprises: count,
  }),
  byDistrict: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), enterprises: count, producers: count, sellers: count })),
  byKind: z.array(z.object({ kind: z.string(), count })),
  byFlag: z.array(z.object({ flag: z.string(), count })),
  expiringLicences: z.array(z.object({ id: z.string(), enterpriseId: z.string(), enterpriseName: z.string(), number: z.string(), validUntil: z.string() })),
});

/** Real counts for the home page, within the user's scope. */
export function registerDashboardRoutes(app: FastifyInstance, _deps: RouteDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/dashboard/summary',
    { preHandler: requireUser, schema: { tags: ['dashboard'], summary: 'Registry counts in scope', response: { 200: summarySchema, ...commonErrors } } },
    async (request) => {
      assertCan(request.actor, 'dashboard.read');
      const summary = await getDashboardSummary(request.ctx);
      const code = request.actor.jurisdictionCode;
      const node = code ? findJurisdiction(code) : undefined;
      return {
        ...summary,
        scope: { code, nameZh: node?.nameZh ?? '本企业', nameEn: node?.nameEn ?? 'Own enterprise' },
        byDistrict: summary.byDistrict.map((d) => ({
          ...d,
          nameZh: jurisdictionName(d.code, 'zh-CN'),
          nameEn: jurisdictionName(d.code, 'en-US'),
        })),
      };
    },
  );
}
