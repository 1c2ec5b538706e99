import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CN_2016_TRIAL_SHANGHAI_1 as RULES } from '../risk/rule-sets/cn-2016-trial.ts';
import { RISK_GRADES } from '../risk/risk-rules.ts';
import type { RiskGrade, RiskRuleSet } from '../risk/risk-rules.ts';
import { generatePlan } from './generate-plan.ts';
import { isFullChecklistDue } from './plan-reasons.ts';
import { ZInspectionPlanInput } from './plan-types.ts';
import type { InspectionPlanDraft, InspectionPlanInput, PlanEnterprise } from './plan-types.ts';

const RECENT = '2025-06-01';

const enterprise = (id: string, over: Partial<PlanEnterprise> = {}): PlanEnterprise => ({
  id,
  kinds: ['seller'],
  specialFoodProducer: false,
  grade: 'A',
  lastFullInspectionOn: RECENT,
  ...over,
});

const plan = (enterprises: PlanEnterprise[], rules: RiskRuleSet = RULES, over: Partial<InspectionPlanInput> = {}): InspectionPlanDraft =>
  generatePlan({ year: 2026, enterprises, inspectorCount: 10, visitsPerInspectorPerMonth: 8, inspectorsPerInspection: 2, ...over }, rules);

const item = (p: InspectionPlanDraft, id: string) => {
  const found = p.items.find((i) => i.enterpriseId === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};

/** A and B need no routine inspection: only the full-checklist rule and coverage targets plan them. */
const ZERO_MINIMA: RiskRuleSet = {
  ...RULES,
  frequency: { ...RULES.frequency, perGrade: { ...RULES.frequency.perGrade, A: { min: 0, max: 1 }, B: { min: 0, max: 2 } } },
};

describe('required inspections', () => {
  it('takes each grade minimum, and plans an ungraded enterprise as B with a reason', () => {
    const p = plan([enterprise('a'), enterprise('b', { grade: 'B' }), enterprise('c', { grade: 'C' }), enterprise('d', { grade: 'D' }), enterprise('n', { grade: null })]);
    expect(p.items.map((i) => [i.enterpriseId, i.required])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 2],
      ['d', 3],
      ['n', 1],
    ]);
    expect(item(p, 'n')).toMatchObject({ grade: null, plannedAsGrade: 'B' });
    expect(item(p, 'n').reasons[0]?.['en-US']).toBe('not graded yet: planned as grade B');
    expect(item(p, 'c').reasons[0]?.['en-US']).toContain('grade C: 2–3 inspections a year');
    expect(p.totals.ungraded).toBe(1);
  });

  it('makes a full-checklist inspection due when none falls in the last two calendar years, and raises a zero minimum to one', () => {
    expect([null, '2024-12-31', '2025-01-01', '2026-03-01'].map((d) => isFullChecklistDue(d, 2026, 2))).toEqual([true, true, false, false]);
    const warehouses = ['never', 'lapsed', 'recent'].map((id) => ({ id, kinds: ['warehouse'], specialFoodProducer: false, grade: 'A' as const }));
    const p = plan(
      [
        { ...warehouses[0]!, lastFullInspectionOn: null },
        { ...warehouses[1]!, lastFullInspectionOn: '2024-11-30' },
        { ...warehouses[2]!, lastFullInspectionOn: '2025-02-01' },
      ],
      ZERO_MINIMA,
    );
    expect(p.items.map((i) => [i.enterpriseId, i.fullChecklistDue, i.required])).toEqual([
      ['lapsed', true, 1],
      ['never', true, 1],
      ['recent', false, 0],
    ]);
    expect(item(p, 'lapsed').reasons.map((r) => r['en-US'])).toEqual([
      'grade A: 0–1 inspections a year, planned at the minimum of 0',
      'no full-checklist inspection since 2025-01-01: one is due this year (at least once every 2 years, 食品生产经营监督检查管理办法（总局令第49号）第二十二条第一款)',
      'raised to 1 for the full-checklist inspection',
    ]);
    expect(item(p, 'recent').months).toEqual([]);
  });
});

