import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { explainAssessment } from './explain-assessment.ts';
import { gradeEnterprise } from './grade-enterprise.ts';
import type { RiskAssessment } from './risk-assessment.ts';
import type { TGradeEnterpriseInput, TProductionRiskFacts, TRiskInspection, TSalesRiskFacts, TUpgradeTriggerEvent } from './risk-facts.ts';
import { CN_2016_TRIAL_SHANGHAI_1 as RULES } from './rule-sets/cn-2016-trial.ts';
import { ENTERPRISE_SCALES, gradeForScore, PRODUCTION_FOOD_CATEGORIES, RISK_GRADES, SALES_SPECIAL_FOOD_ITEMS, shiftGrade } from './risk-rules.ts';
import type { RiskGrade, RiskRuleSet } from './risk-rules.ts';

const bigInfantFormulaProducer: TProductionRiskFacts = {
  foodCategories: ['infant_formula', 'general'],
  scale: 'large',
  employees: 800,
  hasExtraction: false,
  sharedLineWithGeneralFood: true,
  outsourcedProcessing: false,
};

const smallHealthFoodShop: TSalesRiskFacts = {
  areaM2: 30,
  prepackagedSkus: { ambient: 12, chilled: 0, frozen: 0 },
  bulkSkus: { ambient: 0, chilled: 0, frozen: 0 },
  supplierCount: 3,
  specialFoodItems: ['health_food'],
  onlineSales: false,
};

/** A small general-food producer: static 5 (general) + 2 (small) + 1 (≤20 employees) = 8. */
const smallProducer: TProductionRiskFacts = {
  foodCategories: ['general'],
  scale: 'small',
  employees: 10,
  hasExtraction: false,
  sharedLineWithGeneralFood: false,
  outsourcedProcessing: false,
};

const clean = (on: string): TRiskInspection => ({ on, keyItemsFailed: 0, generalItemsFailed: 0, itemsChecked: 80 });

function production(facts: TProductionRiskFacts, rest: Partial<Omit<TGradeEnterpriseInput, 'sector' | 'facts'>> = {}): TGradeEnterpriseInput {
  return { sector: 'production', facts, inspections: [], triggers: [], previousGrade: null, consecutiveCompliantYears: 0, ...rest };
}

/** Small producer (static 8) whose one inspection adds `keyFailed` × 10 dynamic points. */
function smallProducerWithKeyFailures(keyFailed: number, rest: Partial<Omit<TGradeEnterpriseInput, 'sector' | 'facts'>> = {}): TGradeEnterpriseInput {
  return production(smallProducer, {
    inspections: [{ on: '2025-04-01', keyItemsFailed: keyFailed, generalItemsFailed: 0, itemsChecked: 80 }],
    ...rest,
  });
}

const pointsOf = (a: RiskAssessment, factor: string): number | null | undefined => a.lines.find((l) => l.factor === factor)?.points;
const partSum = (a: RiskAssessment, part: 'static' | 'dynamic'): number =>
  a.lines.filter((l) => l.part === part).reduce((total, l) => total + (l.points ?? 0), 0);

