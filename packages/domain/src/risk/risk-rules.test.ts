import { describe, expect, it } from 'vitest';
import { checkRuleSet } from './check-rule-set.ts';
import { CN_2016_TRIAL_SHANGHAI_1 as RULES } from './rule-sets/cn-2016-trial.ts';
import { drawWeight, findBand, shiftGrade } from './risk-rules.ts';
import type { RiskRuleSet } from './risk-rules.ts';

describe('the 2016 trial rule set (Shanghai variant 1)', () => {
  it('is consistent and marked unconfirmed', () => {
    expect(checkRuleSet(RULES)).toEqual([]);
    expect(RULES.confirmed).toBe(false);
    expect(RULES.downgrade.confirmed).toBe(false);
    expect(RULES.frequency.confirmed).toBe(false);
    expect(RULES.staticMax + RULES.dynamicMax).toBe(100);
  });

  it('lists the mistakes a data edit can make', () => {
    const broken: RiskRuleSet = {
      ...RULES,
      thresholds: [
        { grade: 'A', maxScore: 45 },
        { grade: 'B', maxScore: 30 },
        { grade: 'C', maxScore: 60 },
      ],
      staticFactors: {
        ...RULES.staticFactors,
        production: { ...RULES.staticFactors.production, employees: [{ upTo: 100, points: 2 }, { upTo: 20, points: 1 }] },
      },
      frequency: { ...RULES.frequency, perGrade: { ...RULES.frequency.perGrade, C: { min: 3, max: 2 } } },
    };
    expect(checkRuleSet(broken)).toEqual([
      'thresholds[1]: maxScore must rise',
      'staticFactors.production.employees[1]: bands must rise',
      'staticFactors.production.employees: no open top band',
      'frequency.perGrade.C: need 0 ≤ min ≤ max, whole numbers',
    ]);
  });
});

describe('grade helpers', () => {
  it('shifts grades within A–D', () => {
    expect([shiftGrade('B', 1), shiftGrade('C', 2), shiftGrade('D', 1), shiftGrade('A', -1), shiftGrade('C', -1)]).toEqual(['C', 'D', 'D', 'A', 'B']);
  });

  it('finds the band holding a value, with the band below it', () => {
    const bands = RULES.staticFactors.sales.supplierCount;
    expect(findBand(bands, 10)).toEqual({ band: { upTo: 10, points: 1 }, lower: null });
    expect(findBand(bands, 11)).toEqual({ band: { upTo: 50, points: 2 }, lower: 10 });
    expect(findBand(bands, 1e6)).toEqual({ band: { upTo: null, points: 4 }, lower: 200 });
  });
});

describe('draw weights (双随机抽取权重)', () => {
  it('multiplies the grade weight by the credit-class multiplier', () => {
    expect(drawWeight(RULES, 'A', 'A')).toBe(0.5);
    expect(drawWeight(RULES, 'C', 'B')).toBe(3);
    expect(drawWeight(RULES, 'D', 'D')).toBe(8);
  });

  it('weighs an ungraded enterprise as B and an unknown credit class as 1', () => {
    expect(drawWeight(RULES, null, null)).toBe(drawWeight(RULES, 'B', 'B'));
    expect(drawWeight(RULES, null, 'C')).toBe(3);
    expect(drawWeight(RULES, 'D', null)).toBe(4);
  });
});