describe('priority targets (49号令 §22 ¶2)', () => {
  it('flags special-food producers, C and D producers and D sellers only', () => {
    const p = plan([
      enterprise('p-special-a', { kinds: ['producer'], specialFoodProducer: true, grade: 'A' }),
      enterprise('p-b', { kinds: ['producer'], grade: 'B' }),
      enterprise('p-c', { kinds: ['producer'], grade: 'C' }),
      enterprise('p-d', { kinds: ['producer'], grade: 'D' }),
      enterprise('p-ungraded', { kinds: ['producer'], grade: null }),
      enterprise('s-c', { grade: 'C' }),
      enterprise('s-d', { grade: 'D' }),
      enterprise('o-d', { kinds: ['online_seller'], grade: 'D' }),
    ]);
    expect(p.items.filter((i) => i.priority).map((i) => i.enterpriseId)).toEqual(['o-d', 'p-c', 'p-d', 'p-special-a', 's-d']);
    expect(item(p, 'p-special-a').reasons.at(-1)?.['zh-CN']).toMatch(/^特殊食品生产企业，列为重点监督检查对象/);
    expect(item(p, 's-d').reasons.at(-1)?.['en-US']).toMatch(/^grade D seller: priority target/);
    expect(p.totals.priority).toBe(5);
  });
});

describe('months and workload', () => {
  it('spaces each enterprise’s inspections 12 / n months apart, within 1..12', () => {
    const p = plan(RISK_GRADES.flatMap((grade) => Array.from({ length: 7 }, (_, i) => enterprise(`${grade}-${i}`, { grade }))));
    for (const i of p.items) {
      expect(i.months).toHaveLength(i.required);
      expect(i.months.every((m) => Number.isInteger(m) && m >= 1 && m <= 12)).toBe(true);
      const gaps = i.months.slice(1).map((m, k) => m - (i.months[k] ?? 0));
      expect(gaps.every((g) => g === 12 / i.required)).toBe(true);
    }
  });

  it('levels the monthly workload: 1,200 single-inspection enterprises give 100 a month', () => {
    const p = plan(Array.from({ length: 1200 }, (_, i) => enterprise(`e${String(i).padStart(4, '0')}`)));
    expect(p.workload.map((w) => w.inspections)).toEqual(Array.from({ length: 12 }, () => 100));
  });

  it('keeps a realistic mix within one inspection of level, and adds up to the plan', () => {
    const grades: RiskGrade[] = ['A', 'A', 'A', 'B', 'B', 'B', 'B', 'C', 'C', 'D'];
    const p = plan(Array.from({ length: 997 }, (_, i) => enterprise(`e${i}`, { grade: grades[i % grades.length] ?? 'A' })));
    const loads = p.workload.map((w) => w.inspections);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    const required = p.items.reduce((sum, i) => sum + i.required, 0);
    expect(loads.reduce((a, b) => a + b, 0)).toBe(required);
    expect(p.totals.inspections).toBe(required);
    expect(p.totals.inspectorVisits).toBe(required * 2);
  });

  it('reports inspector visits against capacity per month', () => {
    const p = plan(Array.from({ length: 60 }, (_, i) => enterprise(`e${i}`)), RULES, { inspectorCount: 4, visitsPerInspectorPerMonth: 2.5 });
    expect(p.workload[0]).toEqual({ month: 1, inspections: 5, inspectorVisits: 10, capacity: 10, overCapacity: false });
    const tight = plan(Array.from({ length: 72 }, (_, i) => enterprise(`e${i}`)), RULES, { inspectorCount: 4, visitsPerInspectorPerMonth: 2.5 });
    expect(tight.workload.every((w) => w.inspectorVisits === 12 && w.overCapacity)).toBe(true);
    expect([tight.totals.overCapacityMonths, tight.totals.annualCapacity]).toEqual([12, 120]);
  });
});

