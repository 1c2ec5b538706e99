import type { Kysely } from 'kysely';
import { runDdl } from './run-ddl.ts';

/**
 * Smart monitoring (智慧监管): rule sets (versioned, with source), devices per site, readings partitioned by
 * month (kept ≥ 2 years, 上海市食品安全条例 §34: there is no deletion job), minute and hour roll-ups, and
 * alerts with one open alert per (device, rule kind) enforced by a partial unique index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(
    db,
    `
    CREATE TABLE monitoring_rule_sets (
      id text PRIMARY KEY,
      version integer NOT NULL CHECK (version >= 1),
      parent_id text REFERENCES monitoring_rule_sets(id),
      enterprise_id uuid REFERENCES enterprises(id),
      jurisdiction_code text REFERENCES jurisdictions(code),
      name jsonb NOT NULL,
      data jsonb NOT NULL,
      source text NOT NULL,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE monitoring_devices (
      id uuid PRIMARY KEY,
      enterprise_id uuid NOT NULL REFERENCES enterprises(id),
      premises_id uuid REFERENCES premises(id),
      jurisdiction_code text NOT NULL REFERENCES jurisdictions(code),
      kind text NOT NULL CHECK (kind IN ('temperature', 'humidity', 'pressure_differential', 'camera')),
      code text NOT NULL,
      area text NOT NULL,
      clean_class text NOT NULL,
      boundary text CHECK (boundary IN ('to_non_clean', 'between_classes')),
      rule_set_id text NOT NULL REFERENCES monitoring_rule_sets(id),
      credential_hash text,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired')),
      last_seen_at timestamptz,
      state jsonb NOT NULL DEFAULT '{}',
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (enterprise_id, code)
    );
    CREATE INDEX monitoring_devices_jurisdiction_idx ON monitoring_devices (jurisdiction_code text_pattern_ops);
    CREATE INDEX monitoring_devices_last_seen_idx ON monitoring_devices (last_seen_at) WHERE status = 'active';

    CREATE TABLE monitoring_readings (
      device_id uuid NOT NULL,
      at timestamptz NOT NULL,
      value double precision NOT NULL,
      PRIMARY KEY (device_id, at)
    ) PARTITION BY RANGE (at);
    CREATE TABLE monitoring_readings_default PARTITION OF monitoring_readings DEFAULT;

    CREATE TABLE monitoring_rollups (
      device_id uuid NOT NULL,
      grain text NOT NULL CHECK (grain IN ('minute', 'hour')),
      bucket timestamptz NOT NULL,
      min double precision NOT NULL,
      max double precision NOT NULL,
      sum double precision NOT NULL,
      count integer NOT NULL,
      PRIMARY KEY (device_id, grain, bucket)
    );

    CREATE TABLE monitoring_alerts (
      id uuid PRIMARY KEY,
      device_id uuid NOT NULL REFERENCES monitoring_devices(id),
      enterprise_id uuid NOT NULL REFERENCES enterprises(id),
      jurisdiction_code text NOT NULL REFERENCES jurisdictions(code),
      rule_kind text NOT NULL,
      grade text NOT NULL CHECK (grade IN ('immediate', 'deadline', 'routine')),
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'sent', 'verified', 'closed')),
      false_positive boolean,
      opened_at timestamptz NOT NULL,
      first_reading_at timestamptz,
      last_reading_at timestamptz,
      reading_count integer NOT NULL DEFAULT 0,
      cleared_at timestamptz,
      closed_at timestamptz,
      note text,
      version integer NOT NULL DEFAULT 1,
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX monitoring_alerts_one_open_idx ON monitoring_alerts (device_id, rule_kind) WHERE status <> 'closed';
    CREATE INDEX monitoring_alerts_jurisdiction_idx ON monitoring_alerts (jurisdiction_code text_pattern_ops, status);
    CREATE INDEX monitoring_alerts_enterprise_idx ON monitoring_alerts (enterprise_id, status)
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, `DROP TABLE monitoring_alerts, monitoring_rollups, monitoring_readings, monitoring_devices, monitoring_rule_sets`);
}
