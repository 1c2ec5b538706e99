import { describe, expect, it } from 'vitest';
import { runDraw } from './draw.ts';
import type { DrawInput, DrawOutcome } from './types.ts';
import { ZDrawOutcome, randomSeed, verifyDraw } from './verify.ts';

const INPUT: DrawInput = {
  seed: '00112233445566778899aabbccddeeff',
  targets: Array.from({ length: 12 }, (_, i) => ({ id: `ent-${i}`, jurisdictionCode: i % 2 ? '310115001' : '310104003', weight: 1 + (i % 3) })),
  inspectors: [
    { id: 'pd-1', jurisdictionCode: '310115', recusedTargetIds: ['ent-1'] },
    { id: 'pd-2', jurisdictionCode: '310115', recusedTargetIds: [] },
    { id: 'pd-3', jurisdictionCode: '310115001', recusedTargetIds: [] },
    { id: 'xh-1', jurisdictionCode: '310104', recusedTargetIds: [] },
    { id: 'xh-2', jurisdictionCode: '310104003', recusedTargetIds: [] },
    { id: 'city', jurisdictionCode: '310000', recusedTargetIds: [] },
  ],
  size: { mode: 'proportion', proportion: 0.5 },
  inspectorsPerTarget: 2,
};

describe('verifying a published draw', () => {
  it('confirms an outcome that the re-run reproduces, also after a JSON round trip', () => {
    const published = ZDrawOutcome.parse(JSON.parse(JSON.stringify(runDraw(INPUT))));
    expect(verifyDraw(INPUT, published)).toEqual({ matches: true, differences: [] });
  });

  it('names every field that differs', () => {
    const published = runDraw(INPUT);
    const [first, second, ...rest] = published.picked;
    if (!first || !second) throw new Error('fixture');
    const tampered: DrawOutcome = {
      ...published,
      rosterDigest: '00',
      picked: [{ ...first, targetId: second.targetId }, { ...second, inspectorIds: ['pd-1', 'pd-2'] }, ...rest],
    };
    const result = verifyDraw(INPUT, tampered);
    expect(result.matches).toBe(false);
    expect(result.differences).toEqual([
      `rosterDigest: published 00, re-run ${published.rosterDigest}`,
      `picked[0].targetId: published ${second.targetId}, re-run ${first.targetId}`,
      `picked[1].inspectorIds: published [pd-1, pd-2], re-run [${second.inspectorIds.join(', ')}]`,
    ]);
  });

  it('notices a published outcome drawn from another roster or seed', () => {
    const published = runDraw(INPUT);
    const result = verifyDraw({ ...INPUT, seed: 'another-seed', targets: INPUT.targets.slice(1) }, published);
    expect(result.matches).toBe(false);
    expect(result.differences.some((d) => d.startsWith('seed:'))).toBe(true);
    expect(result.differences.some((d) => d.startsWith('rosterDigest:'))).toBe(true);
  });

  it('reports input the draw refuses instead of throwing', () => {
    const result = verifyDraw({ ...INPUT, inspectorsPerTarget: 1 }, runDraw(INPUT));
    expect(result.matches).toBe(false);
    expect(result.differences).toEqual([expect.stringMatching(/^input: .*inspectorsPerTarget/)]);
  });
});

describe('a seed', () => {
  it('is the random bytes in lower-case hex', () => {
    const bytes = Uint8Array.from({ length: 16 }, (_, i) => i * 17);
    expect(randomSeed(bytes)).toBe('00112233445566778899aabbccddeeff');
  });

  it('needs at least 16 bytes', () => {
    expect(() => randomSeed(new Uint8Array(15))).toThrow(/16/);
  });
});
