import type { Kysely } from 'kysely';
import { runDdl } from './run-ddl.ts';

/**
 * The foundation: jurisdictions, users and sessions, the audit chain, and the registry (一企一档) of
 * enterprises, premises, licences, products and key people. Every scoped table carries `jurisdiction_code`
 * (and `enterprise_id` where it belongs to one), which is what `access/scope.ts` filters on.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(
    db,
    `
    CREATE TABLE jurisdictions (
      code text PRIMARY KEY,
      parent_code text REFERENCES jurisdictions(code),
      level text NOT NULL CHECK (level IN ('city', 'district', 'street')),
      name_zh text NOT NULL,
      name_en text NOT NULL
    );

    CREATE TABLE enterprises (
      id uuid PRIMARY KEY,
      uscc text NOT NULL UNIQUE,
      uscc_check_failed boolean NOT NULL DEFAULT false,
      needs_review boolean NOT NULL DEFAULT false,
      name text NOT NULL,
      legal_representative text NOT NULL,
      kinds text[] NOT NULL,
      jurisdiction_code text NOT NULL REFERENCES jurisdictions(code),
      address text NOT NULL,
      phone text,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'closed')),
      search_name text NOT NULL DEFAULT '',
      search_grams text[] NOT NULL DEFAULT '{}',
      search_keys text[] NOT NULL DEFAULT '{}',
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX enterprises_jurisdiction_idx ON enterprises (jurisdiction_code text_pattern_ops, name, id);
    CREATE INDEX enterprises_name_idx ON enterprises (name, id);
    -- GIN without the pending list (fastupdate): PGlite has no autovacuum to merge it, and an unmerged list
    -- is read in full by every search. Registry writes are few; reads are many.
    CREATE INDEX enterprises_grams_idx ON enterprises USING gin (search_grams) WITH (fastupdate = off);
    CREATE INDEX enterprises_keys_idx ON enterprises USING gin (search_keys) WITH (fastupdate = off);
    CREATE INDEX enterprises_kinds_idx ON enterprises USING gin (kinds) WITH (fastupdate = off);
    CREATE INDEX enterprises_uscc_prefix_idx ON enterprises (uscc text_pattern_ops);

    CREATE TABLE premises (
      id uuid PRIMARY KEY,
      enterprise_id uuid NOT NULL REFERENCES enterprises(id),
      name text NOT NULL,
      address text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('registered', 'production', 'business', 'warehouse')),
      jurisdiction_code text NOT NULL REFERENCES jurisdictions(code),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX premises_enterprise_idx ON premises (enterprise_id);

    CREATE TABLE licences (
      id uuid PRIMARY KEY,
      enterprise_id uuid NOT NULL REFERENCES enterprises(id),
      premises_id uuid REFERENCES premises(id),
      number text NOT NULL UNIQUE,
      kind text NOT NULL CHECK (kind IN ('SC', 'JY')),
      categories text[] NOT NULL DEFAULT '{}',
      issuing_authority text NOT NULL,
      issued_on date NOT NULL,
      valid_until date NOT NULL,
      status text NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'suspended', 'revoked', 'cancelled')),
      jurisdiction_code text NOT NULL REFERENCES jurisdictions(code),
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX licences_enterprise_idx ON licences (enterprise_id);
    CREATE INDEX licences_expiry_idx ON licences (jurisdiction_code text_pattern_ops, valid_until);
    CREATE INDEX licences_categories_idx ON licences USING gin (categories) WITH (fastupdate = off);

    CREATE TABLE products (
      id uuid PRIMARY KEY,
      enterprise_id uuid NOT NULL REFERENCES enterprises(id),
      licence_id uuid REFERENCES licences(id),
      name text NOT NULL,
      category text NOT NULL CHECK (category IN ('health_food', 'infant_formula', 'fsmp')),
      registration_number text NOT NULL UNIQUE,
      registration_kind text NOT NULL,
      legacy boolean NOT NULL DEFAULT false,
      functions text[] NOT NULL DEFAULT '{}',
      gtins text[] NOT NULL DEFAULT '{}',
      specification text,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'discontinued', 'cancelled')),
      jurisdiction_code text NOT NULL REFERENCES jurisdictions(code),
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX products_enterprise_idx ON products (enterprise_id);
    CREATE INDEX products_gtins_idx ON products USING gin (gtins) WITH (fastupdate = off);
    CREATE INDEX products_category_idx ON products (category, enterprise_id);

    CREATE TABLE people (
      id uuid PRIMARY KEY,
      enterprise_id uuid NOT NULL REFERENCES enterprises(id),
      name text NOT NULL,
      role text NOT NULL CHECK (role IN ('food_safety_director', 'food_safety_officer', 'quality_authorised_person')),
      appointed_on date NOT NULL,
      ended_on date,
      phone text,
      jurisdiction_code text NOT NULL REFERENCES jurisdictions(code),
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX people_enterprise_idx ON people (enterprise_id);

    CREATE TABLE users (
      id uuid PRIMARY KEY,
      username text NOT NULL UNIQUE,
      display_name text NOT NULL,
      password_hash text NOT NULL,
      role text NOT NULL,
      jurisdiction_code text REFERENCES jurisdictions(code),
      enterprise_id uuid REFERENCES enterprises(id),
      active boolean NOT NULL DEFAULT true,
      failed_attempts integer NOT NULL DEFAULT 0,
      locked_until timestamptz,
      password_changed_at timestamptz NOT NULL DEFAULT now(),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((role IN ('enterprise_admin', 'enterprise_staff')) = (enterprise_id IS NOT NULL)),
      CHECK ((role IN ('city_admin', 'city_supervisor', 'district_supervisor', 'inspector')) = (jurisdiction_code IS NOT NULL))
    );

    CREATE TABLE sessions (
      id text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      csrf_token text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX sessions_user_idx ON sessions (user_id);

    CREATE TABLE audit_log (
      seq bigint PRIMARY KEY,
      occurred_at timestamptz NOT NULL,
      actor_user_id uuid,
      actor_username text NOT NULL,
      actor_role text NOT NULL,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id text NOT NULL,
      jurisdiction_code text,
      enterprise_id uuid,
      before jsonb,
      after jsonb,
      request_id text,
      prev_hash text NOT NULL,
      hash text NOT NULL
    );
    CREATE INDEX audit_entity_idx ON audit_log (entity_type, entity_id, seq);

    -- The head of the audit chain: one row, locked by every appender, so entries chain in commit order.
    CREATE TABLE audit_head (
      id integer PRIMARY KEY CHECK (id = 1),
      seq bigint NOT NULL,
      hash text NOT NULL
    );
    INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, repeat('0', 64));

    CREATE TABLE imports (
      id uuid PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('enterprises', 'licences', 'products')),
      filename text NOT NULL,
      created_by uuid REFERENCES users(id),
      jurisdiction_code text,
      status text NOT NULL CHECK (status IN ('previewed', 'applied')),
      plan jsonb NOT NULL,
      counts jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      applied_at timestamptz
    );

    CREATE TABLE settings (
      key text PRIMARY KEY,
      value jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    );
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runDdl(
    db,
    `DROP TABLE settings, imports, audit_head, audit_log, sessions, users, people, products, licences, premises,
      enterprises, jurisdictions`,
  );
}
