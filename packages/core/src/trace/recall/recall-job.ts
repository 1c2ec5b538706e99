import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { SYSTEM_ACTOR, canonicalItem, canonicalLotClass } from '@shian/domain';
import { recordAudit } from '../../audit/record-audit.ts';
import type { Db } from '../../db/connect.ts';
import { withTransaction } from '../../db/transaction.ts';
import type { JobHandler } from '../../jobs/job-worker.ts';
import { productsByGtins } from '../trace-queries.ts';
import { runLotTrace, type TraceSubject } from '../trace-lot.ts';
import type { LotTrace, TraceDownstream } from '../trace-present.ts';
import type { RecallRow } from './recall-service.ts';

/** What a notice says an enterprise holds: members counted as items (unit null), else the first unit's quantity. */
export interface NoticeQuantity {
  quantity: number;
  uom: string | null;
}

/**
 * The notice of one downstream enterprise from its trace rows (all its locations): the items it received
 * when items were counted, otherwise the sum of the class quantities in the first unit it received in.
 */
export function noticeQuantity(rows: readonly TraceDownstream[]): NoticeQuantity {
  const items = rows.reduce((n, r) => n + r.items, 0);
  if (items > 0) return { quantity: items, uom: null };
  const first = rows.flatMap((r) => r.quantities)[0];
  if (!first) return { quantity: 0, uom: null };
  const quantity = rows.flatMap((r) => r.quantities).filter((q) => q.uom === first.uom).reduce((n, q) => n + q.quantity, 0);
  return { quantity, uom: first.uom };
}

/** Display names of where an enterprise holds the goods: the premises name, else the location identifier. */
const locationsOf = (rows: readonly TraceDownstream[]): string[] => [...new Set(rows.flatMap((r) => (r.location ? [r.location.name ?? r.location.id] : [])))];

/** The subject of a recall's trace: its lot and serials, its maker, its product. */
export async function subjectOfRecall(db: Db, recall: RecallRow): Promise<TraceSubject> {
  const maker = await db.selectFrom('enterprises').select(['id', 'jurisdictionCode']).where('id', '=', recall.enterpriseId).executeTakeFirstOrThrow();
  const classKey = recall.lot === null ? null : canonicalLotClass(recall.gtin, recall.lot);
  const product = recall.productId ? ((await productsByGtins(db, [recall.gtin])).get(recall.gtin) ?? null) : null;
  return {
    start: { gtin: recall.gtin, lot: recall.lot, classKey, items: new Map(recall.serials.map((s) => [canonicalItem(recall.gtin, s), classKey])) },
    maker,
    product: product && product.id === recall.productId ? { id: product.id, name: product.name } : null,
  };
}

/**
 * Traces a recall's lot as the platform (every enterprise, transformations followed), keeps the trace on the
 * recall as its snapshot, and upserts a notice (召回通知) for every downstream enterprise but the maker:
 * quantity, unit, locations. A notice already confirmed keeps its confirmation.
 */
export async function runRecallTrace(db: Db, recallId: string): Promise<{ recallId: string; notices: number; downstream: number; truncated: boolean }> {
  const recall = await db.selectFrom('recalls').selectAll().where('id', '=', recallId).executeTakeFirst();
  if (!recall) throw new Error(`recall ${recallId} not found`);
  const subject = await subjectOfRecall(db, recall);
  const { trace } = await runLotTrace(db, SYSTEM_ACTOR, subject);
  const byEnterprise = new Map<string, TraceDownstream[]>();
  for (const row of trace.downstream) {
    if (!row.enterprise || row.enterprise.id === recall.enterpriseId) continue;
    byEnterprise.set(row.enterprise.id, [...(byEnterprise.get(row.enterprise.id) ?? []), row]);
  }
  return withTransaction({ db, actor: SYSTEM_ACTOR }, async (trx) => {
    const before = await trx.db.selectFrom('recalls').selectAll().where('id', '=', recallId).forUpdate().executeTakeFirstOrThrow();
    const after = await trx.db
      .updateTable('recalls')
      .set({ trace: JSON.stringify(trace satisfies LotTrace), updatedAt: new Date() })
      .where('id', '=', recallId)
      .returningAll()
      .executeTakeFirstOrThrow();
    for (const [enterpriseId, rows] of byEnterprise) {
      const enterprise = rows[0]?.enterprise;
      if (!enterprise) continue;
      const { quantity, uom } = noticeQuantity(rows);
      await trx.db
        .insertInto('recallNotices')
        .values({ id: randomUUID(), recallId, enterpriseId, jurisdictionCode: enterprise.jurisdictionCode, locations: locationsOf(rows), quantity, uom, acknowledgedAt: null, acknowledgedBy: null })
        .onConflict((oc) =>
          oc.columns(['recallId', 'enterpriseId']).doUpdateSet({ locations: sql`excluded.locations`, quantity: sql`excluded.quantity`, uom: sql`excluded.uom` }),
        )
        .execute();
    }
    // The snapshot itself is large and derived: the audit entry says what was notified, not the whole trace.
    await recordAudit(trx, {
      action: 'recall.trace',
      entityType: 'recall',
      entityId: recallId,
      jurisdictionCode: after.jurisdictionCode,
      enterpriseId: after.enterpriseId,
      before: { traced: before.trace !== null },
      after: { traced: true, notified: [...byEnterprise.keys()].sort(), downstream: trace.downstream.length, truncated: trace.truncated },
    });
    return { recallId, notices: byEnterprise.size, downstream: trace.downstream.length, truncated: trace.truncated };
  });
}

/** The job handler of `recall.trace`, payload `{ recallId }`. */
export const recallTraceJob: JobHandler = async (db, job) => runRecallTrace(db, (job.payload as { recallId: string }).recallId); // written by createRecall
