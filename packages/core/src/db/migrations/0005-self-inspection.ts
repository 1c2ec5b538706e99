import type { Kysely } from 'kysely';
import { runDdl } from './run-ddl.ts';

/**
 * Self-inspection (自查) of special-food producers: annual and ad-hoc reports (年度自查报告, 临时自查) answered
 * against a versioned checklist, their rectification items (整改项), and the QA release records (出厂放行记录)
 * of the quality authorised person (质量安全受权人), one decision per lot with corrections chained.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(
    db,
    `
    CREATE TABLE self_inspection_reports (
      id uuid PRIMARY KEY,
      number text NOT NULL UNIQUE,
      enterprise_id uuid NOT NULL REFERENCES enterprises(id),
      jurisdiction_code text NOT NULL REFERENCES jurisdictions(code),
      kind text NOT NULL CHECK (kind IN ('annual', 'ad_hoc')),
      year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      checklist_id text NOT NULL,
      title text NOT NULL,
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'acknowledged', 'returned')),
      submitted_at timestamptz,
      submitted_by uuid,
      reviewed_at timestamptz,
      reviewed_by uuid,
      review_comment text,
      created_by uuid,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX self_inspection_reports_annual_idx ON self_inspection_reports (enterprise_id, year) WHERE kind = 'annual';
    CREATE INDEX self_inspection_reports_enterprise_idx ON self_inspection_reports (enterprise_id, year DESC);
    CREATE INDEX self_inspection_reports_jurisdiction_idx ON self_inspection_reports (jurisdiction_code text_pattern_ops, year);

    CREATE TABLE self_inspection_answers (
      report_id uuid NOT NULL REFERENCES self_inspection_reports(id),
      item_key text NOT NULL,
      result text NOT NULL CHECK (result IN ('conformant', 'non_conformant', 'not_applicable')),
      note text NOT NULL DEFAULT '',
      rectification_owner text,
      rectification_due_on date,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (report_id, item_key)
    );

    CREATE TABLE self_inspection_rectifications (
      id uuid PRIMARY KEY,
      number text NOT NULL UNIQUE,
      report_id uuid NOT NULL REFERENCES self_inspection_reports(id),
      enterprise_id uuid NOT NULL REFERENCES enterprises(id),
      jurisdiction_code text NOT NULL REFERENCES jurisdictions(code),
      item_key text NOT NULL,
      finding text NOT NULL,
      owner_name text NOT NULL,
      due_on date NOT NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'verified')),
      evidence text,
      closed_at timestamptz,
      closed_by uuid,
      verified_at timestamptz,
      verified_by uuid,
      verification_note text,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (report_id, item_key)
    );
    CREATE INDEX self_inspection_rectifications_enterprise_idx ON self_inspection_rectifications (enterprise_id, status, due_on);
    CREATE INDEX self_inspection_rectifications_jurisdiction_idx ON self_inspection_rectifications (jurisdiction_code text_pattern_ops);

    CREATE TABLE qa_release_records (
      id uuid PRIMARY KEY,
      number text NOT NULL UNIQUE,
      enterprise_id uuid NOT NULL REFERENCES enterprises(id),
      jurisdiction_code text NOT NULL REFERENCES jurisdictions(code),
      product_id uuid NOT NULL REFERENCES products(id),
      gtins text[] NOT NULL,
      lot text NOT NULL,
      tests jsonb NOT NULL,
      decision text NOT NULL CHECK (decision IN ('release', 'reject')),
      person_id uuid NOT NULL REFERENCES people(id),
      person_name text NOT NULL,
      decided_at timestamptz NOT NULL,
      note text NOT NULL DEFAULT '',
      corrects_id uuid REFERENCES qa_release_records(id),
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX qa_release_records_original_idx ON qa_release_records (product_id, lot) WHERE corrects_id IS NULL;
    CREATE UNIQUE INDEX qa_release_records_corrects_idx ON qa_release_records (corrects_id) WHERE corrects_id IS NOT NULL;
    CREATE INDEX qa_release_records_lot_idx ON qa_release_records (lot, product_id);
    CREATE INDEX qa_release_records_gtins_idx ON qa_release_records USING gin (gtins);
    CREATE INDEX qa_release_records_enterprise_idx ON qa_release_records (enterprise_id, decided_at DESC);
    CREATE INDEX qa_release_records_jurisdiction_idx ON qa_release_records (jurisdiction_code text_pattern_ops)
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, `DROP TABLE qa_release_records, self_inspection_rectifications, self_inspection_answers, self_inspection_reports`);
}
