import { sql } from 'kysely';
import { evaluateReadings, gradeFor, limitKeyOf, parseDeviceState, type DeviceState, type Reading, type RuleKind, invalidRequest } from '@shian/domain';
import type { Db } from '../db/connect.ts';
import type { Trx } from '../db/transaction.ts';
import { clearAlerts, upsertAlerts, type AlertTouch } from './alert-upsert.ts';
import { loadRuleSets } from './rule-set-service.ts';

export interface IncomingReading {
  deviceId: string;
  at: Date;
  value: number;
}

export interface IngestResult {
  stored: number;
  duplicates: number;
  opened: number;
  cleared: number;
}

const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * Ingests a batch of readings (MQTT or HTTPS) in ONE transaction with one statement per table: validates
 * every reading (active device, finite value, not more than 5 min ahead) and refuses the batch naming each
 * bad one; stores them idempotently (a repeated (device, at), e.g. a QoS 1 redelivery, is ignored and
 * counted as a duplicate); updates minute and hour roll-ups with the new readings only; evaluates the rules
 * against each device's stored state and opens, extends or clears alerts. Devices are locked in id order,
 * so concurrent batches for the same device evaluate one after the other.
 */
export async function ingestReadings(db: Db, readings: readonly IncomingReading[], now: Date = new Date()): Promise<IngestResult> {
  if (readings.length === 0) return { stored: 0, duplicates: 0, opened: 0, cleared: 0 };
  return db.transaction().execute(async (trx) => {
    const ids = [...new Set(readings.map((r) => r.deviceId))].sort();
    const devices = await trx.selectFrom('monitoringDevices').select(['id', 'enterpriseId', 'jurisdictionCode', 'kind', 'boundary', 'ruleSetId', 'state', 'status']).where('id', 'in', ids).orderBy('id').forUpdate().execute();
    const byId = new Map(devices.filter((d) => d.status === 'active').map((d) => [d.id, d]));
    const details = readings.flatMap((r, i) => [
      ...(!byId.has(r.deviceId) ? [{ path: `readings.${i}.deviceId`, message: 'field.monitoring_device_unknown' }] : []),
      ...(!Number.isFinite(r.value) ? [{ path: `readings.${i}.value`, message: 'field.monitoring_number' }] : []),
      ...(Number.isNaN(r.at.getTime()) ? [{ path: `readings.${i}.at`, message: 'field.required' }] : r.at.getTime() - now.getTime() > FUTURE_TOLERANCE_MS ? [{ path: `readings.${i}.at`, message: 'field.monitoring_reading_future' }] : []),
    ]);
    if (details.length) throw invalidRequest(details.slice(0, 100));

    const stored = await storeReadings(trx, readings);

    const rules = await loadRuleSets(trx, [...new Set([...byId.values()].map((d) => d.ruleSetId))]);
    const perDevice = new Map<string, Reading[]>();
    // Every reading of the batch goes to the evaluator: it ignores those at or before a device's last reading,
    // which is exactly what a repeat is (the state is saved in this transaction with the readings).
    for (const r of [...readings].sort((a, b) => a.at.getTime() - b.at.getTime())) {
      const list = perDevice.get(r.deviceId) ?? [];
      list.push({ at: r.at, value: r.value });
      perDevice.set(r.deviceId, list);
    }
    const touches: AlertTouch[] = [];
    const cleared: { deviceId: string; kind: RuleKind; at: Date }[] = [];
    const states: { id: string; state: DeviceState }[] = [];
    for (const [deviceId, list] of perDevice) {
      const device = byId.get(deviceId)!;
      const ruleSet = rules.get(device.ruleSetId)!;
      const key = limitKeyOf(device.kind, device.boundary);
      const limit = key ? (ruleSet.data.limits[key] ?? null) : null;
      const previous = parseDeviceState(device.state);
      const result = evaluateReadings(ruleSet.data, limit, previous, list);
      if (result.state.lastAt === previous.lastAt) continue; // only repeats or late readings: nothing changed
      states.push({ id: deviceId, state: result.state });
      const scope = { deviceId, enterpriseId: device.enterpriseId, jurisdictionCode: device.jurisdictionCode };
      const touched = new Set<RuleKind>();
      // A condition that opened, cleared and opened again within the batch is ONE touch of its alert (the first opening).
      for (const o of result.opened) {
        if (touched.has(o.kind)) continue;
        const ext = result.extended.find((e) => e.kind === o.kind);
        touches.push({ ...scope, kind: o.kind, grade: gradeFor(ruleSet.data, o.kind).grade, openedAt: o.at, firstReadingAt: o.firstReadingAt, lastReadingAt: ext?.lastReadingAt ?? o.at, readings: ext?.readings ?? 0 });
        touched.add(o.kind);
      }
      for (const e of result.extended) {
        if (touched.has(e.kind)) continue;
        touches.push({ ...scope, kind: e.kind, grade: gradeFor(ruleSet.data, e.kind).grade, openedAt: e.lastReadingAt, firstReadingAt: null, lastReadingAt: e.lastReadingAt, readings: e.readings });
      }
      // Only the batch's final word counts: a condition that ended and came back stays active.
      for (const c of result.cleared) if (!result.state.open.includes(c.kind)) cleared.push({ deviceId, kind: c.kind, at: c.at });
    }
    const opened = await upsertAlerts(trx, touches);
    const clearedCount = await clearAlerts(trx, lastPer(cleared));
    await saveStates(trx, states);
    return { stored, duplicates: readings.length - stored, opened, cleared: clearedCount };
  });
}

