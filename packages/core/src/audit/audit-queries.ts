import type { Ctx } from '../db/transaction.ts';
import { scopeAudit } from '../access/scope.ts';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface AuditEntryView {
  seq: number;
  occurredAt: Date;
  actorUsername: string;
  actorRole: string;
  action: string;
  entityType: string;
  entityId: string;
  changes: FieldChange[];
}

const IGNORED = new Set(['updatedAt', 'version']);

/** The fields that differ between two snapshots (a created record lists all its fields). */
export function diffSnapshots(before: unknown, after: unknown): FieldChange[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !IGNORED.has(k)).sort();
  return keys
    .filter((k) => JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null))
    .map((k) => ({ field: k, before: b[k] ?? null, after: a[k] ?? null }));
}

/** The history of one record, oldest first, as far as the actor may see it. */
export async function findAuditHistory(ctx: Ctx, entityType: string, entityId: string): Promise<AuditEntryView[]> {
  const rows = await scopeAudit(
    ctx.db.selectFrom('auditLog').selectAll().where('entityType', '=', entityType).where('entityId', '=', entityId),
    ctx.actor,
  )
    .orderBy('seq')
    .limit(1000)
    .execute();
  return rows.map((row) => ({
    seq: row.seq,
    occurredAt: row.occurredAt,
    actorUsername: row.actorUsername,
    actorRole: row.actorRole,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    changes: diffSnapshots(row.before, row.after),
  }));
}
