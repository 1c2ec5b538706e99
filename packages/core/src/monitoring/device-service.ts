import { randomUUID } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import { AppError, CLEAN_CLASS_CODES, DEVICE_KINDS, PRESSURE_BOUNDARIES, assertCan, type CleanClass, type DeviceKind, type PressureBoundary, invalidRequest } from '@shian/domain';
import { recordAudit } from '../audit/record-audit.ts';
import type { MonitoringDevicesTable } from '../db/schema-monitoring.ts';
import { withTransaction, type Ctx, type TrxCtx } from '../db/transaction.ts';
import { lockEnterpriseFor } from '../duties/duty-access.ts';
import { scopeCondition } from '../access/scope.ts';
import { usableRuleSet } from './rule-set-service.ts';

export type MonitoringDeviceRow = Selectable<MonitoringDevicesTable>;

export interface RegisterDeviceInput {
  premisesId?: string | null | undefined;
  kind: DeviceKind;
  code: string;
  area: string;
  cleanClass: CleanClass;
  boundary?: PressureBoundary | null | undefined;
  ruleSetId: string;
}

/** Registers a device at one of the enterprise's sites (audited); it starts active and not yet heard from. */
export async function registerDevice(ctx: Ctx, enterpriseId: string, input: RegisterDeviceInput): Promise<MonitoringDeviceRow> {
  return withTransaction(ctx, async (trx) => {
    const enterprise = await lockEnterpriseFor(trx, enterpriseId, 'monitoring.manage');
    const details: { path: string; message: string }[] = [];
    if (!DEVICE_KINDS.includes(input.kind)) details.push({ path: 'kind', message: 'field.enum' });
    if (!CLEAN_CLASS_CODES.includes(input.cleanClass)) details.push({ path: 'cleanClass', message: 'field.enum' });
    const boundary = input.boundary ?? null;
    if ((input.kind === 'pressure_differential') !== (boundary !== null) || (boundary !== null && !PRESSURE_BOUNDARIES.includes(boundary))) details.push({ path: 'boundary', message: 'field.monitoring_boundary' });
    if (!input.code.trim()) details.push({ path: 'code', message: 'field.required' });
    if (!input.area.trim()) details.push({ path: 'area', message: 'field.required' });
    if (!(await usableRuleSet(trx.db, input.ruleSetId, enterpriseId))) details.push({ path: 'ruleSetId', message: 'field.monitoring_rule_set_unknown' });
    let jurisdictionCode = enterprise.jurisdictionCode;
    if (input.premisesId) {
      const premises = await trx.db.selectFrom('premises').select(['jurisdictionCode']).where('id', '=', input.premisesId).where('enterpriseId', '=', enterpriseId).executeTakeFirst();
      if (!premises) details.push({ path: 'premisesId', message: 'field.monitoring_premises_unknown' });
      else jurisdictionCode = premises.jurisdictionCode;
    }
    const taken = await trx.db.selectFrom('monitoringDevices').select('id').where('enterpriseId', '=', enterpriseId).where('code', '=', input.code.trim()).executeTakeFirst();
    if (taken) details.push({ path: 'code', message: 'field.monitoring_code_taken' });
    if (details.length) throw invalidRequest(details);

    const device = await trx.db
      .insertInto('monitoringDevices')
      .values({
        id: randomUUID(),
        enterpriseId,
        premisesId: input.premisesId ?? null,
        jurisdictionCode,
        kind: input.kind,
        code: input.code.trim(),
        area: input.area.trim(),
        cleanClass: input.cleanClass,
        boundary,
        ruleSetId: input.ruleSetId,
        credentialHash: null,
        lastSeenAt: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditDevice(trx, 'monitoring.device_register', null, device);
    return device;
  });
}

/** Puts a device under another rule set (e.g. the site's new override version). Audited with before and after. */
export async function setDeviceRuleSet(ctx: Ctx, deviceId: string, ruleSetId: string): Promise<MonitoringDeviceRow> {
  return withTransaction(ctx, async (trx) => {
    const before = await trx.db.selectFrom('monitoringDevices').selectAll().where('id', '=', deviceId).forUpdate().executeTakeFirst();
    if (!before) throw new AppError('resource.not_found');
    assertCan(ctx.actor, 'monitoring.manage', { jurisdictionCode: before.jurisdictionCode, enterpriseId: before.enterpriseId });
    if (!(await usableRuleSet(trx.db, ruleSetId, before.enterpriseId))) throw invalidRequest([{ path: 'ruleSetId', message: 'field.monitoring_rule_set_unknown' }]);
    const after = await trx.db
      .updateTable('monitoringDevices')
      .set({ ruleSetId, version: sql`version + 1`, updatedAt: new Date() })
      .where('id', '=', deviceId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditDevice(trx, 'monitoring.device_rule_set', before, after);
    return after;
  });
}

/** Devices the actor may see, optionally of one enterprise. */
export async function listDevices(ctx: Ctx, query: { enterpriseId?: string | undefined } = {}): Promise<MonitoringDeviceRow[]> {
  assertCan(ctx.actor, 'monitoring.read');
  let q = ctx.db.selectFrom('monitoringDevices').selectAll().where(scopeCondition(ctx.actor, 'monitoringDevices'));
  if (query.enterpriseId) q = q.where('enterpriseId', '=', query.enterpriseId);
  return q.orderBy('enterpriseId').orderBy('code').limit(1000).execute();
}

async function auditDevice(trx: TrxCtx, action: string, before: MonitoringDeviceRow | null, after: MonitoringDeviceRow): Promise<void> {
  await recordAudit(trx, { action, entityType: 'monitoring_device', entityId: after.id, jurisdictionCode: after.jurisdictionCode, enterpriseId: after.enterpriseId, before, after });
}
