import { z } from 'zod';
import type { Localised } from '../i18n/locale.ts';
import { checklistItems } from './checklists/index.ts';
import type { ChecklistSeverity, ChecklistTemplate } from './checklists/types.ts';

/** The answer to one checklist item: 符合 (pass), 不符合 (fail) or 不适用 (not applicable). */
export const ANSWER_RESULTS = ['pass', 'fail', 'na'] as const;
export type AnswerResult = (typeof ANSWER_RESULTS)[number];

export const ANSWER_RESULT_NAMES: Record<AnswerResult, Localised> = {
  pass: { 'zh-CN': '符合', 'en-US': 'Pass' },
  fail: { 'zh-CN': '不符合', 'en-US': 'Fail' },
  na: { 'zh-CN': '不适用', 'en-US': 'Not applicable' },
};

/** What the inspector decided for a failed general item (49号令 第三十三条): 当场整改 or 限期整改. */
export const ANSWER_DISPOSITIONS = ['fixed_on_site', 'rectification'] as const;
export type AnswerDisposition = (typeof ANSWER_DISPOSITIONS)[number];

export const MAX_NOTE_LENGTH = 2000;
export const MAX_PHOTOS_PER_ANSWER = 10;

/** Problem codes of answers; each is an issue `code` (and a Zod issue `message`) to give a message to. */
export const INSPECTION_ANSWER_CODES = [
  'inspection.answer_missing',
  'inspection.unknown_item',
  'inspection.note_required',
  'inspection.disposition_required',
  'inspection.disposition_not_allowed',
  'inspection.affects_safety_not_allowed',
] as const;
export type InspectionAnswerCode = (typeof INSPECTION_ANSWER_CODES)[number];

/** One problem with the answers: `path` is `[itemId]` or `[itemId, field]`. */
export interface InspectionAnswerIssue {
  path: string[];
  code: InspectionAnswerCode;
}

interface AnswerFields {
  result: AnswerResult;
  note?: string | undefined;
  disposition?: AnswerDisposition | undefined;
  affectsSafety?: boolean | undefined;
}

/**
 * The cross-field rules of one answer. Without `severity` only the rules that hold for every item run; with
 * it, also those of its kind: a failed general item needs a disposition unless it affects food safety
 * (then it is a case lead, 49号令 第三十三条), and a failed key item takes no disposition (it is always a case
 * lead, 第三十二条).
 */
function answerIssues(answer: AnswerFields, severity?: ChecklistSeverity): { path: string[]; code: InspectionAnswerCode }[] {
  const issues: { path: string[]; code: InspectionAnswerCode }[] = [];
  if (answer.result === 'fail') {
    if (!answer.note?.trim()) issues.push({ path: ['note'], code: 'inspection.note_required' });
    if (severity === 'general' && !answer.disposition && answer.affectsSafety !== true) {
      issues.push({ path: ['disposition'], code: 'inspection.disposition_required' });
    }
    if (severity === 'key' && answer.disposition) issues.push({ path: ['disposition'], code: 'inspection.disposition_not_allowed' });
  } else {
    if (answer.disposition) issues.push({ path: ['disposition'], code: 'inspection.disposition_not_allowed' });
    if (answer.affectsSafety === true) issues.push({ path: ['affectsSafety'], code: 'inspection.affects_safety_not_allowed' });
  }
  return issues;
}

/**
 * One answer. Cross-field rules that do not depend on the item: a note on every fail; no disposition and no
 * "affects safety" on a pass or n/a. The rules that depend on the item's severity run in
 * {@link validateAnswers}. Issue messages are codes of {@link INSPECTION_ANSWER_CODES}.
 */
export const ZInspectionAnswer = z
  .strictObject({
    result: z.enum(ANSWER_RESULTS),
    note: z.string().trim().max(MAX_NOTE_LENGTH).optional(),
    /** Only for a failed general item. */
    disposition: z.enum(ANSWER_DISPOSITIONS).optional(),
    /** A failed general item that affects food safety: a case lead instead of a disposition. */
    affectsSafety: z.boolean().optional(),
    photoIds: z.array(z.uuid()).max(MAX_PHOTOS_PER_ANSWER).optional(),
  })
  .superRefine((answer, ctx) => {
    for (const issue of answerIssues(answer)) ctx.addIssue({ code: 'custom', message: issue.code, path: issue.path });
  });
export type InspectionAnswer = z.infer<typeof ZInspectionAnswer>;

/** Answers keyed by checklist item id. */
export const ZInspectionAnswers = z.record(z.string().min(1).max(50), ZInspectionAnswer);
export type InspectionAnswers = z.infer<typeof ZInspectionAnswers>;

/** The answer to `itemId`, reading own keys only (an item id like `constructor` must not reach the prototype). */
export function answerOf(answers: Readonly<Record<string, InspectionAnswer>>, itemId: string): InspectionAnswer | undefined {
  return Object.hasOwn(answers, itemId) ? answers[itemId] : undefined;
}

/**
 * Checks answers against their checklist: answers to ids the template does not have, every answer's
 * cross-field rules including those of its item's severity, and with `complete` (finishing the inspection:
 * 49号令 第二十七条, every item is covered) an answer for every item. Issues come in checklist order, then
 * the unknown ids; an empty list means valid.
 */
export function validateAnswers(
  template: ChecklistTemplate,
  answers: Readonly<Record<string, InspectionAnswer>>,
  options: { complete: boolean },
): InspectionAnswerIssue[] {
  const issues: InspectionAnswerIssue[] = [];
  const items = checklistItems(template);
  for (const item of items) {
    const answer = answerOf(answers, item.id);
    if (!answer) {
      if (options.complete) issues.push({ path: [item.id], code: 'inspection.answer_missing' });
      continue;
    }
    for (const issue of answerIssues(answer, item.severity)) issues.push({ path: [item.id, ...issue.path], code: issue.code });
  }
  const known = new Set(items.map((item) => item.id));
  for (const itemId of Object.keys(answers)) {
    if (!known.has(itemId)) issues.push({ path: [itemId], code: 'inspection.unknown_item' });
  }
  return issues;
}