describe('static banding', () => {
  it('puts a large infant-formula producer high and names the category that counted', () => {
    const a = gradeEnterprise(production(bigInfantFormulaProducer), RULES);
    expect(a.staticScore).toBe(15 + 8 + 4 + 0 + 4 + 0);
    expect(pointsOf(a, 'foodCategory')).toBe(15);
    expect(pointsOf(a, 'scale')).toBe(8);
    expect(pointsOf(a, 'employees')).toBe(4);
    expect(pointsOf(a, 'sharedLineWithGeneralFood')).toBe(4);
    const category = a.lines.find((l) => l.factor === 'foodCategory');
    expect(category?.value).toBe('infant_formula, general');
    expect(category?.note?.['en-US']).toContain('Infant formula');
  });

  it('puts a small shop selling a few ambient health foods low, band by band', () => {
    const a = gradeEnterprise({ ...production(smallProducer), sector: 'sales', facts: smallHealthFoodShop }, RULES);
    expect(pointsOf(a, 'areaM2')).toBe(1);
    expect(pointsOf(a, 'prepackagedSkus.ambient')).toBe(2);
    expect(pointsOf(a, 'prepackagedSkus.chilled')).toBe(0);
    expect(pointsOf(a, 'bulkSkus.frozen')).toBe(0);
    expect(pointsOf(a, 'supplierCount')).toBe(1);
    expect(pointsOf(a, 'specialFoodItems')).toBe(4);
    expect(pointsOf(a, 'onlineSales')).toBe(0);
    expect(a.staticScore).toBe(8);
    expect(a.lines.find((l) => l.factor === 'areaM2')).toMatchObject({ value: '30 m²', note: { 'en-US': 'band ≤ 50 m²' } });
  });

  it('reads band edges as inclusive upper bounds', () => {
    const at = (areaM2: number) =>
      pointsOf(gradeEnterprise({ ...production(smallProducer), sector: 'sales', facts: { ...smallHealthFoodShop, areaM2 } }, RULES), 'areaM2');
    expect([at(50), at(50.5), at(200), at(1000), at(1000.1)]).toEqual([1, 2, 2, 4, 6]);
  });

  it('caps the static score at 40 and shows the cut as its own line', () => {
    const hypermarket: TSalesRiskFacts = {
      areaM2: 12_000,
      prepackagedSkus: { ambient: 9_000, chilled: 600, frozen: 400 },
      bulkSkus: { ambient: 300, chilled: 80, frozen: 60 },
      supplierCount: 900,
      specialFoodItems: ['health_food', 'infant_formula', 'fsmp'],
      onlineSales: true,
    };
    const a = gradeEnterprise({ ...production(smallProducer), sector: 'sales', facts: hypermarket }, RULES);
    expect(a.staticScore).toBe(40);
    expect(a.lines.find((l) => l.factor === 'static_cap')).toMatchObject({ value: '45', points: -5 });
    expect(partSum(a, 'static')).toBe(40);
  });
});

describe('dynamic score', () => {
  it("uses the rule set's default without an inspection, and says so", () => {
    const a = gradeEnterprise(production(smallProducer), RULES);
    expect(a.dynamicScore).toBe(RULES.dynamic.defaultWithoutInspection);
    expect(a.lines.find((l) => l.part === 'dynamic')).toMatchObject({ factor: 'no_inspection', points: RULES.dynamic.defaultWithoutInspection });
  });

  it('counts the worst inspection of the year only, and caps at 60', () => {
    const a = gradeEnterprise(
      production(smallProducer, {
        inspections: [
          { on: '2025-09-01', keyItemsFailed: 0, generalItemsFailed: 1, itemsChecked: 80 },
          { on: '2025-03-01', keyItemsFailed: 1, generalItemsFailed: 3, itemsChecked: 80 },
        ],
      }),
      RULES,
    );
    expect(a.dynamicScore).toBe(16);
    expect(a.lines.filter((l) => l.part === 'dynamic').map((l) => [l.value, l.points])).toEqual([
      ['2025-03-01', 16],
      ['2025-09-01', null],
    ]);
    const capped = gradeEnterprise(smallProducerWithKeyFailures(7), RULES);
    expect(capped.dynamicScore).toBe(60);
    expect(partSum(capped, 'dynamic')).toBe(60);
  });
});