describe('coverage', () => {
  it('reports full coverage when every grade has a minimum of at least one', () => {
    const p = plan([enterprise('p', { kinds: ['producer'] }), enterprise('s1'), enterprise('s2', { kinds: ['producer', 'seller'] })]);
    expect(p.coverage.producers).toEqual({ total: 2, planned: 2, ratio: 1, target: 1, met: true });
    expect(p.coverage.sellers).toEqual({ total: 2, planned: 2, ratio: 1, target: 0.5, met: true });
  });

  it('raises producers to 100 % and sellers to at least 50 %, the longest-uninspected first', () => {
    const p = plan(
      [
        enterprise('p1', { kinds: ['producer'] }),
        enterprise('p2', { kinds: ['producer'], grade: 'B' }),
        enterprise('s1', { lastFullInspectionOn: '2025-09-01' }),
        enterprise('s2', { lastFullInspectionOn: '2025-03-01' }),
        enterprise('s3', { lastFullInspectionOn: '2025-05-01' }),
        enterprise('s4', { lastFullInspectionOn: '2025-01-02', grade: 'C' }),
        enterprise('s5', { lastFullInspectionOn: '2025-12-01' }),
      ],
      ZERO_MINIMA,
    );
    expect(p.coverage.producers).toEqual({ total: 2, planned: 2, ratio: 1, target: 1, met: true });
    // s4 is planned by its grade; ceil(5 × 50 %) = 3 needs two more: s2 and s3, the oldest.
    expect(p.items.filter((i) => i.required > 0).map((i) => i.enterpriseId)).toEqual(['p1', 'p2', 's2', 's3', 's4']);
    expect(p.coverage.sellers).toEqual({ total: 5, planned: 3, ratio: 0.6, target: 0.5, met: true });
    expect(item(p, 's2').reasons.at(-1)?.['en-US']).toMatch(/^raised to 1 to meet the sellers' yearly coverage target of 50%/);
  });
});

describe('determinism and scale', () => {
  const arbitraryEnterprise = fc.record({
    id: fc.string({ minLength: 1, maxLength: 6 }),
    kinds: fc.subarray(['producer', 'seller', 'online_seller', 'warehouse'], { minLength: 1 }),
    specialFoodProducer: fc.boolean(),
    grade: fc.constantFrom<RiskGrade | null>(null, ...RISK_GRADES),
    lastFullInspectionOn: fc.constantFrom<string | null>(null, '2023-05-05', '2024-12-31', '2025-07-07'),
  });

  it('gives the same plan for the same enterprises in any order, with months in range (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(arbitraryEnterprise, { selector: (e) => e.id, maxLength: 60 }), fc.boolean(), (enterprises, zeroMinima) => {
        const rules = zeroMinima ? ZERO_MINIMA : RULES;
        const forward = plan(enterprises, rules);
        expect(plan([...enterprises].reverse(), rules)).toEqual(forward);
        expect(forward.workload.reduce((sum, w) => sum + w.inspections, 0)).toBe(forward.items.reduce((sum, i) => sum + i.required, 0));
        for (const i of forward.items) expect(i.months.every((m) => m >= 1 && m <= 12)).toBe(true);
        expect(forward.coverage.producers.met && forward.coverage.sellers.met).toBe(true);
      }),
    );
  });

  it('plans 100,000 enterprises', () => {
    const grades: (RiskGrade | null)[] = ['A', 'B', 'B', 'C', 'D', null];
    const enterprises = Array.from({ length: 100_000 }, (_, i) =>
      enterprise(`e${i}`, {
        kinds: i % 10 === 0 ? ['producer'] : ['seller'],
        specialFoodProducer: i % 20 === 0,
        grade: grades[i % grades.length] ?? null,
        lastFullInspectionOn: i % 3 === 0 ? null : RECENT,
      }),
    );
    const p = plan(enterprises, RULES, { inspectorCount: 400, visitsPerInspectorPerMonth: 40 });
    expect(p.items).toHaveLength(100_000);
    expect(p.totals.inspections).toBe(p.workload.reduce((sum, w) => sum + w.inspections, 0));
    expect(p.coverage.producers.ratio).toBe(1);
  });
});

describe('plan input schema', () => {
  it('refuses duplicate ids, a single inspector and a bad date, naming each', () => {
    const result = ZInspectionPlanInput.safeParse({
      year: 2026,
      enterprises: [enterprise('x'), enterprise('x', { lastFullInspectionOn: '2025-02-30x' })],
      inspectorCount: 10,
      visitsPerInspectorPerMonth: 8,
      inspectorsPerInspection: 1,
    });
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['enterprises.1.id', 'enterprises.1.lastFullInspectionOn', 'inspectorsPerInspection']);
  });
});
