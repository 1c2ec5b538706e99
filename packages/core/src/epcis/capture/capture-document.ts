import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { AppError, DEFAULT_LOCALE, assertCan, type Actor, type Locale } from '@shian/domain';
import { recordAudit } from '../../audit/record-audit.ts';
import type { Db } from '../../db/connect.ts';
import type { Json } from '../../db/schema.ts';
import type { Ctx, TrxCtx } from '../../db/transaction.ts';
import type { CaptureError } from './capture-errors.ts';
import { preferFastCompression } from './event-store.ts';
import { CAPTURE_LIMITS, checkEnvelope, storeDocument, type CheckedDocument, type ErrorBehaviour } from './capture-pipeline.ts';
import { withCaptureTransaction, type CaptureWriter } from './capture-transaction.ts';

export type { CaptureError } from './capture-errors.ts';

/** The outcome of one capture (采集): the capture job's id, whether it stored, how many events, every error. */
export interface CaptureResult {
  captureId: string;
  status: 'done' | 'failed';
  eventCount: number;
  captured: number;
  errors: CaptureError[];
}

/** Options of {@link captureDocument}; `locale` is the language of the error messages (default zh-CN). */
export interface CaptureOptions {
  errorBehaviour?: ErrorBehaviour;
  /** The document as received (kept as evidence); the JSON of `document` when absent. */
  rawText?: string;
  locale?: Locale;
}

/** The enterprise a capture is for: the actor's own. */
export interface Capturer {
  enterpriseId: string;
  jurisdictionCode: string;
}

/**
 * Who may capture: an enterprise user or API key holding `trace.write`, as their own enterprise. Regulators
 * do not capture (403).
 */
export async function capturerOf(db: Db, actor: Actor): Promise<Capturer> {
  assertCan(actor, 'trace.write');
  if (!actor.enterpriseId) throw new AppError('auth.forbidden');
  const enterprise = await db.selectFrom('enterprises').select(['id', 'jurisdictionCode']).where('id', '=', actor.enterpriseId).executeTakeFirst();
  if (!enterprise) throw new AppError('auth.forbidden');
  assertCan(actor, 'trace.write', { jurisdictionCode: enterprise.jurisdictionCode, enterpriseId: enterprise.id });
  return { enterpriseId: enterprise.id, jurisdictionCode: enterprise.jurisdictionCode };
}

/** Refuses a document beyond the capture limits (413). */
export function assertWithinLimits(eventCount: number, bytes: number): void {
  if (eventCount > CAPTURE_LIMITS.maxEvents || bytes > CAPTURE_LIMITS.maxBytes) {
    throw new AppError('epcis.capture_too_large', { params: { maxEvents: CAPTURE_LIMITS.maxEvents, maxBytes: CAPTURE_LIMITS.maxBytes } });
  }
}

export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The capture row's final state from the outcome: rollback fails on any error; proceed fails only when nothing was stored. */
function finalStatus(behaviour: ErrorBehaviour, outcome: { captured: number; errors: readonly CaptureError[] }): 'done' | 'failed' {
  if (outcome.errors.length === 0) return 'done';
  return behaviour === 'proceed' && outcome.captured > 0 ? 'done' : 'failed';
}

/**
 * Stores a checked document for an existing capture row and closes the row (status, count, errors, finish
 * time) with one audit entry, all in the caller's transaction: the events and the row's final state commit
 * together, so no partial capture is ever visible.
 */
export async function finishCapture(
  trx: TrxCtx,
  capture: { id: string; enterpriseId: string; jurisdictionCode: string; errorBehaviour: ErrorBehaviour; documentSha256: string },
  checked: CheckedDocument,
  locale: Locale,
  write: CaptureWriter,
): Promise<CaptureResult> {
  const recordTime = new Date();
  const outcome = await storeDocument(
    trx.db,
    { captureId: capture.id, enterpriseId: capture.enterpriseId, jurisdictionCode: capture.jurisdictionCode, recordTime },
    checked,
    { errorBehaviour: capture.errorBehaviour, locale, write },
  );
  const status = finalStatus(capture.errorBehaviour, outcome);
  await trx.db
    .updateTable('epcisCaptures')
    .set({ status, capturedCount: outcome.captured, errors: sql<Json>`${JSON.stringify(outcome.errors)}::jsonb`, finishedAt: new Date() })
    .where('id', '=', capture.id)
    .execute();
  const summary = { status, eventCount: checked.events.length, capturedCount: outcome.captured, errorCount: outcome.errors.length, errorBehaviour: capture.errorBehaviour, documentSha256: capture.documentSha256 };
  await recordAudit(trx, {
    action: 'epcis.capture',
    entityType: 'epcis_capture',
    entityId: capture.id,
    jurisdictionCode: capture.jurisdictionCode,
    enterpriseId: capture.enterpriseId,
    before: null,
    after: summary,
  });
  return { captureId: capture.id, status, eventCount: checked.events.length, captured: outcome.captured, errors: outcome.errors };
}

/**
 * Validates (JSON schema + platform rules) and stores a whole EPCISDocument in ONE transaction, as the actor's
 * enterprise; records an epcis_captures row and one audit entry. Rollback behaviour (default): any error →
 * nothing stored, status 'failed', errors listed. 'proceed': valid events stored, the rest listed.
 */
export async function captureDocument(ctx: Ctx, document: unknown, options?: CaptureOptions): Promise<CaptureResult> {
  const capturer = await capturerOf(ctx.db, ctx.actor);
  const errorBehaviour = options?.errorBehaviour ?? 'rollback';
  const locale = options?.locale ?? DEFAULT_LOCALE;
  const rawText = options?.rawText ?? JSON.stringify(document) ?? '';
  // The events are checked against the schema as they are stored, a chunk at a time.
  const checked = checkEnvelope(document, locale);
  assertWithinLimits(checked.events.length, Buffer.byteLength(rawText));
  return withCaptureTransaction(ctx, async (trx, write) => {
    const id = randomUUID();
    const documentSha256 = sha256Hex(rawText);
    // Not awaited here: the statements queue on the transaction's connection, and the first events are
    // checked and normalised while the document is written (finishCapture awaits the connection in turn).
    const compression = preferFastCompression(trx.db);
    compression.catch(() => undefined);
    const inserting = trx.db
      .insertInto('epcisCaptures')
      .values({
        id,
        enterpriseId: capturer.enterpriseId,
        jurisdictionCode: capturer.jurisdictionCode,
        apiKeyId: ctx.actor.apiKeyId ?? null,
        userId: ctx.actor.userId,
        errorBehaviour,
        document: rawText,
        documentSha256,
        eventCount: checked.events.length,
        status: 'running',
        jobId: null,
        finishedAt: null,
      })
      .execute();
    inserting.catch(() => undefined);
    const result = await finishCapture(trx, { id, ...capturer, errorBehaviour, documentSha256 }, checked, locale, write);
    await compression;
    await inserting;
    return result;
  });
}
