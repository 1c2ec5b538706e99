import type { Kysely } from 'kysely';
import { runDdl } from './run-ddl.ts';

/**
 * AI camera events (AI 视频识别事件): one row per vendor event with its snapshot (bytes in PostgreSQL, as the
 * inspection photos), the alert it opened or extended. UNIQUE (device, vendor event id) makes a vendor's
 * retry the same event. Kept with the readings (≥ 2 years, 上海市食品安全条例 §34): no deletion job.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(
    db,
    `
    CREATE TABLE monitoring_camera_events (
      id uuid PRIMARY KEY,
      device_id uuid NOT NULL REFERENCES monitoring_devices(id),
      enterprise_id uuid NOT NULL REFERENCES enterprises(id),
      jurisdiction_code text NOT NULL REFERENCES jurisdictions(code),
      kind text NOT NULL,
      occurred_at timestamptz NOT NULL,
      vendor text,
      vendor_event_id text NOT NULL,
      confidence real CHECK (confidence BETWEEN 0 AND 1),
      snapshot bytea,
      snapshot_type text CHECK (snapshot_type IN ('image/jpeg', 'image/png')),
      alert_id uuid REFERENCES monitoring_alerts(id),
      received_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (device_id, vendor_event_id),
      CHECK ((snapshot IS NULL) = (snapshot_type IS NULL))
    );
    CREATE INDEX monitoring_camera_events_alert_idx ON monitoring_camera_events (alert_id, occurred_at);
    CREATE INDEX monitoring_camera_events_device_idx ON monitoring_camera_events (device_id, occurred_at);
    CREATE INDEX monitoring_camera_events_jurisdiction_idx ON monitoring_camera_events (jurisdiction_code text_pattern_ops, occurred_at)
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, `DROP TABLE monitoring_camera_events`);
}
