import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { AppError, DEFAULT_LOCALE, type Actor, type Locale, type Role } from '@shian/domain';
import { recordAudit } from '../../audit/record-audit.ts';
import type { Db } from '../../db/connect.ts';
import type { Json } from '../../db/schema.ts';
import { withTransaction, type Ctx } from '../../db/transaction.ts';
import { enqueueJob, type JobRow } from '../../jobs/job-queue.ts';
import { captureError, type CaptureError } from './capture-errors.ts';
import { assertWithinLimits, capturerOf, finishCapture, sha256Hex } from './capture-document.ts';
import { checkDocument, checkEnvelope, type ErrorBehaviour } from './capture-pipeline.ts';
import { withCaptureTransaction } from './capture-transaction.ts';
import { preferFastCompression } from './event-store.ts';

/**
 * Asynchronous capture (the standard's `POST /capture`), durable from the moment it is acknowledged: the
 * document is checked synchronously (syntax, type and version, limits, the standard's schema), then the
 * raw text and its job are committed in one transaction before the client hears 202. The job runs the
 * stored text through the same path as `captureDocument` in one transaction; a crash at any point leaves
 * either nothing or the whole capture, and the job is taken up again after a restart.
 */
export const CAPTURE_JOB_KIND = 'epcis.capture';
/** Attempts of a capture job: a kill -9 mid-capture costs one. */
const CAPTURE_JOB_ATTEMPTS = 5;

/** Accepts a document for capture; resolves once the document and its job are committed. */
export async function acceptCapture(ctx: Ctx, rawText: string, options: { errorBehaviour: ErrorBehaviour; locale?: Locale }): Promise<{ captureId: string }> {
  const capturer = await capturerOf(ctx.db, ctx.actor);
  const locale = options.locale ?? DEFAULT_LOCALE;
  const bytes = Buffer.byteLength(rawText);
  assertWithinLimits(0, bytes);
  let document: unknown;
  try {
    document = JSON.parse(rawText);
  } catch {
    throw new AppError('request.malformed_json');
  }
  const checked = checkDocument(document, locale);
  assertWithinLimits(checked.events.length, bytes);
  // Rollback refuses the document for any error; proceed only for errors of the document itself (the job
  // stores the valid events and lists the others).
  const refusing = options.errorBehaviour === 'rollback' ? checked.errors : checked.errors.filter((e) => e.eventIndex === null);
  if (refusing.length > 0) throw validationFailed(refusing);

  return withTransaction(ctx, async (trx) => {
    const captureId = randomUUID();
    const documentSha256 = sha256Hex(rawText);
    await preferFastCompression(trx.db);
    const job = await enqueueJob(trx.db, { kind: CAPTURE_JOB_KIND, payload: { captureId }, requestedBy: ctx.actor.userId, maxAttempts: CAPTURE_JOB_ATTEMPTS });
    await trx.db
      .insertInto('epcisCaptures')
      .values({
        id: captureId,
        enterpriseId: capturer.enterpriseId,
        jurisdictionCode: capturer.jurisdictionCode,
        apiKeyId: ctx.actor.apiKeyId ?? null,
        userId: ctx.actor.userId,
        errorBehaviour: options.errorBehaviour,
        document: rawText,
        documentSha256,
        eventCount: checked.events.length,
        status: 'queued',
        jobId: job.id,
        finishedAt: null,
      })
      .execute();
    await recordAudit(trx, {
      action: 'epcis.capture_accept',
      entityType: 'epcis_capture',
      entityId: captureId,
      jurisdictionCode: capturer.jurisdictionCode,
      enterpriseId: capturer.enterpriseId,
      before: null,
      after: { status: 'queued', eventCount: checked.events.length, errorBehaviour: options.errorBehaviour, documentSha256, bytes },
    });
    return { captureId };
  });
}

/** The 400 of a document the standard's schema (or the platform) refuses: every error, by JSON pointer. */
export function validationFailed(errors: readonly CaptureError[]): AppError {
  return new AppError('epcis.validation_failed', {
    params: { count: errors.length },
    details: errors.map((e) => ({ path: e.path, message: e.message })),
    data: { errors },
  });
}

