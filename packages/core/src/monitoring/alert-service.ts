import { sql, type Selectable } from 'kysely';
import { AppError, assertCan, type RuleKind } from '@shian/domain';
import { recordAudit } from '../audit/record-audit.ts';
import type { MonitoringAlertsTable } from '../db/schema-monitoring.ts';
import { withTransaction, type Ctx } from '../db/transaction.ts';
import { scopeCondition } from '../access/scope.ts';

export type MonitoringAlertRow = Selectable<MonitoringAlertsTable>;
type AlertStatus = MonitoringAlertRow['status'];

/** An alert as listed: with its device's code and area and its enterprise's name (for the handling page). */
export type MonitoringAlertListRow = MonitoringAlertRow & { deviceCode: string; area: string; enterpriseName: string; latestSnapshotEventId: string | null };

/** Alerts the actor may see, unsettled first, newest first. */
export async function listAlerts(ctx: Ctx, query: { status?: AlertStatus | undefined; enterpriseId?: string | undefined; deviceId?: string | undefined } = {}): Promise<MonitoringAlertListRow[]> {
  assertCan(ctx.actor, 'monitoring.read');
  let q = ctx.db
    .selectFrom('monitoringAlerts')
    .innerJoin('monitoringDevices', 'monitoringDevices.id', 'monitoringAlerts.deviceId')
    .innerJoin('enterprises', 'enterprises.id', 'monitoringAlerts.enterpriseId')
    .selectAll('monitoringAlerts')
    .select(['monitoringDevices.code as deviceCode', 'monitoringDevices.area', 'enterprises.name as enterpriseName'])
    // An AI camera alert's newest event with a snapshot (null for other alerts): the picture the page shows.
    .select(sql<string | null>`(SELECT e.id FROM monitoring_camera_events e WHERE e.alert_id = monitoring_alerts.id AND e.snapshot IS NOT NULL ORDER BY e.occurred_at DESC, e.id DESC LIMIT 1)`.as('latestSnapshotEventId'))
    .where(scopeCondition(ctx.actor, 'monitoringAlerts'));
  if (query.status) q = q.where('monitoringAlerts.status', '=', query.status);
  if (query.enterpriseId) q = q.where('monitoringAlerts.enterpriseId', '=', query.enterpriseId);
  if (query.deviceId) q = q.where('monitoringAlerts.deviceId', '=', query.deviceId);
  return q.orderBy(sql`monitoring_alerts.status = 'closed'`).orderBy('monitoringAlerts.openedAt', 'desc').orderBy('monitoringAlerts.id').limit(200).execute();
}

/**
 * Handling steps (分级处置): acknowledge (确认) → send to the enterprise (下发企业) → verify (核实) → close (关闭).
 * A step may be skipped forward (an immediate alert is often closed on the spot), never taken back.
 */
const ORDER: AlertStatus[] = ['open', 'acknowledged', 'sent', 'verified', 'closed'];

async function moveAlert(ctx: Ctx, id: string, to: AlertStatus, changes: { note?: string | null | undefined; falsePositive?: boolean | undefined }): Promise<MonitoringAlertRow> {
  return withTransaction(ctx, async (trx) => {
    const before = await trx.db.selectFrom('monitoringAlerts').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw new AppError('resource.not_found');
    assertCan(ctx.actor, 'monitoring.handle', { jurisdictionCode: before.jurisdictionCode, enterpriseId: before.enterpriseId });
    if (ORDER.indexOf(to) <= ORDER.indexOf(before.status)) throw new AppError('resource.conflict');
    const after = await trx.db
      .updateTable('monitoringAlerts')
      .set({
        status: to,
        ...(changes.note !== undefined ? { note: changes.note } : {}),
        ...(changes.falsePositive !== undefined ? { falsePositive: changes.falsePositive } : {}),
        ...(to === 'closed' ? { closedAt: new Date() } : {}),
        version: sql`version + 1`,
        updatedAt: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { action: `monitoring.alert_${to}`, entityType: 'monitoring_alert', entityId: id, jurisdictionCode: before.jurisdictionCode, enterpriseId: before.enterpriseId, before, after });
    return after;
  });
}

export const acknowledgeAlert = (ctx: Ctx, id: string, note?: string): Promise<MonitoringAlertRow> => moveAlert(ctx, id, 'acknowledged', { note });
export const sendAlertToEnterprise = (ctx: Ctx, id: string, note?: string): Promise<MonitoringAlertRow> => moveAlert(ctx, id, 'sent', { note });
export const verifyAlert = (ctx: Ctx, id: string, note?: string): Promise<MonitoringAlertRow> => moveAlert(ctx, id, 'verified', { note });

/** Closes with the outcome: a real problem, or a false positive (误报) — counted per rule for its precision. */
export const closeAlert = (ctx: Ctx, id: string, outcome: { falsePositive: boolean; note: string }): Promise<MonitoringAlertRow> =>
  moveAlert(ctx, id, 'closed', { falsePositive: outcome.falsePositive, note: outcome.note });

export interface RulePrecision {
  ruleKind: RuleKind;
  closed: number;
  falsePositives: number;
  /** Share of closed alerts that were real (not false positives); null with none closed. */
  precision: number | null;
}

/** Per rule kind, within the actor's scope: closed alerts and the share that were not false positives. */
export async function precisionByRule(ctx: Ctx, query: { enterpriseId?: string | undefined } = {}): Promise<RulePrecision[]> {
  assertCan(ctx.actor, 'monitoring.read');
  let q = ctx.db
    .selectFrom('monitoringAlerts')
    .select(['ruleKind', sql<number>`count(*)::int`.as('closed'), sql<number>`count(*) FILTER (WHERE false_positive)::int`.as('falsePositives')])
    .where(scopeCondition(ctx.actor, 'monitoringAlerts'))
    .where('status', '=', 'closed');
  if (query.enterpriseId) q = q.where('enterpriseId', '=', query.enterpriseId);
  const rows = await q.groupBy('ruleKind').orderBy('ruleKind').execute();
  return rows.map((r) => ({ ruleKind: r.ruleKind, closed: r.closed, falsePositives: r.falsePositives, precision: r.closed ? (r.closed - r.falsePositives) / r.closed : null }));
}
