import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isWithin } from '../jurisdiction/scope.ts';
import { SHANGHAI_STREETS } from '../jurisdiction/shanghai.ts';
import { drawCount, runDraw } from './draw.ts';
import { ALGORITHM, DrawInputError } from './types.ts';
import type { DrawInput, DrawInspector, DrawOutcome, DrawSize, DrawTarget } from './types.ts';

/**
 * A small draw whose outcome was computed by an independent re-implementation (Python: hashlib, math.log,
 * plain sorting) written from the algorithm comment in draw.ts alone. It pins shian-draw/1: if this test
 * fails, published draws can no longer be re-run, and the change needs a new algorithm version.
 */
const GOLDEN: DrawInput = {
  seed: 'shian-golden-1',
  targets: [
    { id: 'ent-01', jurisdictionCode: '310115001', weight: 1 },
    { id: 'ent-02', jurisdictionCode: '310115001', weight: 2 },
    { id: 'ent-03', jurisdictionCode: '310115004', weight: 1 },
    { id: 'ent-04', jurisdictionCode: '310115', weight: 0.5 },
    { id: 'ent-05', jurisdictionCode: '310104003', weight: 4 },
    { id: 'ent-06', jurisdictionCode: '310104003', weight: 1 },
    { id: 'ent-07', jurisdictionCode: '310101002', weight: 1 },
    { id: 'ent-08', jurisdictionCode: '310115004', weight: 1.5 },
  ],
  inspectors: [
    { id: 'insp-a', jurisdictionCode: '310115', recusedTargetIds: ['ent-02'] },
    { id: 'insp-b', jurisdictionCode: '310115', recusedTargetIds: [] },
    { id: 'insp-c', jurisdictionCode: '310115001', recusedTargetIds: [] },
    { id: 'insp-d', jurisdictionCode: '310000', recusedTargetIds: ['ent-05', 'ent-01'] },
    { id: 'insp-e', jurisdictionCode: '310104', recusedTargetIds: [] },
    { id: 'insp-f', jurisdictionCode: '310104003', recusedTargetIds: [] },
  ],
  size: { mode: 'count', count: 10 },
  inspectorsPerTarget: 2,
};

const GOLDEN_OUTCOME: DrawOutcome = {
  algorithm: 'shian-draw/1',
  seed: 'shian-golden-1',
  rosterDigest: '26310c8e74779077621d7bf2ecb0fe08c6ab555d36acb0ef0390ba6a42f4508d',
  inspectorRosterDigest: '21f3405c9e088e5bdd14981b2d3569166660494db452c617b565aa7fafbf480c',
  picked: [
    { position: 1, targetId: 'ent-06', inspectorIds: ['insp-e', 'insp-f'] },
    { position: 2, targetId: 'ent-05', inspectorIds: ['insp-e', 'insp-f'] },
    { position: 3, targetId: 'ent-01', inspectorIds: ['insp-b', 'insp-c'] },
    { position: 4, targetId: 'ent-02', inspectorIds: ['insp-b', 'insp-d'] },
    { position: 5, targetId: 'ent-04', inspectorIds: ['insp-a', 'insp-d'] },
    { position: 6, targetId: 'ent-08', inspectorIds: ['insp-a', 'insp-d'] },
    { position: 7, targetId: 'ent-03', inspectorIds: ['insp-a', 'insp-b'] },
    { position: 8, targetId: 'ent-07', inspectorIds: [] },
  ],
  unstaffed: ['ent-07'],
};

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i -= 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    const a = copy[i];
    const b = copy[j];
    if (a === undefined || b === undefined) continue;
    copy[i] = b;
    copy[j] = a;
  }
  return copy;
}

/** The same roster in another order, recusal lists reversed and repeated. */
function reordered(input: DrawInput, seed: number): DrawInput {
  return {
    ...input,
    targets: shuffled(input.targets, seed),
    inspectors: shuffled(input.inspectors, seed + 1).map((i) => ({ ...i, recusedTargetIds: [...i.recusedTargetIds].reverse().concat(i.recusedTargetIds) })),
  };
}

