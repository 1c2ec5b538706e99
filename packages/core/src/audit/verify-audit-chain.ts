import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { hashEntry, type HashedFields } from './record-audit.ts';

export type ChainProblem =
  | { kind: 'altered'; seq: number }
  | { kind: 'removed'; afterSeq: number; beforeSeq: number }
  | { kind: 'truncated'; lastSeq: number; headSeq: number };

export interface ChainReport {
  entries: number;
  headSeq: number;
  ok: boolean;
  /** The first problem found, walking the chain from its start. */
  firstProblem: ChainProblem | null;
}

const BATCH = 5000;

/**
 * Walks the audit chain from the first entry, recomputing every hash. Names the first entry that was
 * altered, the first place where entries were removed (a gap in the sequence or a broken link), or a chain
 * cut short of its recorded head.
 */
export async function verifyAuditChain(db: Db): Promise<ChainReport> {
  const head = await db.selectFrom('auditHead').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  let prevSeq = 0;
  let prevHash = '0'.repeat(64);
  let entries = 0;
  for (;;) {
    // before/after as text: through the camel-case plugin a snapshot's nested snake_case keys (a rule set's
    // `out_of_range`) would come back renamed and no longer hash as written.
    const rows = await db
      .selectFrom('auditLog')
      .selectAll()
      .select([sql<string | null>`before::text`.as('beforeText'), sql<string | null>`after::text`.as('afterText')])
      .where('seq', '>', prevSeq)
      .orderBy('seq')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      entries += 1;
      if (row.seq !== prevSeq + 1 || row.prevHash !== prevHash) {
        return { entries, headSeq: head.seq, ok: false, firstProblem: { kind: 'removed', afterSeq: prevSeq, beforeSeq: row.seq } };
      }
      const fields: HashedFields = {
        seq: row.seq,
        occurredAt: new Date(row.occurredAt).toISOString(),
        actorUserId: row.actorUserId,
        actorUsername: row.actorUsername,
        actorRole: row.actorRole,
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId,
        jurisdictionCode: row.jurisdictionCode,
        enterpriseId: row.enterpriseId,
        before: row.beforeText === null ? null : (JSON.parse(row.beforeText) as Record<string, unknown>),
        after: row.afterText === null ? null : (JSON.parse(row.afterText) as Record<string, unknown>),
        requestId: row.requestId,
      };
      if (hashEntry(prevHash, fields) !== row.hash) {
        return { entries, headSeq: head.seq, ok: false, firstProblem: { kind: 'altered', seq: row.seq } };
      }
      prevSeq = row.seq;
      prevHash = row.hash;
    }
  }
  if (prevSeq !== head.seq || prevHash !== head.hash) {
    return { entries, headSeq: head.seq, ok: false, firstProblem: { kind: 'truncated', lastSeq: prevSeq, headSeq: head.seq } };
  }
  return { entries, headSeq: head.seq, ok: true, firstProblem: null };
}
