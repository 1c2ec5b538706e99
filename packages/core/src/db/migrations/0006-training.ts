import type { Kysely } from 'kysely';
import { runDdl } from './run-ddl.ts';

/**
 * Training and spot-check exams (培训考核、抽查考核): the training hours of an enterprise's food-safety
 * managers (the registry's `people`), the bureau's exam sessions, the managers examined (candidates) and
 * their timed attempts. Questions live in the versioned question bank (domain), so an attempt stores only
 * the ids it drew, in the order drawn.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(
    db,
    `
    CREATE TABLE training_records (
      id uuid PRIMARY KEY,
      person_id uuid NOT NULL REFERENCES people(id),
      enterprise_id uuid NOT NULL REFERENCES enterprises(id),
      jurisdiction_code text NOT NULL REFERENCES jurisdictions(code),
      course text NOT NULL,
      provider text,
      hours double precision NOT NULL CHECK (hours > 0 AND hours <= 100),
      attended_on date NOT NULL,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX training_records_person_idx ON training_records (person_id, attended_on);
    CREATE INDEX training_records_enterprise_idx ON training_records (enterprise_id, attended_on DESC);
    CREATE INDEX training_records_jurisdiction_idx ON training_records (jurisdiction_code text_pattern_ops, attended_on);

    CREATE TABLE exam_sessions (
      id uuid PRIMARY KEY,
      number text NOT NULL UNIQUE,
      title text NOT NULL,
      jurisdiction_code text NOT NULL REFERENCES jurisdictions(code),
      question_bank_version text NOT NULL,
      question_count integer NOT NULL CHECK (question_count BETWEEN 1 AND 100),
      time_limit_minutes integer NOT NULL CHECK (time_limit_minutes BETWEEN 1 AND 600),
      pass_mark integer NOT NULL CHECK (pass_mark BETWEEN 1 AND 100),
      max_attempts integer NOT NULL CHECK (max_attempts BETWEEN 1 AND 10),
      draw_percent integer,
      closes_at timestamptz NOT NULL,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX exam_sessions_jurisdiction_idx ON exam_sessions (jurisdiction_code text_pattern_ops, created_at DESC);

    CREATE TABLE exam_candidates (
      id uuid PRIMARY KEY,
      session_id uuid NOT NULL REFERENCES exam_sessions(id),
      person_id uuid NOT NULL REFERENCES people(id),
      enterprise_id uuid NOT NULL REFERENCES enterprises(id),
      jurisdiction_code text NOT NULL REFERENCES jurisdictions(code),
      UNIQUE (session_id, person_id)
    );
    CREATE INDEX exam_candidates_enterprise_idx ON exam_candidates (enterprise_id);
    CREATE INDEX exam_candidates_jurisdiction_idx ON exam_candidates (jurisdiction_code text_pattern_ops);

    CREATE TABLE exam_attempts (
      id uuid PRIMARY KEY,
      candidate_id uuid NOT NULL REFERENCES exam_candidates(id),
      session_id uuid NOT NULL REFERENCES exam_sessions(id),
      enterprise_id uuid NOT NULL REFERENCES enterprises(id),
      jurisdiction_code text NOT NULL REFERENCES jurisdictions(code),
      attempt_no integer NOT NULL CHECK (attempt_no >= 1),
      question_ids text[] NOT NULL,
      started_at timestamptz NOT NULL,
      deadline_at timestamptz NOT NULL,
      answers jsonb,
      submitted_at timestamptz,
      correct integer,
      score integer CHECK (score BETWEEN 0 AND 100),
      passed boolean,
      taken_by uuid,
      UNIQUE (candidate_id, attempt_no),
      CHECK (deadline_at > started_at)
    );
    CREATE INDEX exam_attempts_session_idx ON exam_attempts (session_id);
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, `DROP TABLE exam_attempts, exam_candidates, exam_sessions, training_records`);
}
