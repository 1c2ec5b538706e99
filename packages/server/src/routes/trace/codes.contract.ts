import { z } from 'zod';
import { MAX_CODE_BATCH_QUANTITY } from '@shian/core';

/** Shapes of the one-code-per-item API (一物一码): code batches, their downloads, and scan-page alerts. */

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'field.date_format' }).refine((v) => !Number.isNaN(Date.parse(v)), { message: 'field.date_format' });

export const codeBatchRequestSchema = z.strictObject({
  productId: z.uuid(),
  /** GTIN-8/12/13/14, one of the product's. */
  gtin: z.string().trim().min(1).max(14),
  /** Lot (批号, GS1 AI 10): 1–20 characters of the GS1 AI 82 set (checked by the use case). */
  lot: z.string().min(1).max(20),
  productionDate: date,
  expiryDate: date,
  quantity: z.number().int().min(1).max(MAX_CODE_BATCH_QUANTITY),
});

export const CODE_BATCH_STATUSES = ['queued', 'issuing', 'issued', 'failed'] as const;

/** One batch of codes with its progress. */
export const codeBatchSchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    enterprise: z.object({ id: z.uuid(), name: z.string() }),
    product: z.object({ id: z.uuid(), name: z.string() }),
    jurisdictionCode: z.string(),
    gtin: z.string(),
    lot: z.string(),
    productionDate: z.string(),
    expiryDate: z.string(),
    quantity: z.number().int(),
    issued: z.number().int(),
    /** issued / quantity, 0–1. */
    progress: z.number(),
    status: z.enum(CODE_BATCH_STATUSES),
    statusName: z.string(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    /** The public scan page of the batch's first code, once issued. */
    firstCodeUri: z.string().nullable(),
  })
  .meta({ id: 'TraceCodeBatch' });

export const codeBatchListQuerySchema = z.strictObject({
  enterpriseId: z.uuid().optional(),
  status: z.enum(CODE_BATCH_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** A range of a download: `from` (1-based position) and `count`. */
export function rangeQuerySchema(max: number) {
  return z.strictObject({
    from: z.coerce.number().int().min(1).optional(),
    count: z.coerce.number().int().min(1).max(max).optional(),
  });
}

export const TRACE_ALERT_KINDS = ['possible_copy', 'unknown_code'] as const;

/** An alert of the scan page (可疑码预警). */
export const traceAlertSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(TRACE_ALERT_KINDS),
    kindName: z.string(),
    gtin: z.string(),
    serial: z.string().nullable(),
    lot: z.string().nullable(),
    batch: z.object({ id: z.uuid(), number: z.string() }).nullable(),
    enterprise: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    productName: z.string().nullable(),
    jurisdictionCode: z.string(),
    /** Why it was opened, in the user's language. */
    reasonText: z.string(),
    reason: z.record(z.string(), z.unknown()),
    status: z.enum(['open', 'closed']),
    createdAt: z.string(),
    closedAt: z.string().nullable(),
  })
  .meta({ id: 'TraceAlert' });

export const traceAlertListQuerySchema = z.strictObject({
  status: z.enum(['open', 'closed']).optional(),
  kind: z.enum(TRACE_ALERT_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** A download: bytes or text, streamed, never serialised. */
export const downloadBodySchema = z.unknown().meta({ description: 'A file download (CSV, xlsx or PDF), streamed' });