describe('the draw (shian-draw/1)', () => {
  it('reproduces the published reference outcome', () => {
    expect(runDraw(GOLDEN)).toEqual(GOLDEN_OUTCOME);
  });

  it('gives the identical outcome for the same seed and roster, whatever the input order', () => {
    const first = runDraw(GOLDEN);
    expect(runDraw(GOLDEN)).toEqual(first);
    for (const seed of [1, 2, 3, 4, 5]) expect(runDraw(reordered(GOLDEN, seed))).toEqual(first);
  });

  it('gives a different outcome for a different seed', () => {
    const a = runDraw({ ...GOLDEN, size: { mode: 'count', count: 4 } });
    const b = runDraw({ ...GOLDEN, seed: 'shian-golden-2', size: { mode: 'count', count: 4 } });
    expect(b.picked.map((p) => p.targetId)).not.toEqual(a.picked.map((p) => p.targetId));
    expect(b.rosterDigest).toBe(a.rosterDigest);
  });

  it('changes the roster digests when a weight, a jurisdiction or a recusal changes', () => {
    const base = runDraw(GOLDEN);
    const [first, ...rest] = GOLDEN.targets;
    if (!first) throw new Error('fixture');
    expect(runDraw({ ...GOLDEN, targets: [{ ...first, weight: 3 }, ...rest] }).rosterDigest).not.toBe(base.rosterDigest);
    expect(runDraw({ ...GOLDEN, targets: [{ ...first, jurisdictionCode: '310115004' }, ...rest] }).rosterDigest).not.toBe(base.rosterDigest);
    const inspectors = GOLDEN.inspectors.map((i) => (i.id === 'insp-b' ? { ...i, recusedTargetIds: ['ent-03'] } : i));
    expect(runDraw({ ...GOLDEN, inspectors }).inspectorRosterDigest).not.toBe(base.inspectorRosterDigest);
  });

  it('clamps a count above the roster size to the roster', () => {
    expect(runDraw(GOLDEN).picked).toHaveLength(GOLDEN.targets.length);
    expect(drawCount({ mode: 'count', count: 10 }, 8)).toBe(8);
  });

  it('rounds a proportion up, without floating-point noise, and draws at least one', () => {
    expect(drawCount({ mode: 'proportion', proportion: 0.07 }, 100)).toBe(7);
    expect(drawCount({ mode: 'proportion', proportion: 0.05 }, 100_000)).toBe(5000);
    expect(drawCount({ mode: 'proportion', proportion: 0.05 }, 101)).toBe(6);
    expect(drawCount({ mode: 'proportion', proportion: 0.001 }, 10)).toBe(1);
    expect(drawCount({ mode: 'proportion', proportion: 1 }, 37)).toBe(37);
    expect(drawCount({ mode: 'proportion', proportion: 0.5 }, 0)).toBe(0);
  });

  it('refuses input it cannot draw from, naming the problem', () => {
    const refuse = (input: DrawInput, problem: string, message: RegExp) => {
      let caught: unknown;
      try {
        runDraw(input);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(DrawInputError);
      expect(caught).toMatchObject({ problem });
      expect(String(caught)).toMatch(message);
    };
    const [first, ...rest] = GOLDEN.targets;
    if (!first) throw new Error('fixture');
    refuse({ ...GOLDEN, seed: '' }, 'seed_invalid', /seed is empty/);
    refuse({ ...GOLDEN, seed: 'a\nb' }, 'seed_invalid', /control character/);
    refuse({ ...GOLDEN, targets: [{ ...first, weight: 0 }, ...rest] }, 'weight_invalid', /ent-01 has weight 0/);
    refuse({ ...GOLDEN, targets: [{ ...first, weight: -1 }, ...rest] }, 'weight_invalid', /weight -1/);
    refuse({ ...GOLDEN, targets: [{ ...first, weight: Number.NaN }, ...rest] }, 'weight_invalid', /weight NaN/);
    refuse({ ...GOLDEN, targets: [{ ...first, weight: Infinity }, ...rest] }, 'weight_invalid', /weight Infinity/);
    refuse({ ...GOLDEN, targets: [...GOLDEN.targets, { ...first, weight: 2 }] }, 'duplicate_target_id', /duplicate target id ent-01/);
    refuse({ ...GOLDEN, inspectors: [...GOLDEN.inspectors, { id: 'insp-a', jurisdictionCode: '310000', recusedTargetIds: [] }] }, 'duplicate_inspector_id', /insp-a/);
    refuse({ ...GOLDEN, targets: [{ ...first, id: '' }, ...rest] }, 'id_invalid', /target id/);
    refuse({ ...GOLDEN, targets: [{ ...first, jurisdictionCode: '31011' }, ...rest] }, 'jurisdiction_invalid', /ent-01/);
    refuse({ ...GOLDEN, inspectorsPerTarget: 1 }, 'inspectors_per_target_invalid', /≥ 2, got 1/);
    refuse({ ...GOLDEN, inspectorsPerTarget: 2.5 }, 'inspectors_per_target_invalid', /got 2.5/);
    refuse({ ...GOLDEN, size: { mode: 'count', count: 0 } }, 'count_invalid', /count/);
    refuse({ ...GOLDEN, size: { mode: 'proportion', proportion: 0 } }, 'proportion_invalid', /\(0, 1\]/);
    refuse({ ...GOLDEN, size: { mode: 'proportion', proportion: 1.5 } }, 'proportion_invalid', /1.5/);
  });

  it('draws nothing from an empty roster and leaves targets unstaffed without inspectors', () => {
    expect(runDraw({ ...GOLDEN, targets: [] })).toMatchObject({ algorithm: ALGORITHM, picked: [], unstaffed: [] });
    const outcome = runDraw({ ...GOLDEN, inspectors: [] });
    expect(outcome.unstaffed).toHaveLength(GOLDEN.targets.length);
    expect(outcome.picked.every((p) => p.inspectorIds.length === 0)).toBe(true);
  });

  it('spreads the work evenly when every inspector may go everywhere', () => {
    const targets = Array.from({ length: 50 }, (_, i) => ({ id: `t${i}`, jurisdictionCode: '310115001', weight: 1 }));
    const inspectors = Array.from({ length: 10 }, (_, i) => ({ id: `i${i}`, jurisdictionCode: '310115', recusedTargetIds: [] }));
    const outcome = runDraw({ seed: 'balance', targets, inspectors, size: { mode: 'count', count: 50 }, inspectorsPerTarget: 2 });
    const load = new Map<string, number>();
    for (const id of outcome.picked.flatMap((p) => p.inspectorIds)) load.set(id, (load.get(id) ?? 0) + 1);
    expect([...load.values()]).toEqual(Array.from({ length: 10 }, () => 10));
  });
});

// Three districts and a few of their streets; inspectors also at city level.
const DISTRICTS = ['310101', '310104', '310115'];
const STREETS = DISTRICTS.flatMap((d) => SHANGHAI_STREETS.filter((s) => s.parentCode === d).slice(0, 3).map((s) => s.code));
const TARGET_CODES = [...DISTRICTS, ...STREETS];
const INSPECTOR_CODES = ['310000', ...DISTRICTS, ...STREETS];

const arbDraw: fc.Arbitrary<DrawInput> = fc
  .record({
    seed: fc.stringMatching(/^[0-9a-f]{8,32}$/),
    targets: fc.uniqueArray(
      fc.record({ id: fc.stringMatching(/^[a-z0-9-]{1,6}$/), jurisdictionCode: fc.constantFrom(...TARGET_CODES), weight: fc.constantFrom(0.5, 1, 2, 3.25) }),
      { selector: (t) => t.id, maxLength: 60 },
    ),
    inspectors: fc.uniqueArray(fc.record({ id: fc.stringMatching(/^[A-Z0-9]{1,5}$/), jurisdictionCode: fc.constantFrom(...INSPECTOR_CODES) }), {
      selector: (i) => i.id,
      maxLength: 25,
    }),
    size: fc.oneof(
      fc.record({ mode: fc.constant('count' as const), count: fc.integer({ min: 1, max: 80 }) }),
      fc.record({ mode: fc.constant('proportion' as const), proportion: fc.double({ min: 0.01, max: 1, noNaN: true }) }),
    ),
    inspectorsPerTarget: fc.integer({ min: 2, max: 4 }),
  })
  .chain((draw) =>
    fc.tuple(...draw.inspectors.map(() => fc.subarray(draw.targets.map((t) => t.id), { maxLength: Math.min(8, draw.targets.length) }))).map(
      (recusals): DrawInput => ({
        ...draw,
        inspectors: draw.inspectors.map((i, index) => ({ ...i, recusedTargetIds: recusals[index] ?? [] })),
      }),
    ),
  );

function eligibleFor(target: DrawTarget, inspectors: readonly DrawInspector[]): DrawInspector[] {
  return inspectors.filter((i) => isWithin(target.jurisdictionCode, i.jurisdictionCode) && !i.recusedTargetIds.includes(target.id));
}

describe('the draw over random rosters (property)', () => {
  it('respects the size, jurisdiction, recusal and team size, and never picks a target twice', () => {
    fc.assert(
      fc.property(arbDraw, (input) => {
        const outcome = runDraw(input);
        const size: DrawSize = input.size;
        expect(outcome.picked).toHaveLength(drawCount(size, input.targets.length));
        expect(outcome.picked.map((p) => p.position)).toEqual(outcome.picked.map((_, i) => i + 1));
        expect(new Set(outcome.picked.map((p) => p.targetId)).size).toBe(outcome.picked.length);
        for (const pick of outcome.picked) {
          const target = input.targets.find((t) => t.id === pick.targetId);
          if (!target) throw new Error(`picked ${pick.targetId}, which is not on the roster`);
          const eligible = eligibleFor(target, input.inspectors).map((i) => i.id);
          if (eligible.length < input.inspectorsPerTarget) {
            expect(pick.inspectorIds).toEqual([]);
            expect(outcome.unstaffed).toContain(pick.targetId);
          } else {
            expect(new Set(pick.inspectorIds).size).toBe(input.inspectorsPerTarget);
            for (const id of pick.inspectorIds) expect(eligible).toContain(id);
          }
        }
        expect(outcome.unstaffed).toEqual(outcome.picked.filter((p) => p.inspectorIds.length === 0).map((p) => p.targetId));
        expect(runDraw(reordered(input, 7))).toEqual(outcome);
      }),
      { numRuns: 200 },
    );
  });
});
