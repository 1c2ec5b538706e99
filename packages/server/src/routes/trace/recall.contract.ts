import { z } from 'zod';
import type { RecallNoticeItem, RecallNoticeView, RecallSummary, RecallView } from '@shian/core';
import { gtinSchema, lotSchema, lotTraceSchema, serialSchema } from './trace.contract.ts';

/** Shapes of the recall API (召回): the recall, its notices to downstream enterprises, their confirmation. */

export const recallLevelSchema = z.enum(['1', '2', '3']);

/** A recall of a lot, or of serials of a product (at least one of the two; the use case names `lot` when both are missing). */
export const recallCreateSchema = z.strictObject({
  gtin: gtinSchema,
  lot: lotSchema.nullish(),
  serials: z.array(serialSchema).max(1000).optional(),
  level: recallLevelSchema,
  reason: z.string().trim().min(2, { message: 'field.required' }).max(1000),
});

export const recallListQuerySchema = z.strictObject({ status: z.enum(['open', 'closed']).optional(), limit: z.coerce.number().int().min(1).max(200).default(100) });

const recallFields = {
  id: z.uuid(),
  number: z.string(),
  enterprise: z.object({ id: z.uuid(), name: z.string() }),
  product: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  jurisdictionCode: z.string(),
  gtin: z.string(),
  lot: z.string().nullable(),
  serials: z.array(z.string()),
  level: recallLevelSchema,
  reason: z.string(),
  initiator: z.enum(['regulator', 'maker']),
  status: z.enum(['open', 'closed']),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  /** The trace job has run: the snapshot and the notices are there. */
  traced: z.boolean(),
  noticeCount: z.number().int(),
  acknowledgedCount: z.number().int(),
};

export const recallSchema = z.object(recallFields).meta({ id: 'Recall' });

export const recallNoticeSchema = z
  .object({
    id: z.uuid(),
    recallId: z.uuid(),
    enterprise: z.object({ id: z.uuid(), name: z.string(), uscc: z.string() }),
    jurisdictionCode: z.string(),
    locations: z.array(z.string()),
    quantity: z.number(),
    /** UN/ECE Rec 20 unit; null: a count of items (件). */
    uom: z.string().nullable(),
    acknowledgedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'RecallNotice' });

export const recallDetailSchema = z
  .object({ ...recallFields, trace: lotTraceSchema.nullable(), notices: z.array(recallNoticeSchema), canClose: z.boolean() })
  .meta({ id: 'RecallDetail' });

/** A notice with the recall it belongs to: what a downstream enterprise sees (通知) and acts on. */
export const recallNoticeItemSchema = recallNoticeSchema
  .extend({
    recall: z.object({
      number: z.string(),
      status: z.enum(['open', 'closed']),
      gtin: z.string(),
      lot: z.string().nullable(),
      serials: z.array(z.string()),
      level: recallLevelSchema,
      reason: z.string(),
      makerName: z.string(),
      productName: z.string().nullable(),
      recalledAt: z.string(),
    }),
  })
  .meta({ id: 'RecallNoticeItem' });

export function presentRecall(r: RecallSummary): z.infer<typeof recallSchema> {
  return {
    id: r.id,
    number: r.number,
    enterprise: { id: r.enterpriseId, name: r.enterpriseName },
    product: r.productId && r.productName ? { id: r.productId, name: r.productName } : null,
    jurisdictionCode: r.jurisdictionCode,
    gtin: r.gtin,
    lot: r.lot,
    serials: r.serials,
    level: r.level,
    reason: r.reason,
    initiator: r.initiator,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    closedAt: r.closedAt?.toISOString() ?? null,
    traced: r.traced,
    noticeCount: r.noticeCount,
    acknowledgedCount: r.acknowledgedCount,
  };
}

export function presentNotice(n: RecallNoticeView): z.infer<typeof recallNoticeSchema> {
  return {
    id: n.id,
    recallId: n.recallId,
    enterprise: { id: n.enterpriseId, name: n.enterpriseName, uscc: n.enterpriseUscc },
    jurisdictionCode: n.jurisdictionCode,
    locations: n.locations,
    quantity: n.quantity,
    uom: n.uom,
    acknowledgedAt: n.acknowledgedAt?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
  };
}

export function presentNoticeItem(n: RecallNoticeItem): z.infer<typeof recallNoticeItemSchema> {
  return {
    ...presentNotice(n),
    recall: {
      number: n.recallNumber,
      status: n.recallStatus,
      gtin: n.gtin,
      lot: n.lot,
      serials: n.serials,
      level: n.level,
      reason: n.reason,
      makerName: n.makerName,
      productName: n.productName,
      recalledAt: n.recalledAt.toISOString(),
    },
  };
}

export function presentRecallDetail(v: RecallView): z.infer<typeof recallDetailSchema> {
  return { ...presentRecall(v.recall), trace: v.trace, notices: v.notices.map(presentNotice), canClose: v.canClose };
}