describe('thresholds (A ≤ 30 < B ≤ 45 < C ≤ 60 < D)', () => {
  it('places totals on and just past each boundary', () => {
    const grade = (total: number) => gradeForScore(RULES, total).grade;
    expect([grade(0), grade(30), grade(30.5), grade(45), grade(45.5), grade(60), grade(60.5), grade(100)]).toEqual(['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D']);
  });

  it('grades a total of exactly 30 A and 30.5 B, and the threshold line says which band placed it', () => {
    const halfPoint: RiskRuleSet = { ...RULES, dynamic: { ...RULES.dynamic, pointsPerFailedGeneralItem: 0.5 } };
    const withGeneral = (generalItemsFailed: number) =>
      gradeEnterprise(production(smallProducer, { inspections: [{ on: '2025-05-05', keyItemsFailed: 2, generalItemsFailed, itemsChecked: 80 }] }), halfPoint);
    const thirty = withGeneral(4);
    expect([thirty.totalScore, thirty.scoreGrade]).toEqual([30, 'A']);
    expect(thirty.lines.find((l) => l.part === 'threshold')?.note?.['en-US']).toMatch(/^30 ≤ 30: grade A/);
    const thirtyAndHalf = withGeneral(5);
    expect([thirtyAndHalf.totalScore, thirtyAndHalf.scoreGrade]).toEqual([30.5, 'B']);
    expect(thirtyAndHalf.lines.find((l) => l.part === 'threshold')?.note?.['en-US']).toMatch(/^30 < 30.5 ≤ 45: grade B/);
    // 8 + 52 = 60 → C; 8 + 52.5 = 60.5 → D.
    const sixty = gradeEnterprise(production(smallProducer, { inspections: [{ on: '2025-05-05', keyItemsFailed: 5, generalItemsFailed: 4, itemsChecked: 80 }] }), halfPoint);
    expect([sixty.totalScore, sixty.scoreGrade]).toEqual([60, 'C']);
    const above = gradeEnterprise(production(smallProducer, { inspections: [{ on: '2025-05-05', keyItemsFailed: 5, generalItemsFailed: 5, itemsChecked: 80 }] }), halfPoint);
    expect([above.totalScore, above.scoreGrade]).toEqual([60.5, 'D']);
    expect(above.lines.find((l) => l.part === 'threshold')?.note?.['en-US']).toMatch(/^60.5 > 60: grade D/);
  });
});

describe('upgrade triggers (升级情形)', () => {
  const trigger = (kind: TUpgradeTriggerEvent['kind'], occurredOn = '2025-06-01'): TUpgradeTriggerEvent => ({ kind, occurredOn });
  // Static 8 + dynamic 30 = 38 → B.
  const gradeB = (triggers: TUpgradeTriggerEvent[], rules: RiskRuleSet = RULES) => gradeEnterprise(smallProducerWithKeyFailures(3, { triggers }), rules);

  it('moves up one grade for a failed supervisory sampling and two for an incident', () => {
    expect(gradeB([]).grade).toBe('B');
    const sampling = gradeB([trigger('failed_supervisory_sampling')]);
    expect([sampling.scoreGrade, sampling.grade]).toEqual(['B', 'C']);
    expect(gradeB([trigger('food_safety_incident')]).grade).toBe('D');
  });

  it('takes the largest step of several triggers rather than their sum, unless the rule set says sum', () => {
    const several = [trigger('failed_supervisory_sampling', '2025-02-01'), trigger('obstructed_inspection', '2025-03-01')];
    const a = gradeEnterprise(smallProducerWithKeyFailures(0, { triggers: several }), RULES);
    expect([a.scoreGrade, a.grade]).toEqual(['A', 'B']);
    const summing: RiskRuleSet = { ...RULES, combineTriggers: 'sum' };
    expect(gradeEnterprise(smallProducerWithKeyFailures(0, { triggers: several }), summing).grade).toBe('C');
  });

  it('never goes above D and says the cap applied', () => {
    const a = gradeEnterprise(smallProducerWithKeyFailures(4, { triggers: [trigger('food_safety_incident')] }), RULES);
    expect([a.scoreGrade, a.grade]).toEqual(['C', 'D']);
    const summary = a.lines.find((l) => l.factor === 'upgrade');
    expect(summary?.value).toBe('C → D');
    expect(summary?.note?.['en-US']).toContain('D is the highest grade');
    expect(gradeEnterprise(smallProducerWithKeyFailures(6, { triggers: [trigger('failed_to_recall')] }), RULES).grade).toBe('D');
  });

  it('names each trigger with its date and step in the lines and the sentences', () => {
    const a = gradeB([trigger('food_safety_incident', '2025-07-15'), trigger('failed_supervisory_sampling', '2025-03-02')]);
    const triggerLines = a.lines.filter((l) => l.part === 'trigger');
    expect(triggerLines.map((l) => [l.factor, l.value])).toEqual([
      ['failed_supervisory_sampling', '2025-03-02'],
      ['food_safety_incident', '2025-07-15'],
      ['upgrade', 'B → D'],
    ]);
    expect(triggerLines[1]?.label['zh-CN']).toBe('发生食品安全事故');
    expect(explainAssessment(a, 'zh-CN').some((s) => s.includes('发生食品安全事故：2025-07-15') && s.includes('上调 2 级'))).toBe(true);
    expect(explainAssessment(a, 'en-US').some((s) => s.includes('Food safety incident: 2025-07-15') && s.includes('Up 2 grades'))).toBe(true);
  });
});

