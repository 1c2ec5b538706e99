import { z } from 'zod';
import {
  RECTIFICATION_ITEM_STATUSES,
  SELF_INSPECTION_KINDS,
  SELF_INSPECTION_RESULTS,
  SELF_INSPECTION_STATUSES,
  selfInspectionCreateSchema,
} from '@shian/domain';
import type { RectificationItemRow, RectificationItemView, SelfInspectionReportSummary, SelfInspectionReportView } from '@shian/core';
import { jurisdictionCodeSchema, kpiSchema } from '../common.contract.ts';

/** Shapes of the self-inspection API (自查报告, 整改项) and its KPIs. */

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export const reportCreateSchema = selfInspectionCreateSchema;

export const reportListQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(SELF_INSPECTION_STATUSES).optional(),
  kind: z.enum(SELF_INSPECTION_KINDS).optional(),
  jurisdictionCode: jurisdictionCodeSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

const enterpriseRef = z.object({ id: z.uuid(), name: z.string() });

const reportFields = {
  id: z.uuid(),
  number: z.string(),
  enterprise: enterpriseRef,
  jurisdictionCode: z.string(),
  kind: z.enum(SELF_INSPECTION_KINDS),
  year: z.number().int(),
  checklistId: z.string(),
  title: z.string(),
  status: z.enum(SELF_INSPECTION_STATUSES),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  answered: z.number().int(),
  items: z.number().int(),
  nonConformities: z.number().int(),
};
export const reportSchema = z.object(reportFields).meta({ id: 'SelfInspectionReport' });

export const rectificationItemSchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    reportId: z.uuid(),
    enterpriseId: z.uuid(),
    jurisdictionCode: z.string(),
    itemKey: z.string(),
    finding: z.string(),
    ownerName: z.string(),
    dueOn: z.string(),
    status: z.enum(RECTIFICATION_ITEM_STATUSES),
    evidence: z.string().nullable(),
    closedAt: z.string().nullable(),
    verifiedAt: z.string().nullable(),
    verificationNote: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'SelfInspectionRectification' });

export const reportDetailSchema = z
  .object({
    ...reportFields,
    answers: z.array(
      z.object({
        itemKey: z.string(),
        result: z.enum(SELF_INSPECTION_RESULTS),
        note: z.string(),
        rectificationOwner: z.string().nullable(),
        rectificationDueOn: z.string().nullable(),
      }),
    ),
    rectifications: z.array(rectificationItemSchema),
  })
  .meta({ id: 'SelfInspectionReportDetail' });

export const rectificationListItemSchema = rectificationItemSchema
  .extend({ enterprise: enterpriseRef, report: z.object({ id: z.uuid(), number: z.string(), title: z.string() }) })
  .meta({ id: 'SelfInspectionRectificationItem' });

export const rectificationListQuerySchema = z.strictObject({
  status: z.enum(RECTIFICATION_ITEM_STATUSES).optional(),
  overdue: z.stringbool().optional(),
  jurisdictionCode: jurisdictionCodeSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

const kpiSet = z.object({ reportRate: kpiSchema, rectificationRate: kpiSchema });
export const selfInspectionKpisSchema = z
  .object({
    year: z.number().int(),
    jurisdictionCode: z.string(),
    ruleSetId: z.string(),
    total: kpiSet,
    districts: z.array(kpiSet.extend({ districtCode: z.string(), nameZh: z.string(), nameEn: z.string() })),
  })
  .meta({ id: 'SelfInspectionKpis' });

export function presentReport(s: SelfInspectionReportSummary): z.infer<typeof reportSchema> {
  const r = s.report;
  return {
    id: r.id,
    number: r.number,
    enterprise: s.enterprise,
    jurisdictionCode: r.jurisdictionCode,
    kind: r.kind,
    year: r.year,
    checklistId: r.checklistId,
    title: r.title,
    status: r.status,
    submittedAt: iso(r.submittedAt),
    reviewedAt: iso(r.reviewedAt),
    reviewComment: r.reviewComment,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    answered: s.answered,
    items: s.items,
    nonConformities: s.nonConformities,
  };
}

export function presentRectification(i: RectificationItemRow): z.infer<typeof rectificationItemSchema> {
  return {
    id: i.id,
    number: i.number,
    reportId: i.reportId,
    enterpriseId: i.enterpriseId,
    jurisdictionCode: i.jurisdictionCode,
    itemKey: i.itemKey,
    finding: i.finding,
    ownerName: i.ownerName,
    dueOn: i.dueOn,
    status: i.status,
    evidence: i.evidence,
    closedAt: iso(i.closedAt),
    verifiedAt: iso(i.verifiedAt),
    verificationNote: i.verificationNote,
    version: i.version,
  };
}

export function presentReportDetail(v: SelfInspectionReportView): z.infer<typeof reportDetailSchema> {
  return {
    ...presentReport(v),
    answers: v.answers.map((a) => ({ itemKey: a.itemKey, result: a.result, note: a.note, rectificationOwner: a.rectificationOwner, rectificationDueOn: a.rectificationDueOn })),
    rectifications: v.rectifications.map(presentRectification),
  };
}

export const presentRectificationListItem = (v: RectificationItemView): z.infer<typeof rectificationListItemSchema> => ({ ...presentRectification(v.item), enterprise: v.enterprise, report: v.report });
