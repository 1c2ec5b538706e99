import { z } from 'zod';
import type { ErrorDetail } from '../errors/app-error.ts';
import { selfInspectionItems, SELF_INSPECTION_CHECKLISTS, type SelfInspectionChecklist } from './checklists.ts';

/**
 * Input schemas of self-inspection (自查): reports, answers, rectification items (整改项) and their review.
 * Custom messages are keys of `FIELD_MESSAGES`. The same schemas validate API bodies and web forms.
 */
const text = (max: number) => z.string().trim().min(1, { message: 'field.required' }).max(max);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'field.date_format' }).refine((v) => !Number.isNaN(Date.parse(v)), { message: 'field.date_format' });

export const SELF_INSPECTION_KINDS = ['annual', 'ad_hoc'] as const;
export type SelfInspectionKind = (typeof SELF_INSPECTION_KINDS)[number];
/** draft → submitted → acknowledged (确认) or returned (退回, editable again and resubmitted). */
export const SELF_INSPECTION_STATUSES = ['draft', 'submitted', 'acknowledged', 'returned'] as const;
export type SelfInspectionStatus = (typeof SELF_INSPECTION_STATUSES)[number];
/** 符合 / 不符合 / 不适用. */
export const SELF_INSPECTION_RESULTS = ['conformant', 'non_conformant', 'not_applicable'] as const;
export type SelfInspectionResult = (typeof SELF_INSPECTION_RESULTS)[number];
/** open → closed (整改完成, with evidence) → verified (the enterprise's own check, 企业验证). */
export const RECTIFICATION_ITEM_STATUSES = ['open', 'closed', 'verified'] as const;
export type RectificationItemStatus = (typeof RECTIFICATION_ITEM_STATUSES)[number];

export const selfInspectionCreateSchema = z
  .strictObject({
    kind: z.enum(SELF_INSPECTION_KINDS),
    year: z.number().int().min(2000).max(2100),
    checklistId: z.string().refine((id) => SELF_INSPECTION_CHECKLISTS.some((c) => c.id === id), { message: 'field.self_inspection_checklist_unknown' }).optional(),
    /** Why an ad-hoc self-inspection (临时自查) is held; an annual report takes its title from the year. */
    title: z.string().trim().max(200).optional(),
    /** Enterprise users report for their own enterprise; anyone else names it. */
    enterpriseId: z.uuid().optional(),
  })
  .superRefine((value, issue) => {
    if (value.kind === 'ad_hoc' && !value.title) issue.addIssue({ code: 'custom', path: ['title'], message: 'field.required' });
  });
export type SelfInspectionCreate = z.infer<typeof selfInspectionCreateSchema>;

export const selfInspectionAnswerSchema = z
  .strictObject({
    itemKey: text(40),
    result: z.enum(SELF_INSPECTION_RESULTS),
    note: z.string().trim().max(2000).default(''),
    /** For a non-conformity (不符合项): who rectifies it and by when; required at submission. */
    rectificationOwner: z.string().trim().max(50).nullish().transform((v) => v || null),
    rectificationDueOn: isoDate.nullish().transform((v) => v ?? null),
  });
export type SelfInspectionAnswerInput = z.input<typeof selfInspectionAnswerSchema>;
export type SelfInspectionAnswer = z.output<typeof selfInspectionAnswerSchema>;

export const selfInspectionAnswersSchema = z.strictObject({
  version: z.number().int().positive(),
  answers: z.array(selfInspectionAnswerSchema).max(500),
});
export type SelfInspectionAnswers = z.output<typeof selfInspectionAnswersSchema>;

export const selfInspectionReviewSchema = z
  .strictObject({ decision: z.enum(['acknowledge', 'return']), comment: z.string().trim().max(2000).default('') })
  .superRefine((value, issue) => {
    if (value.decision === 'return' && !value.comment) issue.addIssue({ code: 'custom', path: ['comment'], message: 'field.self_inspection_return_comment' });
  });
export type SelfInspectionReview = z.output<typeof selfInspectionReviewSchema>;

export const rectificationItemCloseSchema = z.strictObject({ evidence: text(4000) });
export const rectificationItemVerifySchema = z.strictObject({ note: z.string().trim().max(2000).default('') });

/** Answers naming items not on the checklist (saved answers must belong to the report's version). */
export function unknownAnswerProblems(checklist: SelfInspectionChecklist, answers: readonly Pick<SelfInspectionAnswer, 'itemKey'>[]): ErrorDetail[] {
  const keys = new Set(selfInspectionItems(checklist).map((i) => i.key));
  const problems: ErrorDetail[] = [];
  const seen = new Set<string>();
  answers.forEach((a, i) => {
    if (!keys.has(a.itemKey)) problems.push({ path: `answers.${i}.itemKey`, message: 'field.self_inspection_item_unknown' });
    else if (seen.has(a.itemKey)) problems.push({ path: `answers.${i}.itemKey`, message: 'field.self_inspection_item_duplicate' });
    seen.add(a.itemKey);
  });
  return problems;
}

/**
 * What keeps a report from being submitted: an item without an answer; a non-conformity without a note (what
 * was found), a rectification owner or a deadline on or after the day of submission. Paths name the item key.
 */
export function submissionProblems(checklist: SelfInspectionChecklist, answers: readonly SelfInspectionAnswer[], on: string): ErrorDetail[] {
  const byKey = new Map(answers.map((a) => [a.itemKey, a]));
  const problems: ErrorDetail[] = [];
  for (const item of selfInspectionItems(checklist)) {
    const answer = byKey.get(item.key);
    if (!answer) {
      problems.push({ path: `answers.${item.key}.result`, message: 'field.self_inspection_unanswered' });
      continue;
    }
    if (answer.result !== 'non_conformant') continue;
    if (!answer.note) problems.push({ path: `answers.${item.key}.note`, message: 'field.required' });
    if (!answer.rectificationOwner) problems.push({ path: `answers.${item.key}.rectificationOwner`, message: 'field.required' });
    if (!answer.rectificationDueOn) problems.push({ path: `answers.${item.key}.rectificationDueOn`, message: 'field.required' });
    else if (answer.rectificationDueOn < on) problems.push({ path: `answers.${item.key}.rectificationDueOn`, message: 'field.self_inspection_due_in_past' });
  }
  return problems;
}
