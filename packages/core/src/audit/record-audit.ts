import { createHash } from 'node:crypto';
import type { TrxCtx } from '../db/transaction.ts';
import { canonicalJson } from './canonical-json.ts';

const SECRET_KEY = /password|secret|token|hash$/i;
/** Columns that are derived for search and say nothing about the record's history. */
const DERIVED_KEYS = new Set(['searchName', 'searchGrams', 'searchKeys']);

export interface AuditInput {
  action: string; // e.g. 'enterprise.create'
  entityType: string; // e.g. 'enterprise'
  entityId: string;
  jurisdictionCode: string | null;
  enterpriseId: string | null;
  before: object | null;
  after: object | null;
}

/** Removes secrets and derived columns from a snapshot before it enters the audit log. */
export function redact(snapshot: object | null): Record<string, unknown> | null {
  if (!snapshot) return null;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(snapshot)) {
    if (DERIVED_KEYS.has(key)) continue;
    out[key] = SECRET_KEY.test(key) ? '[redacted]' : value;
  }
  return JSON.parse(canonicalJson(out)) as Record<string, unknown>;
}

/** The fields an entry's hash covers, in a fixed shape; `verify-audit-chain.ts` recomputes it the same way. */
export interface HashedFields {
  seq: number;
  occurredAt: string;
  actorUserId: string | null;
  actorUsername: string;
  actorRole: string;
  action: string;
  entityType: string;
  entityId: string;
  jurisdictionCode: string | null;
  enterpriseId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

export function hashEntry(prevHash: string, fields: HashedFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(fields)).digest('hex');
}

/**
 * Appends entries to the audit chain inside the caller's transaction. The head row is locked, so
 * concurrent writers chain one after another in commit order; a rollback removes the entries with the change.
 */
export async function recordAudit(ctx: TrxCtx, ...inputs: AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const head = await ctx.db
    .selectFrom('auditHead')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const occurredAt = new Date().toISOString();
  let seq = head.seq;
  let prevHash = head.hash;
  const rows = inputs.map((input) => {
    seq += 1;
    const fields: HashedFields = {
      seq,
      occurredAt,
      actorUserId: ctx.actor.userId,
      actorUsername: ctx.actor.username,
      actorRole: ctx.actor.role,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      jurisdictionCode: input.jurisdictionCode,
      enterpriseId: input.enterpriseId,
      before: redact(input.before),
      after: redact(input.after),
      requestId: ctx.requestId ?? null,
    };
    const hash = hashEntry(prevHash, fields);
    const row = {
      ...fields,
      before: fields.before === null ? null : JSON.stringify(fields.before),
      after: fields.after === null ? null : JSON.stringify(fields.after),
      prevHash,
      hash,
    };
    prevHash = hash;
    return row;
  });
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await ctx.db.insertInto('auditLog').values(rows.slice(i, i + INSERT_CHUNK)).execute();
  }
  await ctx.db.updateTable('auditHead').set({ seq, hash: prevHash }).where('id', '=', 1).execute();
}

/** Rows per INSERT when many entries are appended at once (bulk loads). */
const INSERT_CHUNK = 500;
