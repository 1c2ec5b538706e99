import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { approveInspectionPlan, computeInspectionKpis, findInspectionPlan, generateInspectionPlan, listPlanItems, type InspectionPlanRow, type PlanSummary } from '@shian/core';
import { requireUser } from '../../plugins/request-context.ts';
import { commonErrors, idParamsSchema, jurisdictionCodeSchema } from '../common.contract.ts';
import type { RouteDeps } from '../index.ts';

const coverageRow = z.object({ total: z.number(), planned: z.number(), ratio: z.number(), target: z.number(), met: z.boolean() });
const planSchema = z
  .object({
    id: z.uuid(),
    jurisdictionCode: z.string(),
    year: z.number().int(),
    ruleSetId: z.string(),
    status: z.enum(['draft', 'approved']),
    generatedAt: z.string(),
    approvedAt: z.string().nullable(),
    confirmed: z.boolean(),
    inspectorCount: z.number().int(),
    visitsPerInspectorPerMonth: z.number(),
    workload: z.array(z.object({ month: z.number().int(), inspections: z.number(), inspectorVisits: z.number(), capacity: z.number(), overCapacity: z.boolean() })),
    coverage: z.object({ producers: coverageRow, sellers: coverageRow }),
    totals: z.record(z.string(), z.number()),
  })
  .meta({ id: 'InspectionPlan' });

const presentPlan = (p: InspectionPlanRow): z.infer<typeof planSchema> => {
  const s = p.summary as PlanSummary; // written by generateInspectionPlan
  return {
    id: p.id,
    jurisdictionCode: p.jurisdictionCode,
    year: p.year,
    ruleSetId: p.ruleSetId,
    status: p.status,
    generatedAt: p.generatedAt.toISOString(),
    approvedAt: p.approvedAt?.toISOString() ?? null,
    confirmed: s.confirmed,
    inspectorCount: s.inspectorCount,
    visitsPerInspectorPerMonth: s.visitsPerInspectorPerMonth,
    workload: s.workload,
    coverage: s.coverage,
    totals: s.totals,
  };
};


/** Annual inspection plans (年度监督检查计划) from risk grades. */
export function registerPlanRoutes(app: FastifyInstance, _deps: RouteDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/inspection-plans',
    {
      preHandler: requireUser,
      schema: {
        tags: ['planning'],
        summary: "Generate (or regenerate while a draft) a jurisdiction's plan for a year",
        body: z.strictObject({ jurisdictionCode: jurisdictionCodeSchema, year: z.number().int().min(2020).max(2100), visitsPerInspectorPerMonth: z.number().min(1).max(200).optional() }),
        response: { 201: planSchema, ...commonErrors },
      },
    },
    async (request, reply) => reply.status(201).send(presentPlan(await generateInspectionPlan(request.ctx, request.body))),
  );

  api.get(
    '/inspection-plans',
    {
      preHandler: requireUser,
      schema: {
        tags: ['planning'],
        summary: "A jurisdiction's plan for a year (null when none yet)",
        querystring: z.strictObject({ jurisdictionCode: jurisdictionCodeSchema, year: z.coerce.number().int().min(2020).max(2100) }),
        response: { 200: z.object({ plan: planSchema.nullable() }), ...commonErrors },
      },
    },
    async (request) => {
      const plan = await findInspectionPlan(request.ctx, request.query.jurisdictionCode, request.query.year);
      return { plan: plan ? presentPlan(plan) : null };
    },
  );

  const kpi = z.object({ total: z.number().int(), inspected: z.number().int(), ratio: z.number(), target: z.number(), met: z.boolean(), basis: z.string() });
  api.get(
    '/inspection-kpis',
    {
      preHandler: requireUser,
      schema: {
        tags: ['planning'],
        summary: "The work plans' inspection KPIs from the platform's records: coverage of producers and sellers, on-time publication, rectification rate",
        querystring: z.strictObject({ jurisdictionCode: jurisdictionCodeSchema, year: z.coerce.number().int().min(2020).max(2100) }),
        response: {
          200: z.object({
            year: z.number().int(),
            jurisdictionCode: z.string(),
            coverage: z.object({ producers: kpi, sellers: kpi }),
            publication: z.object({ published: z.number().int(), onTime: z.number().int(), ratio: z.number(), overdueOpen: z.number().int() }),
            rectification: z.object({ orders: z.number().int(), verified: z.number().int(), ratio: z.number() }),
          }),
          ...commonErrors,
        },
      },
    },
    async (request) => computeInspectionKpis(request.ctx, request.query.jurisdictionCode, request.query.year),
  );

  api.post(
    '/inspection-plans/:id/approval',
    { preHandler: requireUser, schema: { tags: ['planning'], summary: 'Approve a plan (it can no longer be regenerated)', params: idParamsSchema, response: { 200: planSchema, ...commonErrors } } },
    async (request) => presentPlan(await approveInspectionPlan(request.ctx, request.params.id)),
  );

  api.get(
    '/inspection-plans/:id/items',
    {
      preHandler: requireUser,
      schema: {
        tags: ['planning'],
        summary: "A plan's enterprises: required inspections, months, priority and why",
        params: idParamsSchema,
        querystring: z.strictObject({
          month: z.coerce.number().int().min(1).max(12).optional(),
          priorityOnly: z.stringbool().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: {
          200: z.object({
            total: z.number().int(),
            items: z.array(
              z.object({
                enterpriseId: z.uuid(),
                enterpriseName: z.string(),
                grade: z.enum(['A', 'B', 'C', 'D']).nullable(),
                required: z.number().int(),
                priority: z.boolean(),
                fullChecklistDue: z.boolean(),
                months: z.array(z.number().int()),
                reasons: z.array(z.string()),
              }),
            ),
          }),
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const { items, total } = await listPlanItems(request.ctx, request.params.id, request.query);
      return {
        total,
        items: items.map((i) => ({
          enterpriseId: i.enterpriseId,
          enterpriseName: i.enterpriseName,
          grade: i.grade,
          required: i.required,
          priority: i.priority,
          fullChecklistDue: i.fullChecklistDue,
          months: i.months,
          reasons: (i.reasons as { 'zh-CN': string; 'en-US': string }[]).map((r) => r[request.locale]),
        })),
      };
    },
  );
}
