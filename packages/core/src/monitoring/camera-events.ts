import { randomUUID } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import { AppError, assertCan, cameraRuleKind, checkCameraEvent, evaluateHeartbeat, gradeFor, invalidRequest, parseDeviceState, type CameraEventInput, type CameraEventKind } from '@shian/domain';
import { scopeCondition } from '../access/scope.ts';
import type { Db } from '../db/connect.ts';
import type { MonitoringCameraEventsTable } from '../db/schema-monitoring.ts';
import type { Ctx } from '../db/transaction.ts';
import { clearAlerts, upsertAlerts } from './alert-upsert.ts';
import type { DeviceIdentity } from './device-credentials.ts';
import { saveStates } from './ingest-readings.ts';
import { loadRuleSets } from './rule-set-service.ts';

/** A stored camera event without its snapshot bytes (lists never carry them). */
export type CameraEventRow = Omit<Selectable<MonitoringCameraEventsTable>, 'snapshot'> & { hasSnapshot: boolean };

export interface CameraEventReceipt {
  event: CameraEventRow;
  /** True when the vendor sent this event before (a retry): nothing new was stored or counted. */
  duplicate: boolean;
}

const EVENT_COLUMNS = ['id', 'deviceId', 'enterpriseId', 'jurisdictionCode', 'kind', 'occurredAt', 'vendor', 'vendorEventId', 'confidence', 'snapshotType', 'alertId', 'receivedAt'] as const;

/**
 * Receives one AI camera event (AI 视频识别事件) from the camera whose credential was shown, in ONE
 * transaction: the device (locked, so its events are taken one after the other) must be an active camera;
 * every bad field is named; a vendor's retry (same event id) answers the stored event and changes nothing;
 * otherwise the event is stored with its snapshot and opens or extends the alert of (device, `ai_<kind>`)
 * graded by the device's rule set, and counts as the camera's heartbeat (clears `camera_offline`, moves
 * `last_seen_at`). Like readings, machine input is not audited, nor are the alerts it opens (alert-upsert).
 */
export async function receiveCameraEvent(db: Db, device: DeviceIdentity, input: CameraEventInput, now: Date = new Date()): Promise<CameraEventReceipt> {
  return db.transaction().execute(async (trx) => {
    const camera = await trx.selectFrom('monitoringDevices').select(['id', 'enterpriseId', 'jurisdictionCode', 'kind', 'status', 'ruleSetId', 'state']).where('id', '=', device.id).forUpdate().executeTakeFirst();
    if (!camera || camera.status !== 'active') throw new AppError('auth.unauthenticated');
    if (camera.kind !== 'camera') throw new AppError('auth.forbidden');
    const problems = checkCameraEvent(input, now);
    if (problems.length) throw invalidRequest(problems);
    const kind = input.kind as CameraEventKind; // checked by checkCameraEvent just above
    const occurredAt = input.occurredAt!; // present: checked by checkCameraEvent

    const stored = await trx.selectFrom('monitoringCameraEvents').select([...EVENT_COLUMNS, sql<boolean>`snapshot IS NOT NULL`.as('hasSnapshot')]).where('deviceId', '=', camera.id).where('vendorEventId', '=', input.eventId).executeTakeFirst();
    if (stored) return { event: stored, duplicate: true };

    const rules = (await loadRuleSets(trx, [camera.ruleSetId])).get(camera.ruleSetId);
    if (!rules) throw new Error(`rule set ${camera.ruleSetId} of device ${camera.id} missing`);
    const ruleKind = cameraRuleKind(kind);
    const scope = { deviceId: camera.id, enterpriseId: camera.enterpriseId, jurisdictionCode: camera.jurisdictionCode };
    await upsertAlerts(trx, [{ ...scope, kind: ruleKind, grade: gradeFor(rules.data, ruleKind).grade, openedAt: occurredAt, firstReadingAt: occurredAt, lastReadingAt: occurredAt, readings: 1 }]);
    const alert = await trx.selectFrom('monitoringAlerts').select('id').where('deviceId', '=', camera.id).where('ruleKind', '=', ruleKind).where('status', '<>', 'closed').executeTakeFirstOrThrow();

    const event = await trx
      .insertInto('monitoringCameraEvents')
      .values({
        id: randomUUID(),
        enterpriseId: camera.enterpriseId,
        jurisdictionCode: camera.jurisdictionCode,
        deviceId: camera.id,
        kind,
        occurredAt,
        vendor: input.vendor?.trim() || null,
        vendorEventId: input.eventId,
        confidence: input.confidence ?? null,
        snapshot: input.snapshot?.bytes ?? null,
        snapshotType: input.snapshot ? (input.snapshot.contentType as 'image/jpeg' | 'image/png') : null, // matched against the bytes by checkCameraEvent
        alertId: alert.id,
      })
      .returning([...EVENT_COLUMNS, sql<boolean>`snapshot IS NOT NULL`.as('hasSnapshot')])
      .executeTakeFirstOrThrow();

    // The event is the camera's sign of life, as a heartbeat reading is.
    const heartbeat = evaluateHeartbeat(parseDeviceState(camera.state), occurredAt);
    await clearAlerts(trx, heartbeat.cleared.map((c) => ({ deviceId: camera.id, kind: c.kind, at: c.at })));
    await saveStates(trx, [{ id: camera.id, state: heartbeat.state }]);
    return { event, duplicate: false };
  });
}

/** Camera events the actor may see, of one alert or one device, newest first (at most 500), without their bytes. */
export async function listCameraEvents(ctx: Ctx, query: { alertId?: string | undefined; deviceId?: string | undefined }): Promise<CameraEventRow[]> {
  assertCan(ctx.actor, 'monitoring.read');
  let q = ctx.db.selectFrom('monitoringCameraEvents').select([...EVENT_COLUMNS, sql<boolean>`snapshot IS NOT NULL`.as('hasSnapshot')]).where(scopeCondition(ctx.actor, 'monitoringCameraEvents'));
  if (query.alertId) q = q.where('alertId', '=', query.alertId);
  if (query.deviceId) q = q.where('deviceId', '=', query.deviceId);
  return q.orderBy('occurredAt', 'desc').orderBy('id').limit(500).execute();
}

/** The snapshot of a camera event in the actor's scope (404 outside it, or when the event has none). */
export async function cameraSnapshot(ctx: Ctx, eventId: string): Promise<{ contentType: string; bytes: Uint8Array }> {
  assertCan(ctx.actor, 'monitoring.read');
  const row = await ctx.db
    .selectFrom('monitoringCameraEvents')
    .select(['snapshot', 'snapshotType'])
    .where('id', '=', eventId)
    .where(scopeCondition(ctx.actor, 'monitoringCameraEvents'))
    .executeTakeFirst();
  if (!row?.snapshot || !row.snapshotType) throw new AppError('resource.not_found');
  return { contentType: row.snapshotType, bytes: row.snapshot };
}
