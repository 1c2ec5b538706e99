import { evaluateSilence, gradeFor, parseDeviceState, type DeviceState } from '@shian/domain';
import type { Db } from '../db/connect.ts';
import { upsertAlerts, type AlertTouch } from './alert-upsert.ts';
import { saveStates } from './ingest-readings.ts';
import { loadRuleSets } from './rule-set-service.ts';

/** No rule set may call a device silent sooner than this; devices heard from more recently are not looked at. */
const SHORTEST_SILENCE_SECONDS = 60;

/**
 * The silence check (run every minute by the platform's silence timer): opens `silent` (sensors) or
 * `camera_offline` (cameras) for active devices with no reading for longer than their rule allows, counting
 * from registration for a device never heard from. Only candidates are read (not heard from for a minute),
 * and a device whose readings are being stored right now is skipped (`SKIP LOCKED`): it is not silent.
 * One transaction; returns how many alerts opened.
 */
export async function checkSilentDevices(db: Db, now: Date = new Date()): Promise<{ opened: number }> {
  return db.transaction().execute(async (trx) => {
    const heardAfter = new Date(now.getTime() - SHORTEST_SILENCE_SECONDS * 1000);
    const devices = await trx
      .selectFrom('monitoringDevices')
      .select(['id', 'enterpriseId', 'jurisdictionCode', 'kind', 'ruleSetId', 'state', 'createdAt'])
      .where('status', '=', 'active')
      .where((eb) => eb.or([eb('lastSeenAt', 'is', null), eb('lastSeenAt', '<', heardAfter)]))
      .orderBy('id')
      .forUpdate()
      .skipLocked()
      .execute();
    const rules = await loadRuleSets(trx, [...new Set(devices.map((d) => d.ruleSetId))]);
    const touches: AlertTouch[] = [];
    const states: { id: string; state: DeviceState }[] = [];
    for (const device of devices) {
      const ruleSet = rules.get(device.ruleSetId);
      if (!ruleSet) continue;
      const result = evaluateSilence(ruleSet.data, device.kind === 'camera', parseDeviceState(device.state), now, new Date(device.createdAt));
      for (const o of result.opened) {
        touches.push({ deviceId: device.id, enterpriseId: device.enterpriseId, jurisdictionCode: device.jurisdictionCode, kind: o.kind, grade: gradeFor(ruleSet.data, o.kind).grade, openedAt: o.at, firstReadingAt: o.firstReadingAt, lastReadingAt: o.firstReadingAt, readings: 0 });
        states.push({ id: device.id, state: result.state });
      }
    }
    const opened = await upsertAlerts(trx, touches);
    await saveStates(trx, states);
    return { opened };
  });
}

