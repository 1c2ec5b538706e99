import { describe, expect, it } from 'vitest';
import { currentClaimForLegacy, HEALTH_FUNCTION_CLAIMS, LEGACY_HEALTH_FUNCTIONS, NUTRIENT_SUPPLEMENT_CLAIM } from './claims.ts';

describe('HEALTH_FUNCTION_CLAIMS', () => {
  it('is the 2023 list of 24 unique functions, 1–18 confirmed and 19–24 not', () => {
    const { version, source, items } = HEALTH_FUNCTION_CLAIMS;
    expect(version).toBe('2023');
    expect(source).toContain('2023年版');
    expect(items).toHaveLength(24);
    expect(new Set(items.map((i) => i.code)).size).toBe(24);
    expect(new Set(items.map((i) => i.name['zh-CN'])).size).toBe(24);
    expect(items.filter((i) => i.confirmed).map((i) => i.code)).toEqual(items.slice(0, 18).map((i) => i.code));
    expect(items[0]?.name['zh-CN']).toBe('有助于增强免疫力');
    expect(items[17]?.name['zh-CN']).toBe('辅助保护胃黏膜');
  });
});

describe('LEGACY_HEALTH_FUNCTIONS', () => {
  const currentCodes = new Set(HEALTH_FUNCTION_CLAIMS.items.map((i) => i.code));

  it('has the 27 old functions, each mapped to a current one or marked removed', () => {
    expect(LEGACY_HEALTH_FUNCTIONS.items).toHaveLength(27);
    expect(new Set(LEGACY_HEALTH_FUNCTIONS.items.map((i) => i.name['zh-CN'])).size).toBe(27);
    for (const item of LEGACY_HEALTH_FUNCTIONS.items) {
      if (item.currentCode !== null) expect(currentCodes.has(item.currentCode), item.name['zh-CN']).toBe(true);
    }
  });

  it('marks exactly 促进泌乳, 改善生长发育 and 改善皮肤油份 as removed', () => {
    const removed = LEGACY_HEALTH_FUNCTIONS.items.filter((i) => i.currentCode === null).map((i) => i.name['zh-CN']);
    expect(removed.sort()).toEqual(['促进泌乳', '改善生长发育', '改善皮肤油份'].sort());
  });

  it('covers every current function exactly once', () => {
    const mapped = LEGACY_HEALTH_FUNCTIONS.items.flatMap((i) => (i.currentCode === null ? [] : [i.currentCode]));
    expect(mapped.sort()).toEqual([...currentCodes].sort());
  });

  it('looks up the current claim of a legacy function', () => {
    expect(currentClaimForLegacy('辅助降血糖')?.name['zh-CN']).toBe('有助于维持血糖健康水平');
    expect(currentClaimForLegacy('通便')?.name['zh-CN']).toBe('有助于润肠通便');
    expect(currentClaimForLegacy('促进泌乳')).toBeNull();
    expect(currentClaimForLegacy('不存在的功能')).toBeNull();
  });
});

describe('NUTRIENT_SUPPLEMENT_CLAIM', () => {
  it('is versioned and names its nutrients in both languages', () => {
    expect(NUTRIENT_SUPPLEMENT_CLAIM.version).toBe('2023');
    expect(NUTRIENT_SUPPLEMENT_CLAIM.nutrients.map((n) => n['zh-CN'])).toContain('钙');
    for (const n of NUTRIENT_SUPPLEMENT_CLAIM.nutrients) expect(n['en-US'].length).toBeGreaterThan(0);
  });
});
