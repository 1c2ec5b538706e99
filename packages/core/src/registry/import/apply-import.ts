import { AppError, assertCan } from '@shian/domain';
import { recordAudit } from '../../audit/record-audit.ts';
import { BULK_ROWS, refreshStatistics } from '../../db/maintenance.ts';
import { withTransaction, type Ctx } from '../../db/transaction.ts';
import { isUniqueViolation } from '../guards.ts';
import { countActions, type ImportPlan } from './import-plan.ts';
import { IMPORT_STEPS } from './preview-import.ts';

export interface ImportApplied {
  applied: { created: number; updated: number; unchanged: number };
}

/** Audit entries per `recordAudit` call: it takes any number, this keeps the argument list reasonable. */
const AUDIT_BATCH = 5000;

/**
 * Applies a previewed import (确认导入) in one transaction: only its author or a city administrator, only
 * once, only without error rows, and only while the preview still describes the database (else
 * `resource.conflict` and nothing changes). Writes one audit entry per created or updated record and one
 * `import.apply` entry; refreshes the search columns of the enterprises touched.
 */
export async function applyImport(ctx: Ctx, importId: string): Promise<ImportApplied> {
  assertCan(ctx.actor, 'registry.import');
  const applied = await withTransaction(ctx, async (trx) => {
    const stored = await trx.db.selectFrom('imports').selectAll().where('id', '=', importId).forUpdate().executeTakeFirst();
    if (!stored || (stored.createdBy !== ctx.actor.userId && ctx.actor.role !== 'city_admin')) throw new AppError('import.not_found');
    if (stored.status === 'applied') throw new AppError('import.already_applied');
    // The plan is the JSON previewImport stored.
    const plan = stored.plan as ImportPlan;
    const errorCount = plan.rows.reduce((n, row) => n + row.errors.length, 0);
    if (errorCount > 0) throw new AppError('import.has_errors', { params: { count: errorCount } });
    const audits = await IMPORT_STEPS[plan.kind].apply(trx, plan.rows).catch((error: unknown) => {
      // A record created by someone else between the staleness check and the insert.
      throw isUniqueViolation(error) ? new AppError('resource.conflict', { cause: error }) : error;
    });
    for (let i = 0; i < audits.length; i += AUDIT_BATCH) await recordAudit(trx, ...audits.slice(i, i + AUDIT_BATCH));
    const counts = countActions(plan.rows);
    await recordAudit(trx, {
      action: 'import.apply',
      entityType: 'import',
      entityId: importId,
      jurisdictionCode: stored.jurisdictionCode,
      enterpriseId: null,
      before: null,
      after: { kind: plan.kind, filename: stored.filename, counts },
    });
    await trx.db.updateTable('imports').set({ status: 'applied', appliedAt: new Date() }).where('id', '=', importId).execute();
    return { applied: { created: counts.create, updated: counts.update, unchanged: counts.unchanged } };
  });
  if (applied.applied.created + applied.applied.updated >= BULK_ROWS) await refreshStatistics(ctx.db);
  return applied;
}