/** The actor a stored capture acts as: its user as they are now, or its API key as its enterprise's staff. */
async function actorOfCapture(db: Db, capture: { apiKeyId: string | null; userId: string | null; enterpriseId: string | null }): Promise<Actor> {
  if (capture.userId) {
    const user = await db.selectFrom('users').select(['id', 'username', 'role', 'jurisdictionCode', 'enterpriseId']).where('id', '=', capture.userId).executeTakeFirst();
    if (user) return { userId: user.id, username: user.username, role: user.role as Role, jurisdictionCode: user.jurisdictionCode, enterpriseId: user.enterpriseId };
  }
  const key = capture.apiKeyId ? await db.selectFrom('apiKeys').select(['id', 'prefix']).where('id', '=', capture.apiKeyId).executeTakeFirst() : undefined;
  const actor: Actor = { userId: null, username: key ? `apikey:${key.prefix}` : 'system', role: 'enterprise_staff', jurisdictionCode: null, enterpriseId: capture.enterpriseId };
  if (key) actor.apiKeyId = key.id;
  return actor;
}

/**
 * The job handler: captures a stored document. A capture already finished is left as it is (a job taken up
 * again after a crash between commit and completion). The capture shows `running` while it runs; its
 * events, count, errors and final status commit together.
 */
export async function runCaptureJob(db: Db, job: JobRow): Promise<{ captureId: string; status: string; captured: number }> {
  const captureId = String((job.payload as { captureId?: unknown }).captureId ?? '');
  const capture = await db.selectFrom('epcisCaptures').selectAll().where('id', '=', captureId).executeTakeFirst();
  if (!capture) throw new Error(`capture ${captureId} not found`);
  if (capture.status === 'done' || capture.status === 'failed') return { captureId, status: capture.status, captured: capture.capturedCount };
  if (!capture.enterpriseId) throw new Error(`capture ${captureId} has no enterprise`);
  const enterpriseId = capture.enterpriseId;
  await db.updateTable('epcisCaptures').set({ status: 'running' }).where('id', '=', captureId).where('status', '=', 'queued').execute();
  try {
    const actor = await actorOfCapture(db, capture);
    // Messages are stored in zh-CN; readers get them in their own language (they keep key and parameters).
    const checked = checkEnvelope(JSON.parse(capture.document), DEFAULT_LOCALE);
    const result = await withCaptureTransaction({ db, actor, requestId: `job:${job.id}` }, async (trx, write) => {
      const locked = await trx.db.selectFrom('epcisCaptures').select('status').where('id', '=', captureId).forUpdate().executeTakeFirstOrThrow();
      if (locked.status === 'done' || locked.status === 'failed') return null;
      return finishCapture(
        trx,
        { id: captureId, enterpriseId, jurisdictionCode: capture.jurisdictionCode, errorBehaviour: capture.errorBehaviour, documentSha256: capture.documentSha256 },
        checked,
        DEFAULT_LOCALE,
        write,
      );
    });
    return { captureId, status: result?.status ?? 'done', captured: result?.captured ?? capture.capturedCount };
  } catch (error) {
    // The last attempt: the capture ends failed, with nothing stored, rather than `running` for ever.
    if (job.attempts >= job.maxAttempts) await failCapture(db, captureId, job.id);
    throw error;
  }
}

async function failCapture(db: Db, captureId: string, jobId: number): Promise<void> {
  const error = captureError(DEFAULT_LOCALE, { eventIndex: null, path: '', code: 'epcis.capture_interrupted', params: { requestId: `job:${jobId}` } });
  await db
    .updateTable('epcisCaptures')
    .set({ status: 'failed', errors: sql<Json>`${JSON.stringify([error])}::jsonb`, finishedAt: new Date() })
    .where('id', '=', captureId)
    .where('status', 'in', ['queued', 'running'])
    .execute();
}
