import type { Kysely } from 'kysely';
import { runDdl } from './run-ddl.ts';

/**
 * Traceability (追溯, 一物一码): per-enterprise API keys for machine access, GLNs on premises, serial codes
 * issued in batches (one GS1 Digital Link per item), their scans and copy alerts, GS1 EPCIS 2.0 capture jobs
 * and events, recalls (召回) and the notices they send downstream.
 *
 * `epcis_events` is partitioned by record time (one partition a month, made ahead by the maintenance job;
 * the default partition catches anything else): ~10⁹ events a year are only manageable if old months can be
 * detached and archived whole. Every high-volume table carries its distribution key (`gtin`, or the
 * enterprise) in its primary key, so it can later be distributed (docs/scaling.md).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(
    db,
    `
    ALTER TABLE premises ADD COLUMN gln text UNIQUE CHECK (gln ~ '^[0-9]{13}$');

    CREATE TABLE api_keys (
      id uuid PRIMARY KEY,
      enterprise_id uuid NOT NULL REFERENCES enterprises(id),
      jurisdiction_code text NOT NULL REFERENCES jurisdictions(code),
      name text NOT NULL,
      prefix text NOT NULL,
      key_hash text NOT NULL UNIQUE,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    );
    CREATE INDEX api_keys_enterprise_idx ON api_keys (enterprise_id);

    CREATE TABLE trace_code_batches (
      id uuid PRIMARY KEY,
      number text NOT NULL UNIQUE,
      enterprise_id uuid NOT NULL REFERENCES enterprises(id),
      product_id uuid NOT NULL REFERENCES products(id),
      jurisdiction_code text NOT NULL REFERENCES jurisdictions(code),
      gtin text NOT NULL CHECK (gtin ~ '^[0-9]{14}$'),
      lot text NOT NULL,
      production_date date NOT NULL,
      expiry_date date NOT NULL,
      quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 10000000),
      issued integer NOT NULL DEFAULT 0,
      status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'issuing', 'issued', 'failed')),
      job_id bigint,
      requested_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz,
      CHECK (expiry_date >= production_date)
    );
    CREATE INDEX trace_code_batches_enterprise_idx ON trace_code_batches (enterprise_id, created_at DESC);
    CREATE INDEX trace_code_batches_lot_idx ON trace_code_batches (gtin, lot);
    CREATE INDEX trace_code_batches_jurisdiction_idx ON trace_code_batches (jurisdiction_code text_pattern_ops);

    -- One row per item code (10⁸ a year): narrow on purpose; who and where come from the batch.
    CREATE TABLE trace_codes (
      gtin text NOT NULL,
      serial text NOT NULL,
      batch_id uuid NOT NULL REFERENCES trace_code_batches(id),
      seq integer NOT NULL,
      scan_count integer NOT NULL DEFAULT 0,
      first_scanned_at timestamptz,
      last_scanned_at timestamptz,
      PRIMARY KEY (gtin, serial)
    );
    CREATE INDEX trace_codes_batch_idx ON trace_codes (batch_id, seq);

    CREATE TABLE trace_scans (
      gtin text NOT NULL,
      serial text NOT NULL,
      scanned_at timestamptz NOT NULL,
      client text NOT NULL,
      region text,
      PRIMARY KEY (gtin, serial, scanned_at, client)
    );

    CREATE TABLE trace_alerts (
      id uuid PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('possible_copy', 'unknown_code')),
      gtin text NOT NULL,
      serial text,
      lot text,
      batch_id uuid REFERENCES trace_code_batches(id),
      enterprise_id uuid REFERENCES enterprises(id),
      jurisdiction_code text NOT NULL REFERENCES jurisdictions(code),
      reason jsonb NOT NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
      created_at timestamptz NOT NULL DEFAULT now(),
      closed_at timestamptz,
      closed_by uuid
    );
    CREATE UNIQUE INDEX trace_alerts_open_idx ON trace_alerts (kind, gtin, coalesce(serial, '')) WHERE status = 'open';
    CREATE INDEX trace_alerts_jurisdiction_idx ON trace_alerts (jurisdiction_code text_pattern_ops, created_at DESC);

    CREATE TABLE epcis_captures (
      id uuid PRIMARY KEY,
      enterprise_id uuid REFERENCES enterprises(id),
      jurisdiction_code text NOT NULL REFERENCES jurisdictions(code),
      api_key_id uuid REFERENCES api_keys(id),
      user_id uuid,
      error_behaviour text NOT NULL CHECK (error_behaviour IN ('rollback', 'proceed')),
      document text NOT NULL,
      document_sha256 text NOT NULL,
      event_count integer NOT NULL,
      captured_count integer NOT NULL DEFAULT 0,
      status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
      errors jsonb NOT NULL DEFAULT '[]',
      job_id bigint,
      created_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz
    );
    CREATE INDEX epcis_captures_enterprise_idx ON epcis_captures (enterprise_id, created_at DESC);

    -- Events as captured (doc), with the columns the standard queries and the trace filter on. Identifiers
    -- are in canonical GS1 Digital Link form (https://id.gs1.org/…); any_epcs / any_classes gather every
    -- role (epcList, parentID, childEPCs, inputs, outputs) for the GIN indexes, the per-role arrays recheck.
    CREATE TABLE epcis_events (
      id bigint GENERATED ALWAYS AS IDENTITY,
      record_time timestamptz NOT NULL,
      event_time timestamptz NOT NULL,
      event_time_zone_offset text NOT NULL,
      event_id text NOT NULL,
      event_type text NOT NULL CHECK (event_type IN ('ObjectEvent', 'AggregationEvent', 'TransactionEvent', 'TransformationEvent', 'AssociationEvent')),
      action text CHECK (action IN ('ADD', 'OBSERVE', 'DELETE')),
      biz_step text,
      disposition text,
      read_point text,
      biz_location text,
      transformation_id text,
      error_reason text,
      persistent_set text[] NOT NULL DEFAULT '{}',
      persistent_unset text[] NOT NULL DEFAULT '{}',
      epc_list text[] NOT NULL DEFAULT '{}',
      parent_id text,
      child_epcs text[] NOT NULL DEFAULT '{}',
      input_epcs text[] NOT NULL DEFAULT '{}',
      output_epcs text[] NOT NULL DEFAULT '{}',
      any_epcs text[] NOT NULL DEFAULT '{}',
      any_classes text[] NOT NULL DEFAULT '{}',
      destinations text[] NOT NULL DEFAULT '{}',
      enterprise_id uuid,
      jurisdiction_code text NOT NULL,
      capture_id uuid NOT NULL,
      doc jsonb NOT NULL,
      PRIMARY KEY (id, record_time)
    ) PARTITION BY RANGE (record_time);
    CREATE TABLE epcis_events_default PARTITION OF epcis_events DEFAULT;
    CREATE INDEX epcis_events_event_id_idx ON epcis_events (event_id);
    CREATE INDEX epcis_events_time_idx ON epcis_events (event_time, id);
    CREATE INDEX epcis_events_record_idx ON epcis_events (record_time, id);
    CREATE INDEX epcis_events_enterprise_idx ON epcis_events (enterprise_id, record_time, id);
    CREATE INDEX epcis_events_jurisdiction_idx ON epcis_events (jurisdiction_code text_pattern_ops, record_time);
    CREATE INDEX epcis_events_epcs_idx ON epcis_events USING gin (any_epcs);
    CREATE INDEX epcis_events_classes_idx ON epcis_events USING gin (any_classes);
    -- Shipments addressed to an enterprise (its party or a premises location): the receiver's inbound list.
    CREATE INDEX epcis_events_shipped_to_idx ON epcis_events USING gin (destinations) WHERE biz_step = 'shipping';
    -- The public scan page (扫码查询): a lot's release inspections (出厂检验) without reading every event of the
    -- lot, and whether an event was retracted by an error declaration, both from small partial indexes.
    CREATE INDEX epcis_events_inspecting_idx ON epcis_events USING gin (any_classes) WHERE biz_step = 'inspecting';
    CREATE INDEX epcis_events_retracted_idx ON epcis_events (event_id) WHERE error_reason IS NOT NULL;

    CREATE TABLE recalls (
      id uuid PRIMARY KEY,
      number text NOT NULL UNIQUE,
      enterprise_id uuid NOT NULL REFERENCES enterprises(id),
      product_id uuid REFERENCES products(id),
      jurisdiction_code text NOT NULL REFERENCES jurisdictions(code),
      gtin text NOT NULL CHECK (gtin ~ '^[0-9]{14}$'),
      lot text,
      serials text[] NOT NULL DEFAULT '{}',
      level text NOT NULL CHECK (level IN ('1', '2', '3')),
      reason text NOT NULL,
      initiator text NOT NULL CHECK (initiator IN ('regulator', 'maker')),
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
      trace jsonb,
      trace_job_id bigint,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      closed_at timestamptz,
      version integer NOT NULL DEFAULT 1,
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (lot IS NOT NULL OR cardinality(serials) > 0)
    );
    CREATE INDEX recalls_lot_idx ON recalls (gtin, lot) WHERE status = 'open';
    CREATE INDEX recalls_serials_idx ON recalls USING gin (serials) WHERE status = 'open';
    CREATE INDEX recalls_jurisdiction_idx ON recalls (jurisdiction_code text_pattern_ops, created_at DESC);

    CREATE TABLE recall_notices (
      id uuid PRIMARY KEY,
      recall_id uuid NOT NULL REFERENCES recalls(id),
      enterprise_id uuid NOT NULL REFERENCES enterprises(id),
      jurisdiction_code text NOT NULL REFERENCES jurisdictions(code),
      locations text[] NOT NULL DEFAULT '{}',
      quantity numeric NOT NULL,
      uom text,
      acknowledged_at timestamptz,
      acknowledged_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (recall_id, enterprise_id)
    );
    CREATE INDEX recall_notices_enterprise_idx ON recall_notices (enterprise_id) WHERE acknowledged_at IS NULL
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runDdl(
    db,
    `DROP TABLE recall_notices, recalls, epcis_events, epcis_captures, trace_alerts, trace_scans, trace_codes,
      trace_code_batches, api_keys;
    ALTER TABLE premises DROP COLUMN gln`,
  );
}
