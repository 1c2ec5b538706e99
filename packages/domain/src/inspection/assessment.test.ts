import { describe, expect, it } from 'vitest';
import type { InspectionAnswer } from './answers.ts';
import { INSPECTION_OUTCOMES, INSPECTION_OUTCOME_NAMES, FINDING_DISPOSITION_NAMES, assessInspection } from './assessment.ts';
import { CHECKLIST_SEVERITY_NAMES, SPECIAL_FOOD_PRODUCTION_V1, checklistItems } from './checklists/index.ts';

const TEMPLATE = SPECIAL_FOOD_PRODUCTION_V1;
const ITEMS = checklistItems(TEMPLATE);
const KEY = ITEMS.find((i) => i.severity === 'key');
const GENERALS = ITEMS.filter((i) => i.severity === 'general');

function answered(changes: Record<string, InspectionAnswer>): Record<string, InspectionAnswer> {
  return { ...Object.fromEntries(ITEMS.map((item) => [item.id, { result: 'pass' as const }])), ...changes };
}

describe('assessing an inspection (49号令 第三十二条、第三十三条)', () => {
  const [g1, g2, g3] = GENERALS;
  if (!KEY || !g1 || !g2 || !g3) throw new Error('the production checklist needs key and general items');

  it('is compliant when nothing failed, and counts what was checked', () => {
    const answers = answered({ [g1.id]: { result: 'na' } });
    expect(assessInspection(TEMPLATE, answers)).toEqual({
      findings: [],
      outcome: 'compliant',
      counts: { checked: ITEMS.length, passed: ITEMS.length - 1, failed: 0, notApplicable: 1, keyFailed: 0, generalFailed: 0 },
    });
  });

  it('takes the inspector’s disposition for a minor general failure', () => {
    const fixed = assessInspection(TEMPLATE, answered({ [g1.id]: { result: 'fail', note: '清场记录缺一批', disposition: 'fixed_on_site' } }));
    expect(fixed.outcome).toBe('fixed_on_site');
    expect(fixed.findings).toEqual([{ itemId: g1.id, key: g1.key, severity: 'general', disposition: 'fixed_on_site', note: '清场记录缺一批' }]);
    const both = assessInspection(
      TEMPLATE,
      answered({ [g1.id]: { result: 'fail', note: 'a', disposition: 'fixed_on_site' }, [g2.id]: { result: 'fail', note: 'b', disposition: 'rectification' } }),
    );
    expect(both.outcome).toBe('rectification');
    expect(both.counts).toMatchObject({ failed: 2, generalFailed: 2, keyFailed: 0 });
  });

  it('makes a failed key item a case lead, whatever else failed', () => {
    const result = assessInspection(
      TEMPLATE,
      answered({ [KEY.id]: { result: 'fail', note: '未按注册配方生产' }, [g1.id]: { result: 'fail', note: 'x', disposition: 'fixed_on_site' } }),
    );
    expect(result.outcome).toBe('case_lead');
    expect(result.findings.find((f) => f.itemId === KEY.id)).toMatchObject({ key: KEY.key, severity: 'key', disposition: 'case_lead' });
    expect(result.counts).toMatchObject({ failed: 2, keyFailed: 1, generalFailed: 1 });
  });

  it('makes a general failure that affects food safety a case lead', () => {
    const result = assessInspection(TEMPLATE, answered({ [g3.id]: { result: 'fail', note: '洁净区压差长期不达标', affectsSafety: true, disposition: 'rectification' } }));
    expect(result.outcome).toBe('case_lead');
    expect(result.findings).toEqual([{ itemId: g3.id, key: g3.key, severity: 'general', disposition: 'case_lead', note: '洁净区压差长期不达标' }]);
  });

  it('lists findings in checklist order and ignores unknown ids and open items', () => {
    const answers: Record<string, InspectionAnswer> = {
      [g2.id]: { result: 'fail', note: 'b', disposition: 'rectification' },
      [g1.id]: { result: 'fail', note: 'a', disposition: 'rectification' },
      'sfp-9.9': { result: 'fail', note: 'unknown' },
    };
    const result = assessInspection(TEMPLATE, answers);
    expect(result.findings.map((f) => f.itemId)).toEqual([g1.id, g2.id]);
    expect(result.counts.checked).toBe(2);
  });

  it('names every outcome, disposition and severity in both languages', () => {
    for (const outcome of INSPECTION_OUTCOMES) expect(INSPECTION_OUTCOME_NAMES[outcome]['zh-CN']).not.toBe('');
    expect(FINDING_DISPOSITION_NAMES.case_lead).toEqual({ 'zh-CN': '案件线索', 'en-US': 'Case lead' });
    expect(CHECKLIST_SEVERITY_NAMES.key['zh-CN']).toBe('重点项');
  });
});
