import type { Kysely } from 'kysely';
import { runDdl } from './run-ddl.ts';

/**
 * Risk-based inspection: the job queue, statutory clocks (the deadline engine's state), risk profiles and
 * grades (风险分级), recusals (回避), annual plans, random draws (双随机), inspections with their offline
 * submissions, findings, rectification orders and case leads. Every scoped table carries
 * `jurisdiction_code` (and `enterprise_id`), which is what `access/scope.ts` filters on.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(
    db,
    `
    CREATE TABLE counters (
      name text PRIMARY KEY,
      value bigint NOT NULL
    );

    CREATE TABLE jobs (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      kind text NOT NULL,
      payload jsonb NOT NULL DEFAULT '{}',
      status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
      dedupe_key text UNIQUE,
      run_after timestamptz NOT NULL DEFAULT now(),
      attempts integer NOT NULL DEFAULT 0,
      max_attempts integer NOT NULL DEFAULT 3,
      locked_until timestamptz,
      last_error text,
      result jsonb,
      requested_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz
    );
    CREATE INDEX jobs_ready_idx ON jobs (run_after, id) WHERE status IN ('queued', 'running');

    CREATE TABLE clocks (
      id uuid PRIMARY KEY,
      rule_id text NOT NULL,
      subject_type text NOT NULL,
      subject_id uuid NOT NULL,
      enterprise_id uuid REFERENCES enterprises(id),
      jurisdiction_code text NOT NULL REFERENCES jurisdictions(code),
      owner text NOT NULL CHECK (owner IN ('regulator', 'enterprise')),
      assignee_ids uuid[] NOT NULL DEFAULT '{}',
      label text NOT NULL,
      length integer NOT NULL,
      events jsonb NOT NULL,
      started_on date NOT NULL,
      due_on date,
      met_on date,
      state text NOT NULL CHECK (state IN ('running', 'paused', 'met')),
      escalated_at timestamptz,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (subject_type, subject_id, rule_id)
    );
    CREATE INDEX clocks_open_idx ON clocks (jurisdiction_code text_pattern_ops, due_on) WHERE state <> 'met';
    CREATE INDEX clocks_assignee_idx ON clocks USING gin (assignee_ids) WITH (fastupdate = off);
    CREATE INDEX clocks_enterprise_idx ON clocks (enterprise_id, due_on) WHERE state <> 'met';

    CREATE TABLE risk_profiles (
      enterprise_id uuid PRIMARY KEY REFERENCES enterprises(id),
      jurisdiction_code text NOT NULL REFERENCES jurisdictions(code),
      sector text NOT NULL CHECK (sector IN ('production', 'sales')),
      facts jsonb NOT NULL,
      credit_class text CHECK (credit_class IN ('A', 'B', 'C', 'D')),
      current_grade text CHECK (current_grade IN ('A', 'B', 'C', 'D')),
      consecutive_compliant_years integer NOT NULL DEFAULT 0,
      version integer NOT NULL DEFAULT 1,
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX risk_profiles_jurisdiction_idx ON risk_profiles (jurisdiction_code text_pattern_ops, current_grade);

    CREATE TABLE risk_triggers (
      id uuid PRIMARY KEY,
      enterprise_id uuid NOT NULL REFERENCES enterprises(id),
      jurisdiction_code text NOT NULL REFERENCES jurisdictions(code),
      kind text NOT NULL,
      occurred_on date NOT NULL,
      note text NOT NULL,
      source text NOT NULL CHECK (source IN ('manual', 'sampling', 'case', 'inspection')),
      source_ref text,
      recorded_by uuid REFERENCES users(id),
      withdrawn_at timestamptz,
      withdrawn_reason text,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX risk_triggers_enterprise_idx ON risk_triggers (enterprise_id, occurred_on);

    CREATE TABLE risk_grades (
      id uuid PRIMARY KEY,
      enterprise_id uuid NOT NULL REFERENCES enterprises(id),
      jurisdiction_code text NOT NULL REFERENCES jurisdictions(code),
      year integer NOT NULL,
      rule_set_id text NOT NULL,
      static_score double precision NOT NULL,
      dynamic_score double precision NOT NULL,
      total_score double precision NOT NULL,
      score_grade text NOT NULL CHECK (score_grade IN ('A', 'B', 'C', 'D')),
      computed_grade text NOT NULL CHECK (computed_grade IN ('A', 'B', 'C', 'D')),
      grade text NOT NULL CHECK (grade IN ('A', 'B', 'C', 'D')),
      previous_grade text CHECK (previous_grade IN ('A', 'B', 'C', 'D')),
      movement text NOT NULL CHECK (movement IN ('up', 'keep', 'down')),
      explanation jsonb NOT NULL,
      origin text NOT NULL CHECK (origin IN ('regrade', 'override')),
      override_reason text,
      job_id bigint,
      is_current boolean NOT NULL DEFAULT true,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((origin = 'override') = (override_reason IS NOT NULL))
    );
    CREATE UNIQUE INDEX risk_grades_current_idx ON risk_grades (enterprise_id) WHERE is_current;
    CREATE INDEX risk_grades_history_idx ON risk_grades (enterprise_id, created_at);

    CREATE TABLE recusals (
      id uuid PRIMARY KEY,
      inspector_id uuid NOT NULL REFERENCES users(id),
      enterprise_id uuid NOT NULL REFERENCES enterprises(id),
      jurisdiction_code text NOT NULL REFERENCES jurisdictions(code),
      reason text NOT NULL,
      declared_on date NOT NULL,
      withdrawn_at timestamptz,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX recusals_active_idx ON recusals (inspector_id, enterprise_id) WHERE withdrawn_at IS NULL;
    CREATE INDEX recusals_enterprise_idx ON recusals (enterprise_id);

    CREATE TABLE inspection_plans (
      id uuid PRIMARY KEY,
      jurisdiction_code text NOT NULL REFERENCES jurisdictions(code),
      year integer NOT NULL,
      rule_set_id text NOT NULL,
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved')),
      summary jsonb NOT NULL,
      generated_by uuid,
      generated_at timestamptz NOT NULL DEFAULT now(),
      approved_by uuid,
      approved_at timestamptz,
      version integer NOT NULL DEFAULT 1,
      UNIQUE (jurisdiction_code, year)
    );

    CREATE TABLE inspection_plan_items (
      plan_id uuid NOT NULL REFERENCES inspection_plans(id) ON DELETE CASCADE,
      enterprise_id uuid NOT NULL REFERENCES enterprises(id),
      jurisdiction_code text NOT NULL,
      grade text,
      required integer NOT NULL,
      priority boolean NOT NULL,
      full_checklist_due boolean NOT NULL,
      months integer[] NOT NULL,
      reasons jsonb NOT NULL,
      PRIMARY KEY (plan_id, enterprise_id)
    );

    CREATE TABLE draws (
      id uuid PRIMARY KEY,
      number text NOT NULL UNIQUE,
      jurisdiction_code text NOT NULL REFERENCES jurisdictions(code),
      title text NOT NULL,
      filters jsonb NOT NULL,
      size jsonb NOT NULL,
      inspectors_per_target integer NOT NULL CHECK (inspectors_per_target >= 2),
      weighting jsonb NOT NULL,
      algorithm text NOT NULL,
      seed text NOT NULL,
      roster_digest text NOT NULL,
      inspector_roster_digest text NOT NULL,
      roster_size integer NOT NULL,
      picked_count integer NOT NULL,
      unstaffed_count integer NOT NULL,
      template_id text NOT NULL,
      scheduled_on date NOT NULL,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX draws_jurisdiction_idx ON draws (jurisdiction_code text_pattern_ops, created_at);

    CREATE TABLE draw_inputs (
      draw_id uuid PRIMARY KEY REFERENCES draws(id),
      targets jsonb NOT NULL,
      inspectors jsonb NOT NULL
    );

    CREATE TABLE draw_picks (
      draw_id uuid NOT NULL REFERENCES draws(id),
      position integer NOT NULL,
      enterprise_id uuid NOT NULL REFERENCES enterprises(id),
      inspector_ids uuid[] NOT NULL,
      inspection_id uuid,
      PRIMARY KEY (draw_id, position)
    );

    CREATE TABLE inspections (
      id uuid PRIMARY KEY,
      number text NOT NULL UNIQUE,
      enterprise_id uuid NOT NULL REFERENCES enterprises(id),
      jurisdiction_code text NOT NULL REFERENCES jurisdictions(code),
      kind text NOT NULL CHECK (kind IN ('routine', 'flight', 'system', 'follow_up')),
      origin text NOT NULL CHECK (origin IN ('plan', 'draw', 'follow_up', 'manual')),
      draw_id uuid REFERENCES draws(id),
      follow_up_of uuid REFERENCES inspections(id) DEFERRABLE INITIALLY DEFERRED,
      template_id text NOT NULL,
      scheduled_on date NOT NULL,
      inspector_ids uuid[] NOT NULL CHECK (cardinality(inspector_ids) >= 2),
      status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'in_progress', 'completed', 'published', 'cancelled')),
      answers jsonb NOT NULL DEFAULT '{}',
      signatures jsonb NOT NULL DEFAULT '{}',
      outcome text CHECK (outcome IN ('compliant', 'fixed_on_site', 'rectification', 'case_lead')),
      counts jsonb,
      inspected_on date,
      completed_at timestamptz,
      completed_by uuid,
      published_at timestamptz,
      published_by uuid,
      revision integer NOT NULL DEFAULT 0,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX inspections_jurisdiction_idx ON inspections (jurisdiction_code text_pattern_ops, scheduled_on);
    CREATE INDEX inspections_enterprise_idx ON inspections (enterprise_id, scheduled_on);
    CREATE INDEX inspections_inspectors_idx ON inspections USING gin (inspector_ids) WITH (fastupdate = off);
    CREATE INDEX inspections_published_idx ON inspections (published_at) WHERE status = 'published';

    CREATE TABLE inspection_photos (
      id uuid PRIMARY KEY,
      inspection_id uuid NOT NULL REFERENCES inspections(id),
      item_id text,
      content_type text NOT NULL,
      bytes bytea NOT NULL,
      sha256 text NOT NULL,
      taken_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX inspection_photos_inspection_idx ON inspection_photos (inspection_id);

    CREATE TABLE inspection_submissions (
      submission_id uuid PRIMARY KEY,
      inspection_id uuid NOT NULL REFERENCES inspections(id),
      user_id uuid,
      base_revision integer NOT NULL,
      result text NOT NULL CHECK (result IN ('applied', 'conflict')),
      revision integer NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX inspection_submissions_inspection_idx ON inspection_submissions (inspection_id);

    CREATE TABLE inspection_findings (
      id uuid PRIMARY KEY,
      inspection_id uuid NOT NULL REFERENCES inspections(id),
      enterprise_id uuid NOT NULL REFERENCES enterprises(id),
      jurisdiction_code text NOT NULL,
      item_id text NOT NULL,
      item_key text NOT NULL,
      severity text NOT NULL CHECK (severity IN ('general', 'key')),
      disposition text NOT NULL CHECK (disposition IN ('fixed_on_site', 'rectification', 'case_lead')),
      note text NOT NULL,
      earlier_failures integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX inspection_findings_enterprise_idx ON inspection_findings (enterprise_id, item_key);
    CREATE INDEX inspection_findings_inspection_idx ON inspection_findings (inspection_id);

    CREATE TABLE rectification_orders (
      id uuid PRIMARY KEY,
      number text NOT NULL UNIQUE,
      inspection_id uuid NOT NULL REFERENCES inspections(id),
      enterprise_id uuid NOT NULL REFERENCES enterprises(id),
      jurisdiction_code text NOT NULL REFERENCES jurisdictions(code),
      finding_ids uuid[] NOT NULL,
      due_on date NOT NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'verified', 'escalated')),
      response text,
      responded_at timestamptz,
      responded_by uuid,
      verification text CHECK (verification IN ('remote', 'follow_up')),
      follow_up_inspection_id uuid REFERENCES inspections(id),
      verified_at timestamptz,
      verified_by uuid,
      verification_note text,
      escalated_at timestamptz,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX rectification_orders_enterprise_idx ON rectification_orders (enterprise_id, status);
    CREATE INDEX rectification_orders_jurisdiction_idx ON rectification_orders (jurisdiction_code text_pattern_ops, due_on);

    CREATE TABLE rectification_evidence (
      id uuid PRIMARY KEY,
      order_id uuid NOT NULL REFERENCES rectification_orders(id),
      filename text NOT NULL,
      content_type text NOT NULL,
      bytes bytea NOT NULL,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX rectification_evidence_order_idx ON rectification_evidence (order_id);

    CREATE TABLE case_leads (
      id uuid PRIMARY KEY,
      number text NOT NULL UNIQUE,
      enterprise_id uuid NOT NULL REFERENCES enterprises(id),
      jurisdiction_code text NOT NULL REFERENCES jurisdictions(code),
      source text NOT NULL CHECK (source IN ('inspection')),
      inspection_id uuid REFERENCES inspections(id),
      finding_id uuid REFERENCES inspection_findings(id),
      summary text NOT NULL,
      legal_basis text NOT NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'taken', 'dismissed')),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX case_leads_jurisdiction_idx ON case_leads (jurisdiction_code text_pattern_ops, created_at);
    CREATE INDEX case_leads_enterprise_idx ON case_leads (enterprise_id)
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runDdl(
    db,
    `DROP TABLE case_leads, rectification_evidence, rectification_orders, inspection_findings, inspection_submissions,
      inspection_photos, inspections, draw_picks, draw_inputs, draws, inspection_plan_items, inspection_plans, recusals,
      risk_grades, risk_triggers, risk_profiles, clocks, jobs, counters`,
  );
}
