import { describe, expect, it } from 'vitest';
import { PRODUCT_CATEGORIES } from '../registry/vocabulary.ts';
import { SELF_INSPECTION_CHECKLISTS, selfInspectionChecklistFor, selfInspectionItems } from './checklists.ts';
import { selfInspectionAnswerSchema, submissionProblems, unknownAnswerProblems } from './schemas.ts';

describe('self-inspection checklists', () => {
  it('have unique ids, unique item keys, both languages, a source and a basis per item', () => {
    expect(new Set(SELF_INSPECTION_CHECKLISTS.map((c) => c.id)).size).toBe(SELF_INSPECTION_CHECKLISTS.length);
    for (const c of SELF_INSPECTION_CHECKLISTS) {
      expect(c.id).toBe(`${c.code}@${c.version}`);
      expect(c.source.length).toBeGreaterThan(0);
      const items = selfInspectionItems(c);
      expect(items.length).toBeGreaterThan(3);
      expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
      for (const i of items) {
        expect(i.text['zh-CN'].length).toBeGreaterThan(0);
        expect(i.text['en-US'].length).toBeGreaterThan(0);
        expect(i.basis.length).toBeGreaterThan(0);
      }
    }
  });

  it('cover every special-food category, unconfirmed lists marked as such', () => {
    for (const category of PRODUCT_CATEGORIES) expect(selfInspectionChecklistFor(category).categories).toContain(category);
    expect(selfInspectionChecklistFor('health_food').id).toBe('health-food-self-inspection@1');
    expect(SELF_INSPECTION_CHECKLISTS.every((c) => c.confirmed === false)).toBe(true);
  });
});

describe('answers', () => {
  const checklist = selfInspectionChecklistFor('infant_formula');
  const items = selfInspectionItems(checklist);
  const answer = (itemKey: string, extra: object = {}) => selfInspectionAnswerSchema.parse({ itemKey, result: 'conformant', ...extra });

  it('names answers to items of another checklist and items answered twice', () => {
    const first = items[0]!.key;
    expect(unknownAnswerProblems(checklist, [answer(first), answer('HF-1.1'), answer(first)])).toEqual([
      { path: 'answers.1.itemKey', message: 'field.self_inspection_item_unknown' },
      { path: 'answers.2.itemKey', message: 'field.self_inspection_item_duplicate' },
    ]);
  });

  it('submits only when every item is answered and every non-conformity has its finding, owner and a deadline not in the past', () => {
    const [a, b, c, ...rest] = items.map((i) => i.key);
    const answers = [
      answer(a!, { result: 'non_conformant' }),
      answer(b!, { result: 'non_conformant', note: '温湿度记录缺失', rectificationOwner: '张伟', rectificationDueOn: '2026-01-01' }),
      answer(c!, { result: 'non_conformant', note: '供应商审核过期', rectificationOwner: '张伟', rectificationDueOn: '2026-03-01' }),
      ...rest.slice(1).map((k) => answer(k, { result: 'not_applicable' })),
    ];
    expect(submissionProblems(checklist, answers, '2026-02-01')).toEqual([
      { path: `answers.${a}.note`, message: 'field.required' },
      { path: `answers.${a}.rectificationOwner`, message: 'field.required' },
      { path: `answers.${a}.rectificationDueOn`, message: 'field.required' },
      { path: `answers.${b}.rectificationDueOn`, message: 'field.self_inspection_due_in_past' },
      { path: `answers.${rest[0]}.result`, message: 'field.self_inspection_unanswered' },
    ]);
    const complete = items.map((i) => answer(i.key));
    expect(submissionProblems(checklist, complete, '2026-02-01')).toEqual([]);
  });
});
