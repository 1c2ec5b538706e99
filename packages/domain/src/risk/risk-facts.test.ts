import { describe, expect, it } from 'vitest';
import { ZGradeEnterpriseInput, ZProductionRiskFacts, ZRiskFacts, ZRiskInspection, ZSalesRiskFacts } from './risk-facts.ts';

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }): string[] =>
  (result.error?.issues ?? []).map((issue) => issue.path.join('.')).sort();

describe('risk facts schemas', () => {
  it('accepts well-formed production and sales facts', () => {
    expect(
      ZRiskFacts.safeParse({
        sector: 'production',
        facts: { foodCategories: ['fsmp'], scale: 'medium', employees: 60, hasExtraction: false, sharedLineWithGeneralFood: false, outsourcedProcessing: true },
      }).success,
    ).toBe(true);
    expect(
      ZRiskFacts.safeParse({
        sector: 'sales',
        facts: {
          areaM2: 85.5,
          prepackagedSkus: { ambient: 300, chilled: 10, frozen: 0 },
          bulkSkus: { ambient: 0, chilled: 0, frozen: 0 },
          supplierCount: 12,
          specialFoodItems: [],
          onlineSales: true,
        },
      }).success,
    ).toBe(true);
  });

  it('names every bad production field in one answer', () => {
    const result = ZProductionRiskFacts.safeParse({
      foodCategories: [],
      scale: 'huge',
      employees: -1,
      hasExtraction: 'yes',
      outsourcedProcessing: false,
      extra: 1,
    });
    expect(paths(result)).toEqual(['', 'employees', 'foodCategories', 'hasExtraction', 'scale', 'sharedLineWithGeneralFood']);
  });

  it('names every bad sales field, nested counts included', () => {
    const result = ZSalesRiskFacts.safeParse({
      areaM2: -5,
      prepackagedSkus: { ambient: 1.5, chilled: 0, frozen: -2 },
      bulkSkus: { ambient: 0, chilled: 0 },
      supplierCount: 2_000_000,
      specialFoodItems: ['general'],
      onlineSales: null,
    });
    expect(paths(result)).toEqual([
      'areaM2',
      'bulkSkus.frozen',
      'onlineSales',
      'prepackagedSkus.ambient',
      'prepackagedSkus.frozen',
      'specialFoodItems.0',
      'supplierCount',
    ]);
  });

  it('refuses an unknown sector and facts of the wrong sector', () => {
    expect(ZRiskFacts.safeParse({ sector: 'catering', facts: {} }).success).toBe(false);
    const crossed = ZRiskFacts.safeParse({
      sector: 'sales',
      facts: { foodCategories: ['general'], scale: 'small', employees: 3, hasExtraction: false, sharedLineWithGeneralFood: false, outsourcedProcessing: false },
    });
    expect(crossed.success).toBe(false);
    expect(paths(crossed)).toContain('facts.areaM2');
  });

  it('refuses an inspection with more failed items than checked, and a bad date, together', () => {
    expect(paths(ZRiskInspection.safeParse({ on: '2025-01-01', keyItemsFailed: 3, generalItemsFailed: 5, itemsChecked: 6 }))).toEqual(['itemsChecked']);
    expect(paths(ZRiskInspection.safeParse({ on: '2025-13-01', keyItemsFailed: -1, generalItemsFailed: 0, itemsChecked: 6 }))).toEqual(['keyItemsFailed', 'on']);
    expect(paths(ZRiskInspection.safeParse({ on: '2025-02-30', keyItemsFailed: 0, generalItemsFailed: 0, itemsChecked: 6 }))).toEqual(['on']);
  });

  it('lists problems across facts and history of a grading input', () => {
    const result = ZGradeEnterpriseInput.safeParse({
      sector: 'production',
      facts: { foodCategories: ['general'], scale: 'small', employees: 1.5, hasExtraction: false, sharedLineWithGeneralFood: false, outsourcedProcessing: false },
      inspections: [{ on: '2025-01-01', keyItemsFailed: 0, generalItemsFailed: 0, itemsChecked: 10 }],
      triggers: [{ kind: 'alien_invasion', occurredOn: '2025-02-02' }],
      previousGrade: 'E',
      consecutiveCompliantYears: -1,
    });
    expect(paths(result)).toEqual(['consecutiveCompliantYears', 'facts.employees', 'previousGrade', 'triggers.0.kind']);
  });
});
