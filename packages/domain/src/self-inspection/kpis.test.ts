import { describe, expect, it } from 'vitest';
import { SELF_INSPECTION_KPI_RULES, selfInspectionKpi } from './kpis.ts';

describe('selfInspectionKpi', () => {
  it('is numerator over denominator against the 100 % target', () => {
    expect(selfInspectionKpi(3, 4, 'x')).toEqual({ numerator: 3, denominator: 4, rate: 0.75, target: 1, met: false, basis: 'x' });
    expect(selfInspectionKpi(4, 4, 'x').met).toBe(true);
  });

  it('counts an empty denominator as met, like the other KPIs', () => {
    expect(selfInspectionKpi(0, 0, 'x')).toMatchObject({ rate: 1, met: true });
  });

  it('refuses counts that are not a pair', () => {
    expect(() => selfInspectionKpi(5, 4, 'x')).toThrow(RangeError);
    expect(() => selfInspectionKpi(-1, 4, 'x')).toThrow(RangeError);
    expect(() => selfInspectionKpi(1.5, 4, 'x')).toThrow(RangeError);
  });

  it('cites the plans for both figures', () => {
    expect(SELF_INSPECTION_KPI_RULES.sources.reportRate).toContain('自查报告率100％');
    expect(SELF_INSPECTION_KPI_RULES.sources.rectificationRate).toContain('整改率100％');
  });
});
