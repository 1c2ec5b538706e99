import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { AlertGrade, RuleKind } from '@shian/domain';
import type { Trx } from '../db/transaction.ts';

/** One alert row to open or extend: the device's scope, the condition, and the readings that belong to it. */
export interface AlertTouch {
  deviceId: string;
  enterpriseId: string;
  jurisdictionCode: string;
  kind: RuleKind;
  grade: AlertGrade;
  openedAt: Date;
  firstReadingAt: Date | null;
  lastReadingAt: Date | null;
  readings: number;
}

/**
 * Opens or extends alerts in ONE statement: the partial unique index (device, rule kind) WHERE status <>
 * 'closed' makes a second condition of the same kind extend the alert still being handled (and mark it active again)
 * instead of opening another. Returns how many rows were new.
 */
export async function upsertAlerts(db: Trx, touches: readonly AlertTouch[]): Promise<number> {
  if (touches.length === 0) return 0;
  const iso = (d: Date | null): string | null => d?.toISOString() ?? null;
  const result = await sql<{ inserted: boolean }>`
    INSERT INTO monitoring_alerts (id, device_id, enterprise_id, jurisdiction_code, rule_kind, grade, opened_at, first_reading_at, last_reading_at, reading_count)
    SELECT * FROM unnest(${sql.val(touches.map(() => randomUUID()))}::uuid[], ${sql.val(touches.map((t) => t.deviceId))}::uuid[],
      ${sql.val(touches.map((t) => t.enterpriseId))}::uuid[], ${sql.val(touches.map((t) => t.jurisdictionCode))}::text[],
      ${sql.val(touches.map((t) => t.kind))}::text[], ${sql.val(touches.map((t) => t.grade))}::text[],
      ${sql.val(touches.map((t) => t.openedAt.toISOString()))}::timestamptz[], ${sql.val(touches.map((t) => iso(t.firstReadingAt)))}::timestamptz[],
      ${sql.val(touches.map((t) => iso(t.lastReadingAt)))}::timestamptz[], ${sql.val(touches.map((t) => t.readings))}::int[])
    ON CONFLICT (device_id, rule_kind) WHERE status <> 'closed' DO UPDATE SET
      last_reading_at = greatest(monitoring_alerts.last_reading_at, excluded.last_reading_at),
      reading_count = monitoring_alerts.reading_count + excluded.reading_count,
      cleared_at = NULL,
      updated_at = now()
    RETURNING (xmax = 0) AS inserted`.execute(db);
  return result.rows.filter((r) => r.inserted).length;
}

/** Marks conditions that ended (one statement); the alerts stay in their handling status. */
export async function clearAlerts(db: Trx, cleared: readonly { deviceId: string; kind: RuleKind; at: Date }[]): Promise<number> {
  if (cleared.length === 0) return 0;
  const result = await sql`
    UPDATE monitoring_alerts a SET cleared_at = c.at, updated_at = now()
    FROM unnest(${sql.val(cleared.map((c) => c.deviceId))}::uuid[], ${sql.val(cleared.map((c) => c.kind))}::text[], ${sql.val(cleared.map((c) => c.at.toISOString()))}::timestamptz[]) AS c(device_id, kind, at)
    WHERE a.device_id = c.device_id AND a.rule_kind = c.kind AND a.status <> 'closed' AND a.cleared_at IS NULL`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}