/**
 * Inserts the readings, ignoring repeats (also within the batch), and adds the NEW ones to the minute and hour
 * roll-ups, in one statement (the rows never travel back); returns how many were new.
 */
async function storeReadings(trx: Trx, readings: readonly IncomingReading[]): Promise<number> {
  const result = await sql<{ stored: number }>`
    WITH fresh AS (
      INSERT INTO monitoring_readings (device_id, at, value)
      SELECT * FROM unnest(${sql.val(readings.map((r) => r.deviceId))}::uuid[], ${sql.val(readings.map((r) => r.at.toISOString()))}::timestamptz[], ${sql.val(readings.map((r) => r.value))}::float8[])
      ON CONFLICT DO NOTHING
      RETURNING device_id, at, value
    ), g AS (
      SELECT device_id, 'minute' AS grain, date_trunc('minute', at, 'UTC') AS bucket, min(value) AS min, max(value) AS max, sum(value) AS sum, count(*)::int AS count FROM fresh GROUP BY 1, 3
      UNION ALL
      SELECT device_id, 'hour', date_trunc('hour', at, 'UTC'), min(value), max(value), sum(value), count(*)::int FROM fresh GROUP BY 1, 3
    ), rolled AS (
      INSERT INTO monitoring_rollups (device_id, grain, bucket, min, max, sum, count)
      SELECT device_id, grain, bucket, min, max, sum, count FROM g
      ON CONFLICT (device_id, grain, bucket) DO UPDATE SET
        min = least(monitoring_rollups.min, excluded.min), max = greatest(monitoring_rollups.max, excluded.max),
        sum = monitoring_rollups.sum + excluded.sum, count = monitoring_rollups.count + excluded.count
    )
    SELECT count(*)::int AS stored FROM fresh`.execute(trx);
  return result.rows[0]?.stored ?? 0;
}

/** Saves the evaluator states and last-seen times, in one statement. */
export async function saveStates(trx: Trx, states: readonly { id: string; state: DeviceState }[]): Promise<void> {
  if (states.length === 0) return;
  await sql`
    UPDATE monitoring_devices d SET state = s.state, last_seen_at = greatest(d.last_seen_at, (s.state->>'lastAt')::timestamptz), updated_at = now()
    FROM unnest(${sql.val(states.map((s) => s.id))}::uuid[], ${sql.val(states.map((s) => JSON.stringify(s.state)))}::jsonb[]) AS s(id, state)
    WHERE d.id = s.id`.execute(trx);
}

function lastPer<T extends { deviceId: string; kind: RuleKind }>(items: readonly T[]): T[] {
  return [...new Map(items.map((i) => [`${i.deviceId}|${i.kind}`, i])).values()];
}
