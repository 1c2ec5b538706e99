import { describe, expect, it } from 'vitest';
import { INSPECTION_ANSWER_CODES, ZInspectionAnswer, ZInspectionAnswers, validateAnswers } from './answers.ts';
import type { InspectionAnswer } from './answers.ts';
import { HEALTH_FOOD_SALES_V1, checklistItems } from './checklists/index.ts';

const PHOTO = '3f1c2a4e-8b7d-4c6e-9a1b-2d3e4f5a6b7c';
const KEY_ITEM = 'hfs-1.1';
const GENERAL_ITEM = 'hfs-1.2';

function allPassed(): Record<string, InspectionAnswer> {
  return Object.fromEntries(checklistItems(HEALTH_FOOD_SALES_V1).map((item) => [item.id, { result: 'pass' as const }]));
}

describe('one answer (ZInspectionAnswer)', () => {
  it('accepts a pass, a n/a, and a documented fail', () => {
    expect(ZInspectionAnswer.safeParse({ result: 'pass' }).success).toBe(true);
    expect(ZInspectionAnswer.safeParse({ result: 'na', note: '无网络销售' }).success).toBe(true);
    const fail = ZInspectionAnswer.parse({ result: 'fail', note: '  专柜混放普通食品  ', disposition: 'fixed_on_site', photoIds: [PHOTO] });
    expect(fail.note).toBe('专柜混放普通食品');
  });

  it('requires a note on a fail and refuses a disposition or a safety flag on a pass', () => {
    const codes = (value: unknown) => (ZInspectionAnswer.safeParse(value).error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);
    expect(codes({ result: 'fail', disposition: 'rectification' })).toEqual([['note', 'inspection.note_required']]);
    expect(codes({ result: 'fail', note: '   ', disposition: 'rectification' })).toEqual([['note', 'inspection.note_required']]);
    expect(codes({ result: 'pass', disposition: 'rectification' })).toEqual([['disposition', 'inspection.disposition_not_allowed']]);
    expect(codes({ result: 'na', affectsSafety: true })).toEqual([['affectsSafety', 'inspection.affects_safety_not_allowed']]);
    expect(codes({ result: 'pass', affectsSafety: false })).toEqual([]);
  });

  it('limits notes and photos and refuses unknown fields', () => {
    expect(ZInspectionAnswer.safeParse({ result: 'fail', note: 'x'.repeat(2001), disposition: 'rectification' }).success).toBe(false);
    expect(ZInspectionAnswer.safeParse({ result: 'pass', photoIds: Array.from({ length: 11 }, () => PHOTO) }).success).toBe(false);
    expect(ZInspectionAnswer.safeParse({ result: 'pass', photoIds: ['not-a-uuid'] }).success).toBe(false);
    expect(ZInspectionAnswer.safeParse({ result: 'pass', remark: 'x' }).success).toBe(false);
    expect(ZInspectionAnswer.safeParse({ result: 'ok' }).success).toBe(false);
  });

  it('parses a record of answers by item id', () => {
    expect(ZInspectionAnswers.safeParse({ [KEY_ITEM]: { result: 'pass' }, [GENERAL_ITEM]: { result: 'na' } }).success).toBe(true);
    expect(ZInspectionAnswers.safeParse({ [KEY_ITEM]: { result: 'fail' } }).success).toBe(false);
  });
});

describe('answers against their checklist (validateAnswers)', () => {
  it('accepts a complete, consistent set of answers', () => {
    expect(validateAnswers(HEALTH_FOOD_SALES_V1, allPassed(), { complete: true })).toEqual([]);
  });

  it('lets a draft leave items open but not a finished inspection', () => {
    const draft = { [KEY_ITEM]: { result: 'pass' as const } };
    expect(validateAnswers(HEALTH_FOOD_SALES_V1, draft, { complete: false })).toEqual([]);
    const issues = validateAnswers(HEALTH_FOOD_SALES_V1, draft, { complete: true });
    expect(issues).toHaveLength(checklistItems(HEALTH_FOOD_SALES_V1).length - 1);
    expect(issues[0]).toEqual({ path: [GENERAL_ITEM], code: 'inspection.answer_missing' });
  });

  it('names answers to items the checklist does not have', () => {
    const answers = { ...allPassed(), 'hfs-9.9': { result: 'pass' as const }, constructor: { result: 'na' as const } };
    expect(validateAnswers(HEALTH_FOOD_SALES_V1, answers, { complete: false })).toEqual([
      { path: ['hfs-9.9'], code: 'inspection.unknown_item' },
      { path: ['constructor'], code: 'inspection.unknown_item' },
    ]);
  });

  it('requires a disposition on a failed general item unless it affects food safety', () => {
    const answers = allPassed();
    answers[GENERAL_ITEM] = { result: 'fail', note: '许可证未公示' };
    expect(validateAnswers(HEALTH_FOOD_SALES_V1, answers, { complete: true })).toEqual([
      { path: [GENERAL_ITEM, 'disposition'], code: 'inspection.disposition_required' },
    ]);
    answers[GENERAL_ITEM] = { result: 'fail', note: '许可证未公示', affectsSafety: true };
    expect(validateAnswers(HEALTH_FOOD_SALES_V1, answers, { complete: true })).toEqual([]);
    answers[GENERAL_ITEM] = { result: 'fail', note: '许可证未公示', disposition: 'fixed_on_site', affectsSafety: false };
    expect(validateAnswers(HEALTH_FOOD_SALES_V1, answers, { complete: true })).toEqual([]);
  });

  it('refuses a disposition on a failed key item, which is always a case lead', () => {
    const answers = allPassed();
    answers[KEY_ITEM] = { result: 'fail', note: '许可证过期', disposition: 'rectification' };
    expect(validateAnswers(HEALTH_FOOD_SALES_V1, answers, { complete: true })).toEqual([{ path: [KEY_ITEM, 'disposition'], code: 'inspection.disposition_not_allowed' }]);
  });

  it('repeats the rules of a single answer for answers that were not parsed', () => {
    const answers = allPassed();
    answers[KEY_ITEM] = { result: 'fail' };
    answers[GENERAL_ITEM] = { result: 'pass', disposition: 'fixed_on_site' };
    expect(validateAnswers(HEALTH_FOOD_SALES_V1, answers, { complete: true })).toEqual([
      { path: [KEY_ITEM, 'note'], code: 'inspection.note_required' },
      { path: [GENERAL_ITEM, 'disposition'], code: 'inspection.disposition_not_allowed' },
    ]);
  });

  it('uses only codes listed for translation', () => {
    const answers: Record<string, InspectionAnswer> = { ...allPassed(), [KEY_ITEM]: { result: 'fail', disposition: 'rectification' }, x: { result: 'pass' } };
    delete answers[GENERAL_ITEM];
    const issues = validateAnswers(HEALTH_FOOD_SALES_V1, answers, { complete: true });
    expect(issues.map((i) => i.code)).toEqual(['inspection.note_required', 'inspection.disposition_not_allowed', 'inspection.answer_missing', 'inspection.unknown_item']);
    for (const issue of issues) expect(INSPECTION_ANSWER_CODES).toContain(issue.code);
  });
});
