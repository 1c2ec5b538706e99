import { AppError, assertCan } from '@shian/domain';
import { scopeCondition } from '../../access/scope.ts';
import type { Ctx } from '../../db/transaction.ts';
import type { CaptureError } from './capture-errors.ts';

/** A capture job as the status endpoints show it (without the document). */
export interface CaptureSummary {
  id: string;
  enterpriseId: string | null;
  errorBehaviour: 'rollback' | 'proceed';
  status: 'queued' | 'running' | 'done' | 'failed';
  eventCount: number;
  capturedCount: number;
  errors: CaptureError[];
  documentSha256: string;
  createdAt: Date;
  finishedAt: Date | null;
}

const COLUMNS = ['id', 'enterpriseId', 'jurisdictionCode', 'errorBehaviour', 'status', 'eventCount', 'capturedCount', 'errors', 'documentSha256', 'createdAt', 'finishedAt'] as const;

// `errors` is a jsonb array of capture errors written by capture (an I/O boundary).
const summaryOf = ({ jurisdictionCode: _j, errors, ...row }: { jurisdictionCode: string; errors: unknown } & Omit<CaptureSummary, 'errors'>): CaptureSummary => ({
  ...row,
  errors: Array.isArray(errors) ? (errors as CaptureError[]) : [],
});

/** The capture jobs the actor may see (an enterprise its own; a regulator those of its jurisdiction), newest first. */
export async function listCaptures(ctx: Ctx, options: { limit?: number } = {}): Promise<CaptureSummary[]> {
  assertCan(ctx.actor, 'trace.read');
  const rows = await ctx.db
    .selectFrom('epcisCaptures')
    .select([...COLUMNS])
    .where(scopeCondition(ctx.actor, 'epcisCaptures'))
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(Math.min(Math.max(options.limit ?? 50, 1), 200))
    .execute();
  return rows.map(summaryOf);
}

/** One capture job; out of the actor's scope it does not exist (404). */
export async function findCapture(ctx: Ctx, id: string): Promise<CaptureSummary> {
  const row = await ctx.db.selectFrom('epcisCaptures').select([...COLUMNS]).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('resource.not_found');
  assertCan(ctx.actor, 'trace.read', row);
  return summaryOf(row);
}
