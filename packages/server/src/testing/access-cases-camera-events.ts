import { SYSTEM_ACTOR } from '@shian/domain';
import { receiveCameraEvent, registerDevice, type Db } from '@shian/core';
import { ENTERPRISE_KEYS, recordTarget, refused, type AccessCase, type CaseInput, type Target } from './access-cases.ts';

/**
 * Access cases of the AI camera events (AI 视频识别事件). The webhook takes only a camera's own credential
 * (`Authorization: Device …`, tested in routes/monitoring): a session, whoever's, is not one (401). The events
 * and their snapshots are read with `monitoring.read`, narrowed to scope; an event of A, B or C out of scope is
 * a 404. Each enterprise gets one camera with one event (with a snapshot), made lazily as the platform.
 */
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);

const events = new WeakMap<Db, Map<string, string>>();
async function eventOf(db: Db, enterpriseId: string): Promise<string> {
  const made = events.get(db) ?? new Map<string, string>();
  events.set(db, made);
  const known = made.get(enterpriseId);
  if (known) return known;
  const camera = await registerDevice({ db, actor: SYSTEM_ACTOR }, enterpriseId, { kind: 'camera', code: 'MATRIX-C', area: '矩阵测试', cleanClass: 'non_clean', ruleSetId: 'gmp-clean-area/1' });
  const { event } = await receiveCameraEvent(db, camera, { eventId: 'matrix-1', kind: 'no_mask', occurredAt: new Date(), snapshot: { contentType: 'image/jpeg', bytes: JPEG } });
  made.set(enterpriseId, event.id);
  return event.id;
}

/** The enterprise's matrix camera event, as a target (its jurisdiction and enterprise). */
const theEvent = async ({ f, on }: CaseInput): Promise<Target> => recordTarget(f.db, 'monitoringCameraEvents', await eventOf(f.db, f.at(on).enterprise.id));

let sequence = 0;
export const CAMERA_EVENT_CASES: AccessCase[] = [
  {
    endpoint: 'POST /api/v1/monitoring/camera-events',
    needs: 'signed-in',
    rule: () => refused(401, 'auth.unauthenticated'),
    request: () => ({ payload: { eventId: `matrix-session-${(sequence += 1)}`, kind: 'smoking', occurredAt: new Date().toISOString() } }),
  },
  // The list: the grant decides; the rows are narrowed to scope by the query.
  { endpoint: 'GET /api/v1/monitoring/camera-events', needs: 'monitoring.read' },
  // A snapshot of A, B or C: the grant is asserted before the event is looked for.
  { endpoint: 'GET /api/v1/monitoring/camera-events/{id}/snapshot', needs: 'monitoring.read', grantFirst: true, on: ENTERPRISE_KEYS, target: theEvent },
];
