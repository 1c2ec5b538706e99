import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { acknowledgeAlert, closeAlert, listAlerts, precisionByRule, sendAlertToEnterprise, verifyAlert, type Ctx, type MonitoringAlertRow } from '@shian/core';
import { requireUser } from '../../plugins/request-context.ts';
import { commonErrors, idParamsSchema } from '../common.contract.ts';
import type { RouteDeps } from '../index.ts';
import { alertCloseSchema, alertListItemSchema, alertListQuerySchema, alertSchema, alertStepSchema, precisionQuerySchema, presentAlert, presentAlertListItem, presentPrecision, rulePrecisionSchema } from './alerts.contract.ts';

/** The handling steps before closing: acknowledge (确认), send to the enterprise (下发企业), verify (核实). */
const STEPS: readonly { path: string; summary: string; run: (ctx: Ctx, id: string, note?: string) => Promise<MonitoringAlertRow> }[] = [
  { path: 'acknowledge', summary: 'Acknowledge the alert (确认)', run: acknowledgeAlert },
  { path: 'send', summary: 'Send the alert to the enterprise to handle (下发企业)', run: sendAlertToEnterprise },
  { path: 'verify', summary: "Verify the enterprise's handling (核实)", run: verifyAlert },
];

/**
 * Monitoring alerts (监测预警) and their handling by the bureau (分级处置): steps go forward only (one may be
 * skipped; going back or repeating is a 409). Closing records whether the alert was a false positive (误报),
 * which the per-rule precision counts.
 */
export function registerMonitoringAlertRoutes(app: FastifyInstance, _deps: RouteDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/monitoring/alerts',
    {
      preHandler: requireUser,
      schema: {
        tags: ['monitoring'],
        summary: 'Alerts in scope, unsettled first then newest (at most 200): by status, device, enterprise',
        querystring: alertListQuerySchema,
        response: { 200: z.object({ items: z.array(alertListItemSchema) }), ...commonErrors },
      },
    },
    async (request) => {
      const rows = await listAlerts(request.ctx, request.query);
      return { items: rows.map(presentAlertListItem) };
    },
  );

  for (const step of STEPS) {
    api.post(
      `/monitoring/alerts/:id/${step.path}`,
      {
        preHandler: requireUser,
        schema: { tags: ['monitoring'], summary: step.summary, params: idParamsSchema, body: alertStepSchema, response: { 200: alertSchema, ...commonErrors } },
      },
      async (request) => presentAlert(await step.run(request.ctx, request.params.id, request.body?.note)),
    );
  }

  api.post(
    '/monitoring/alerts/:id/close',
    {
      preHandler: requireUser,
      schema: {
        tags: ['monitoring'],
        summary: 'Close the alert (关闭) with its outcome: a real problem or a false positive (误报), and a note',
        params: idParamsSchema,
        body: alertCloseSchema,
        response: { 200: alertSchema, ...commonErrors },
      },
    },
    async (request) => presentAlert(await closeAlert(request.ctx, request.params.id, request.body)),
  );

  api.get(
    '/monitoring/precision',
    {
      preHandler: requireUser,
      schema: {
        tags: ['monitoring'],
        summary: 'Per rule kind, in scope: closed alerts, false positives and the share that were real (precision)',
        querystring: precisionQuerySchema,
        response: { 200: z.object({ items: z.array(rulePrecisionSchema) }), ...commonErrors },
      },
    },
    async (request) => ({ items: (await precisionByRule(request.ctx, request.query)).map(presentPrecision) }),
  );
}
