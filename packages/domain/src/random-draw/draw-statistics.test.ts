import { describe, expect, it } from 'vitest';
import { runDraw } from './draw.ts';
import type { DrawTarget } from './types.ts';

/** How often each target is picked over `draws` draws with the seeds `${prefix}0`, `${prefix}1`, …. */
function selectionCounts(targets: readonly DrawTarget[], count: number, draws: number, prefix: string): Map<string, number> {
  const counts = new Map(targets.map((t) => [t.id, 0]));
  for (let i = 0; i < draws; i += 1) {
    const outcome = runDraw({ seed: `${prefix}${i}`, targets, inspectors: [], size: { mode: 'count', count }, inspectorsPerTarget: 2 });
    for (const pick of outcome.picked) counts.set(pick.targetId, (counts.get(pick.targetId) ?? 0) + 1);
  }
  return counts;
}

describe('the fairness of the target draw', () => {
  it('picks every target equally often when weights are equal (chi-square goodness of fit)', () => {
    const targets = Array.from({ length: 20 }, (_, i) => ({ id: `target-${i}`, jurisdictionCode: '310115', weight: 1 }));
    const counts = selectionCounts(targets, 5, 4000, 'chi-');
    const expected = (4000 * 5) / 20; // 1000
    const statistic = [...counts.values()].reduce((sum, observed) => sum + (observed - expected) ** 2 / expected, 0);
    // The 0.999 quantile of the chi-square distribution with 19 degrees of freedom.
    expect(statistic).toBeLessThan(43.82);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(20_000);
  });

  it('picks a weight-4 target clearly more often than a weight-1 target', () => {
    const targets = Array.from({ length: 10 }, (_, i) => ({ id: `target-${i}`, jurisdictionCode: '310115', weight: i === 0 ? 4 : 1 }));
    const counts = selectionCounts(targets, 2, 2000, 'weight-');
    const heavy = counts.get('target-0') ?? 0;
    const light = counts.get('target-1') ?? 0;
    // Inclusion probabilities are about 0.55 and 0.17 here.
    expect(heavy).toBeGreaterThan(2 * light);
  });
});
