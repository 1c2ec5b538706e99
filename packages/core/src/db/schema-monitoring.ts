import type { ColumnType, Generated } from 'kysely';
import type { CameraEventKind, RuleKind } from '@shian/domain';
import type { DefaultTimestamp, Json, Timestamp } from './schema.ts';

/** The monitoring tables (migration 0008-monitoring): rule sets, devices, readings, roll-ups, alerts; camera events (0009). */

export interface MonitoringRuleSetsTable {
  id: string;
  version: number;
  parentId: string | null;
  /** The enterprise a site override belongs to; null for built-in sets. */
  enterpriseId: string | null;
  jurisdictionCode: string | null;
  name: Json;
  data: Json;
  source: string;
  createdBy: string | null;
  createdAt: DefaultTimestamp;
}

export interface MonitoringDevicesTable {
  id: string;
  enterpriseId: string;
  premisesId: string | null;
  jurisdictionCode: string;
  kind: 'temperature' | 'humidity' | 'pressure_differential' | 'camera';
  code: string;
  area: string;
  cleanClass: string;
  boundary: 'to_non_clean' | 'between_classes' | null;
  ruleSetId: string;
  /** For per-device MQTT credentials (set by the broker integration). */
  credentialHash: string | null;
  status: Generated<'active' | 'retired'>;
  lastSeenAt: Timestamp | null;
  /** The evaluator's state (`DeviceState` of @shian/domain). */
  state: ColumnType<unknown, string | undefined, string>;
  version: Generated<number>;
  createdAt: DefaultTimestamp;
  updatedAt: DefaultTimestamp;
}

export interface MonitoringReadingsTable {
  deviceId: string;
  at: Timestamp;
  value: number;
}

export interface MonitoringRollupsTable {
  deviceId: string;
  grain: 'minute' | 'hour';
  bucket: Timestamp;
  min: number;
  max: number;
  sum: number;
  count: number;
}

export interface MonitoringAlertsTable {
  id: string;
  deviceId: string;
  enterpriseId: string;
  jurisdictionCode: string;
  ruleKind: RuleKind;
  grade: 'immediate' | 'deadline' | 'routine';
  status: Generated<'open' | 'acknowledged' | 'sent' | 'verified' | 'closed'>;
  falsePositive: boolean | null;
  openedAt: Timestamp;
  firstReadingAt: Timestamp | null;
  lastReadingAt: Timestamp | null;
  readingCount: Generated<number>;
  /** When the condition ended (back in range, reading again); the alert stays for handling. */
  clearedAt: Timestamp | null;
  closedAt: Timestamp | null;
  note: string | null;
  version: Generated<number>;
  updatedAt: DefaultTimestamp;
}

/** A bytea column (Buffer in Node, Uint8Array in PGlite). */
type Bytes = ColumnType<Uint8Array, Uint8Array, Uint8Array>;

/** AI camera events (migration 0009-camera-events): one row per vendor event, its snapshot, its alert. */
export interface MonitoringCameraEventsTable {
  id: string;
  deviceId: string;
  enterpriseId: string;
  jurisdictionCode: string;
  kind: CameraEventKind;
  occurredAt: Timestamp;
  vendor: string | null;
  /** The vendor's id of the event; unique per device, so a retry is the same event. */
  vendorEventId: string;
  confidence: number | null;
  snapshot: Bytes | null;
  snapshotType: 'image/jpeg' | 'image/png' | null;
  alertId: string | null;
  receivedAt: DefaultTimestamp;
}
