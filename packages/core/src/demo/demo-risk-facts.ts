import type { CreditClass, TRiskFacts } from '@shian/domain';
import type { Random } from './random.ts';

/** Plausible risk facts (风险因素) for a demo enterprise: producers by what they make, sellers by size. */
export function demoRiskFacts(random: Random, kinds: readonly string[], productCategories: readonly string[]): TRiskFacts {
  if (kinds.includes('producer')) {
    const categories = productCategories.length > 0 ? [...new Set(productCategories)] : ['general'];
    const scale = random.pick(['large', 'medium', 'medium', 'small'] as const);
    return {
      sector: 'production',
      facts: {
        foodCategories: categories as ('health_food' | 'infant_formula' | 'fsmp' | 'general')[],
        scale,
        employees: scale === 'large' ? random.int(300, 1500) : scale === 'medium' ? random.int(60, 299) : random.int(8, 59),
        hasExtraction: categories.includes('health_food') && random.chance(0.4),
        sharedLineWithGeneralFood: random.chance(0.25),
        outsourcedProcessing: random.chance(0.15),
      },
    };
  }
  const big = random.chance(0.15);
  const special = (['health_food', 'infant_formula', 'fsmp'] as const).filter((_, i) => random.chance(i === 0 ? 0.8 : i === 1 ? 0.45 : 0.1));
  return {
    sector: 'sales',
    facts: {
      areaM2: big ? random.int(500, 6000) : random.int(15, 400),
      prepackagedSkus: { ambient: random.int(big ? 800 : 20, big ? 12000 : 900), chilled: random.int(0, big ? 2000 : 120), frozen: random.int(0, big ? 900 : 40) },
      bulkSkus: { ambient: random.int(0, big ? 300 : 30), chilled: random.int(0, big ? 120 : 10), frozen: random.int(0, big ? 60 : 5) },
      supplierCount: random.int(big ? 60 : 2, big ? 900 : 60),
      specialFoodItems: special.length > 0 ? [...special] : ['health_food'],
      onlineSales: kinds.includes('online_seller') || random.chance(0.3),
    },
  };
}

/** 企业信用风险分类: most firms B, some A, few C and D. */
export function demoCreditClass(random: Random): CreditClass {
  const r = random.next();
  return r < 0.25 ? 'A' : r < 0.85 ? 'B' : r < 0.96 ? 'C' : 'D';
}