describe('downgrade (降级)', () => {
  // Under the shipped thresholds a clean small producer (8 points) is A already; with A ending at 5 the same
  // record scores B, so the step down shows.
  const strict: RiskRuleSet = { ...RULES, thresholds: [{ grade: 'A', maxScore: 5 }, ...RULES.thresholds.slice(1)] };
  const eligible = (over: Partial<Omit<TGradeEnterpriseInput, 'sector' | 'facts'>> = {}) =>
    production(smallProducer, { inspections: [clean('2025-03-01'), clean('2025-10-01')], consecutiveCompliantYears: 3, previousGrade: 'B', ...over });

  it('moves down one grade when every condition holds', () => {
    const a = gradeEnterprise(eligible(), strict);
    expect([a.scoreGrade, a.grade, a.movement]).toEqual(['B', 'A', 'down']);
    expect(a.lines.find((l) => l.part === 'downgrade')).toMatchObject({ value: 'B → A' });
  });

  it('does not move when any one condition fails, and names the failed condition', () => {
    const cases: [Partial<Omit<TGradeEnterpriseInput, 'sector' | 'facts'>>, RegExp][] = [
      [{ consecutiveCompliantYears: 2 }, /2 consecutive compliant years, fewer than 3/],
      [{ inspections: [] }, /0 inspections in the year, fewer than 1/],
      [{ inspections: [clean('2025-03-01'), { ...clean('2025-10-01'), generalItemsFailed: 1 }] }, /1 inspections had failed items/],
    ];
    for (const [over, reason] of cases) {
      const a = gradeEnterprise(eligible(over), strict);
      expect(a.grade).toBe(a.scoreGrade);
      expect(a.lines.find((l) => l.part === 'downgrade')?.note?.['en-US']).toMatch(reason);
    }
    const withTrigger = gradeEnterprise(eligible({ triggers: [{ kind: 'provincial_other', occurredOn: '2025-01-09' }] }), strict);
    expect([withTrigger.scoreGrade, withTrigger.grade]).toEqual(['B', 'C']);
  });

  it('keeps an A-score enterprise at A', () => {
    const a = gradeEnterprise(eligible(), RULES);
    expect([a.scoreGrade, a.grade]).toEqual(['A', 'A']);
    expect(a.lines.find((l) => l.part === 'downgrade')?.note?.['en-US']).toContain('already A');
  });
});

