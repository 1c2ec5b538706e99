import { AppError, assertCan } from '@shian/domain';
import type { Ctx } from '../../db/transaction.ts';
import { runLotTrace, type LotTraceRun } from '../trace-lot.ts';
import { subjectOfRecall } from './recall-job.ts';

/**
 * A recall's trace for its spreadsheet, computed now from the events (the snapshot on the recall holds the
 * tallies, not every event). Regulators in scope and the maker may download it; an enterprise that only
 * holds a notice may not (the sheet names every other enterprise).
 */
export async function traceRecallForSpreadsheet(ctx: Ctx, recallId: string): Promise<{ run: LotTraceRun; number: string }> {
  assertCan(ctx.actor, 'trace.read');
  const recall = await ctx.db.selectFrom('recalls').selectAll().where('id', '=', recallId).executeTakeFirst();
  if (!recall) throw new AppError('resource.not_found');
  assertCan(ctx.actor, 'trace.read', { jurisdictionCode: recall.jurisdictionCode, enterpriseId: recall.enterpriseId });
  const subject = await subjectOfRecall(ctx.db, recall);
  return { run: await runLotTrace(ctx.db, ctx.actor, subject), number: recall.number };
}
