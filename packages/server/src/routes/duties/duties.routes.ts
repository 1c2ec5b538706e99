import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addRiskItem,
  closeHazard,
  computeDutyKpis,
  findDutyOverview,
  hazardStanding,
  listProducersWithoutDirector,
  recordDailyCheck,
  saveMonthlyMinutes,
  saveWeeklyReport,
  startRiskList,
  updateRiskItem,
} from '@shian/core';
import {
  currentDutyTemplates,
  dailyCheckSchema,
  hazardCloseSchema,
  monthlyMinutesSchema,
  riskItemCreateSchema,
  riskItemUpdateSchema,
  riskListStartSchema,
  weeklyReportSchema,
} from '@shian/domain';
import { requireUser } from '../../plugins/request-context.ts';
import { commonErrors, idParamsSchema, jurisdictionCodeSchema } from '../common.contract.ts';
import type { RouteDeps } from '../index.ts';
import {
  dailyCheckResultSchema,
  dutyKpisSchema,
  dutyOverviewSchema,
  dutyTemplatesSchema,
  hazardSchema,
  presentHazard,
  presentRiskItem,
  producersWithoutDirectorSchema,
  riskItemSchema,
} from './duties.contract.ts';

const tags = ['duties'];

/**
 * Enterprise duties (主体责任, SAMR Order No. 60): the risk-control list, the daily check (日管控) with its
 * hazards, the weekly report (周排查) and the monthly minutes (月调度) of an enterprise; the regulators' rates
 * per district and the special-food producers without a food safety director. Appointments are the
 * registry's key people (`/enterprises/{id}/people`, `/people/{id}`).
 */
export function registerDutyRoutes(app: FastifyInstance, _deps: RouteDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/duties/templates',
    { preHandler: requireUser, schema: { tags, summary: 'Risk-control list templates by business kind (versioned, with their source; unconfirmed, configurable)', response: { 200: dutyTemplatesSchema, ...commonErrors } } },
    async () => ({ items: currentDutyTemplates().map((t) => ({ ...t, items: [...t.items] })) }),
  );

  api.get(
    '/duties/enterprises/:id',
    {
      preHandler: requireUser,
      schema: { tags, summary: "An enterprise's duties: appointments and the director flag, list, today's check, hazards, reports, minutes and rates", params: idParamsSchema, response: { 200: dutyOverviewSchema, ...commonErrors } },
    },
    async (request) => findDutyOverview(request.ctx, request.params.id),
  );

  api.post(
    '/duties/enterprises/:id/risk-list',
    {
      preHandler: requireUser,
      schema: { tags, summary: 'Start the risk-control list (风险管控清单) from a template; records are required from today', params: idParamsSchema, body: riskListStartSchema, response: { 201: z.object({ items: z.array(riskItemSchema) }), ...commonErrors } },
    },
    async (request, reply) => reply.status(201).send({ items: (await startRiskList(request.ctx, request.params.id, request.body)).map(presentRiskItem) }),
  );

  api.post(
    '/duties/enterprises/:id/risk-items',
    { preHandler: requireUser, schema: { tags, summary: 'Add an item of its own to the risk-control list', params: idParamsSchema, body: riskItemCreateSchema, response: { 201: riskItemSchema, ...commonErrors } } },
    async (request, reply) => reply.status(201).send(presentRiskItem(await addRiskItem(request.ctx, request.params.id, request.body))),
  );

  api.patch(
    '/duties/risk-items/:id',
    { preHandler: requireUser, schema: { tags, summary: 'Edit or retire a risk-control item (send the version you edited)', params: idParamsSchema, body: riskItemUpdateSchema, response: { 200: riskItemSchema, ...commonErrors } } },
    async (request) => presentRiskItem(await updateRiskItem(request.ctx, request.params.id, request.body)),
  );

  api.post(
    '/duties/enterprises/:id/daily-checks',
    {
      preHandler: requireUser,
      schema: {
        tags,
        summary: "Record today's check (日管控): no problems is the one-tap zero-risk record; each problem becomes a hazard. A second submission the same day amends it (200)",
        params: idParamsSchema,
        body: dailyCheckSchema,
        response: { 200: dailyCheckResultSchema, 201: dailyCheckResultSchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const { check, hazards } = await recordDailyCheck(request.ctx, request.params.id, request.body);
      const hazardCount = await request.ctx.db.selectFrom('dutyHazards').select((eb) => eb.fn.countAll<number>().as('n')).where('dailyCheckId', '=', check.id).executeTakeFirstOrThrow();
      return reply.status(check.amendments > 0 ? 200 : 201).send({
        check: {
          id: check.id,
          checkDate: check.checkDate,
          outcome: check.outcome,
          note: check.note,
          checkedByName: check.checkedByName,
          amendments: check.amendments,
          hazardCount: Number(hazardCount.n),
          recordedAt: check.updatedAt.toISOString(),
        },
        hazards: hazards.map((h) => presentHazard(h, hazardStanding(h))),
      });
    },
  );

  api.post(
    '/duties/hazards/:id/close',
    { preHandler: requireUser, schema: { tags, summary: 'Close a hazard (隐患) with the fix made; its deadline clock is met', params: idParamsSchema, body: hazardCloseSchema, response: { 200: hazardSchema, ...commonErrors } } },
    async (request) => {
      const row = await closeHazard(request.ctx, request.params.id, request.body);
      return presentHazard(row, hazardStanding(row));
    },
  );

  api.post(
    '/duties/enterprises/:id/weekly-reports',
    {
      preHandler: requireUser,
      schema: { tags, summary: 'Save the weekly review report (周排查) of an ISO week, signed by a current food safety director; saving the week again amends it', params: idParamsSchema, body: weeklyReportSchema, response: { 200: z.object({ id: z.uuid(), week: z.string(), version: z.number().int(), hazardsFound: z.number().int(), hazardsFixed: z.number().int() }), ...commonErrors } },
    },
    async (request) => {
      const row = await saveWeeklyReport(request.ctx, request.params.id, request.body);
      return { id: row.id, week: row.week, version: row.version, hazardsFound: row.hazardsFound, hazardsFixed: row.hazardsFixed };
    },
  );

  api.post(
    '/duties/enterprises/:id/monthly-minutes',
    {
      preHandler: requireUser,
      schema: { tags, summary: 'Save the monthly meeting minutes (月调度); saving the month again amends them', params: idParamsSchema, body: monthlyMinutesSchema, response: { 200: z.object({ id: z.uuid(), month: z.string(), version: z.number().int() }), ...commonErrors } },
    },
    async (request) => {
      const row = await saveMonthlyMinutes(request.ctx, request.params.id, request.body);
      return { id: row.id, month: row.month, version: row.version };
    },
  );

  api.get(
    '/duties/kpis',
    {
      preHandler: requireUser,
      schema: { tags, summary: 'Duty rates per district (日管控/周排查/月调度 records over required periods; target 100 %) and the enterprises with the lowest rates', querystring: z.strictObject({ jurisdictionCode: jurisdictionCodeSchema }), response: { 200: dutyKpisSchema, ...commonErrors } },
    },
    async (request) => computeDutyKpis(request.ctx, request.query.jurisdictionCode),
  );

  api.get(
    '/duties/producers-without-director',
    { preHandler: requireUser, schema: { tags, summary: 'Special-food producers in scope without a current food safety director (缺少食品安全总监)', response: { 200: producersWithoutDirectorSchema, ...commonErrors } } },
    async (request) => ({ items: await listProducersWithoutDirector(request.ctx) }),
  );
}