describe('movement and explanation', () => {
  it('compares with the previous grade; keep without one', () => {
    expect(gradeEnterprise(smallProducerWithKeyFailures(0, { previousGrade: 'C' }), RULES).movement).toBe('down');
    expect(gradeEnterprise(smallProducerWithKeyFailures(4, { previousGrade: 'A' }), RULES).movement).toBe('up');
    expect(gradeEnterprise(smallProducerWithKeyFailures(0, { previousGrade: null }), RULES).movement).toBe('keep');
  });

  it('renders every line as a sentence naming the fact, its value and its points', () => {
    const a = gradeEnterprise(production(bigInfantFormulaProducer, { previousGrade: 'A' }), RULES);
    const zh = explainAssessment(a, 'zh-CN');
    const en = explainAssessment(a, 'en-US');
    expect(zh).toHaveLength(a.lines.length + 1);
    expect(zh).toContain('【静态风险】食品类别：婴幼儿配方乳粉、普通食品，计 15 分。按分值最高的“婴幼儿配方乳粉”计。');
    expect(zh).toContain('【静态风险】与普通食品共线生产：是，计 4 分。');
    expect(en).toContain('[Static risk] Employees: 800, 4 points. Band > 300.');
    expect(en.at(-1)).toBe('Risk grade: B (score grade B; previous A, up).');
  });
});

describe('invariants (property)', () => {
  const productionFacts = fc.record({
    foodCategories: fc.uniqueArray(fc.constantFrom(...PRODUCTION_FOOD_CATEGORIES), { minLength: 1 }),
    scale: fc.constantFrom(...ENTERPRISE_SCALES),
    employees: fc.integer({ min: 0, max: 5_000 }),
    hasExtraction: fc.boolean(),
    sharedLineWithGeneralFood: fc.boolean(),
    outsourcedProcessing: fc.boolean(),
  });
  const count = fc.integer({ min: 0, max: 3_000 });
  const salesFacts = fc.record({
    areaM2: fc.double({ min: 0, max: 20_000, noNaN: true }),
    prepackagedSkus: fc.record({ ambient: count, chilled: count, frozen: count }),
    bulkSkus: fc.record({ ambient: count, chilled: count, frozen: count }),
    supplierCount: count,
    specialFoodItems: fc.uniqueArray(fc.constantFrom(...SALES_SPECIAL_FOOD_ITEMS)),
    onlineSales: fc.boolean(),
  });
  const inspection = fc.record({
    on: fc.constantFrom('2025-02-03', '2025-06-30', '2025-11-11'),
    keyItemsFailed: fc.integer({ min: 0, max: 8 }),
    generalItemsFailed: fc.integer({ min: 0, max: 30 }),
    itemsChecked: fc.constant(80),
  });
  const history = {
    inspections: fc.array(inspection, { maxLength: 4 }),
    triggers: fc.constant<TUpgradeTriggerEvent[]>([]),
    previousGrade: fc.constantFrom<RiskGrade | null>(null, ...RISK_GRADES),
    consecutiveCompliantYears: fc.integer({ min: 0, max: 5 }),
  };
  const input: fc.Arbitrary<TGradeEnterpriseInput> = fc.oneof(
    fc.record({ sector: fc.constant('production' as const), facts: productionFacts, ...history }),
    fc.record({ sector: fc.constant('sales' as const), facts: salesFacts, ...history }),
  );

  it('keeps scores within their maxima, lines adding up to them, and the grade at most one step from the score grade', () => {
    fc.assert(
      fc.property(input, (i) => {
        const a = gradeEnterprise(i, RULES);
        expect(a.staticScore).toBeGreaterThanOrEqual(0);
        expect(a.staticScore).toBeLessThanOrEqual(RULES.staticMax);
        expect(a.dynamicScore).toBeLessThanOrEqual(RULES.dynamicMax);
        expect(partSum(a, 'static')).toBeCloseTo(a.staticScore, 6);
        expect(partSum(a, 'dynamic')).toBeCloseTo(a.dynamicScore, 6);
        expect([a.scoreGrade, shiftGrade(a.scoreGrade, -1)]).toContain(a.grade);
      }),
    );
  });
});
