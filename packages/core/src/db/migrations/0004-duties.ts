import type { Kysely } from 'kysely';
import { runDdl } from './run-ddl.ts';

/**
 * Enterprise duties (主体责任, SAMR Order No. 60): the risk-control list (风险管控清单) of each enterprise and its
 * items, the daily checks (日管控, one record per enterprise and day, 零风险 included), the hazards (隐患) they
 * find, the weekly review reports (周排查) and the monthly meeting minutes (月调度). Appointments of directors
 * and officers are the registry's `people` rows. Every row carries the enterprise and its jurisdiction for scoping.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(
    db,
    `
    CREATE TABLE duty_lists (
      enterprise_id uuid PRIMARY KEY REFERENCES enterprises(id),
      jurisdiction_code text NOT NULL REFERENCES jurisdictions(code),
      template_id text NOT NULL,
      started_on date NOT NULL,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX duty_lists_jurisdiction_idx ON duty_lists (jurisdiction_code text_pattern_ops);

    CREATE TABLE duty_risk_items (
      id uuid PRIMARY KEY,
      enterprise_id uuid NOT NULL REFERENCES duty_lists(enterprise_id),
      jurisdiction_code text NOT NULL REFERENCES jurisdictions(code),
      template_key text,
      position integer NOT NULL,
      area text NOT NULL,
      hazard text NOT NULL,
      control text NOT NULL,
      frequency text NOT NULL CHECK (frequency IN ('daily', 'weekly', 'monthly')),
      retired_on date,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX duty_risk_items_enterprise_idx ON duty_risk_items (enterprise_id, position);

    CREATE TABLE duty_daily_checks (
      id uuid PRIMARY KEY,
      enterprise_id uuid NOT NULL REFERENCES duty_lists(enterprise_id),
      jurisdiction_code text NOT NULL REFERENCES jurisdictions(code),
      check_date date NOT NULL,
      outcome text NOT NULL CHECK (outcome IN ('no_problem', 'problems')),
      note text,
      checked_by uuid,
      checked_by_name text NOT NULL,
      amendments integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (enterprise_id, check_date)
    );
    CREATE INDEX duty_daily_checks_jurisdiction_idx ON duty_daily_checks (jurisdiction_code text_pattern_ops, check_date);

    CREATE TABLE duty_hazards (
      id uuid PRIMARY KEY,
      enterprise_id uuid NOT NULL REFERENCES duty_lists(enterprise_id),
      jurisdiction_code text NOT NULL REFERENCES jurisdictions(code),
      daily_check_id uuid NOT NULL REFERENCES duty_daily_checks(id),
      risk_item_id uuid REFERENCES duty_risk_items(id),
      found_on date NOT NULL,
      description text NOT NULL,
      owner_name text NOT NULL,
      due_on date NOT NULL CHECK (due_on >= found_on),
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'fixed')),
      fix_note text,
      fixed_on date,
      fixed_by uuid,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((status = 'fixed') = (fixed_on IS NOT NULL))
    );
    CREATE INDEX duty_hazards_enterprise_idx ON duty_hazards (enterprise_id, status, due_on);

    CREATE TABLE duty_weekly_reports (
      id uuid PRIMARY KEY,
      enterprise_id uuid NOT NULL REFERENCES duty_lists(enterprise_id),
      jurisdiction_code text NOT NULL REFERENCES jurisdictions(code),
      week text NOT NULL CHECK (week ~ '^[0-9]{4}-W[0-9]{2}$'),
      week_start date NOT NULL,
      summary text NOT NULL,
      hazards_found integer NOT NULL,
      hazards_fixed integer NOT NULL,
      signed_by_person_id uuid NOT NULL REFERENCES people(id),
      signed_by_name text NOT NULL,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (enterprise_id, week)
    );

    CREATE TABLE duty_monthly_minutes (
      id uuid PRIMARY KEY,
      enterprise_id uuid NOT NULL REFERENCES duty_lists(enterprise_id),
      jurisdiction_code text NOT NULL REFERENCES jurisdictions(code),
      month text NOT NULL CHECK (month ~ '^[0-9]{4}-[0-9]{2}$'),
      meeting_on date NOT NULL,
      attendees text[] NOT NULL,
      decisions text NOT NULL,
      next_focus text NOT NULL,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (enterprise_id, month)
    )
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, `DROP TABLE duty_monthly_minutes, duty_weekly_reports, duty_hazards, duty_daily_checks, duty_risk_items, duty_lists`);
}
