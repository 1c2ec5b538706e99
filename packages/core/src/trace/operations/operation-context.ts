import { AppError, DEFAULT_LOCALE, assertCan, type Action, type ErrorDetail, type FieldMessageKey, type Locale } from '@shian/domain';
import type { Db } from '../../db/connect.ts';
import type { Ctx } from '../../db/transaction.ts';
import { captureDocument, type CaptureResult } from '../../epcis/capture/capture-document.ts';
import { partyIdOf } from '../locations.ts';

/** The enterprise an operation acts for: the actor's own (trace operations are an enterprise's, never a regulator's). */
export interface ActingEnterprise {
  id: string;
  uscc: string;
  name: string;
  jurisdictionCode: string;
  partyId: string;
}

/**
 * The actor's enterprise, with `action` asserted on it. Regulators (who capture nothing) and anyone without the
 * grant are refused (403), as capture itself refuses them.
 */
export async function actingEnterprise(ctx: Ctx, action: Action): Promise<ActingEnterprise> {
  assertCan(ctx.actor, action);
  if (!ctx.actor.enterpriseId) throw new AppError('auth.forbidden');
  const row = await ctx.db.selectFrom('enterprises').select(['id', 'uscc', 'name', 'jurisdictionCode']).where('id', '=', ctx.actor.enterpriseId).executeTakeFirst();
  if (!row) throw new AppError('auth.forbidden');
  assertCan(ctx.actor, action, { jurisdictionCode: row.jurisdictionCode, enterpriseId: row.id });
  return { ...row, partyId: partyIdOf(row) };
}

/** Field problems of an operation, gathered so that the user sees every one in one answer. */
export class FieldProblems {
  readonly details: ErrorDetail[] = [];

  add(path: string, message: FieldMessageKey): void {
    this.details.push({ path, message });
  }

  get any(): boolean {
    return this.details.length > 0;
  }

  /** Throws `trace.operation_invalid` (422) naming every field, if there is any problem. */
  throwIfAny(): void {
    if (this.any) throw new AppError('trace.operation_invalid', { details: this.details });
  }
}

/** A premises of the given enterprise (场所), or null after noting the problem on `path`. */
export async function premisesOf(db: Db, enterpriseId: string, premisesId: string, path: string, problems: FieldProblems, message: FieldMessageKey) {
  const row = await db.selectFrom('premises').select(['id', 'gln', 'name', 'enterpriseId']).where('id', '=', premisesId).executeTakeFirst();
  if (!row || row.enterpriseId !== enterpriseId) {
    problems.add(path, message);
    return null;
  }
  return row;
}

/** Options of the operations: the language of capture's messages, should it refuse the document. */
export interface OperationOptions {
  locale?: Locale;
}

/**
 * Sends an operation's document through capture, the one path every event takes (validation, the platform's
 * rules, storage, the audit entry). The operation checked its input first, so a refusal here is unexpected;
 * it still reaches the user, each problem named by its place in the document.
 */
export async function captureOperation(ctx: Ctx, document: unknown, options: OperationOptions = {}): Promise<CaptureResult> {
  const result = await captureDocument(ctx, document, { errorBehaviour: 'rollback', locale: options.locale ?? DEFAULT_LOCALE });
  if (result.status !== 'done') {
    throw new AppError('trace.operation_invalid', { details: result.errors.map((e) => ({ path: e.path, message: e.message })), data: { captureId: result.captureId } });
  }
  return result;
}
