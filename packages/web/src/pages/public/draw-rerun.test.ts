import { describe, expect, it } from 'vitest';
import { runDraw } from '@shian/domain/random-draw/draw.ts';
import type { DrawInput, DrawOutcome } from '@shian/domain/random-draw/types.ts';
import type { Draw, DrawPickRow } from '../../api/planning-types.ts';
import { parseDrawInput, rerunDraw } from './draw-rerun.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const input: DrawInput = {
  seed: '17d1ce619c7b1e240d500374424d088a',
  targets: Array.from({ length: 30 }, (_, i) => ({ id: id(i + 1), jurisdictionCode: '310115', weight: (i % 4) + 1 })),
  size: { mode: 'count', count: 5 },
  inspectors: Array.from({ length: 4 }, (_, i) => ({ id: id(100 + i), jurisdictionCode: '310115', recusedTargetIds: [] })),
  inspectorsPerTarget: 2,
};

/** The draw as the server publishes it: the record, the page's picks and the stored outcome (JSON). */
function published(outcome: DrawOutcome) {
  const draw: Draw = {
    id: id(999),
    number: 'SJ-310115-2026-000001',
    jurisdictionCode: '310115',
    title: 'test',
    filters: {},
    size: input.size,
    inspectorsPerTarget: 2,
    weighting: null,
    algorithm: outcome.algorithm,
    seed: outcome.seed,
    rosterDigest: outcome.rosterDigest,
    inspectorRosterDigest: outcome.inspectorRosterDigest,
    rosterSize: input.targets.length,
    pickedCount: outcome.picked.length,
    unstaffedCount: outcome.unstaffed.length,
    scheduledOn: '2026-12-01',
    createdAt: '2026-11-21T00:00:00.000Z',
  };
  const picks: DrawPickRow[] = outcome.picked.map((pick) => ({
    position: pick.position,
    enterpriseId: pick.targetId,
    enterpriseName: `E${pick.position}`,
    uscc: '',
    inspectorNames: pick.inspectorIds,
    inspectionNumber: null,
  }));
  return { draw, picks, outcome: JSON.parse(JSON.stringify(outcome)) as unknown };
}

const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('rerunDraw', () => {
  const outcome = runDraw(input);

  it('matches a draw published as drawn', () => {
    const p = published(outcome);
    const report = rerunDraw(json(input), p.outcome, p);
    expect(report).toMatchObject({ matches: true, differences: [], picked: 5 });
  });

  it('names the position whose published target is not the one the algorithm picks', () => {
    const p = published(outcome);
    const swapped = p.picks.map((pick) => (pick.position === 2 ? { ...pick, enterpriseId: id(30) === pick.enterpriseId ? id(29) : id(30) } : pick));
    const report = rerunDraw(json(input), p.outcome, { draw: p.draw, picks: swapped });
    expect(report.matches).toBe(false);
    expect(report.differences).toEqual([expect.objectContaining({ kind: 'target', position: 2 })]);
  });

  it('sees a changed seed in the seed and in the picks', () => {
    const p = published(outcome);
    const report = rerunDraw(json({ ...input, seed: 'another seed' }), p.outcome, p);
    expect(report.matches).toBe(false);
    expect(report.differences).toContainEqual({ kind: 'field', field: 'seed', published: input.seed, rerun: 'another seed' });
  });

  it('sees inspectors that differ from the stored outcome', () => {
    const p = published(outcome);
    const stored = json(outcome) as DrawOutcome;
    stored.picked[0] = { ...stored.picked[0]!, inspectorIds: [id(100), id(101)].reverse() };
    const report = rerunDraw(json(input), stored, p);
    expect(report.differences).toContainEqual(expect.objectContaining({ kind: 'inspectors', position: 1 }));
  });

  it('reports input of the wrong shape, and input the algorithm refuses, as one difference each', () => {
    const p = published(outcome);
    expect(rerunDraw({ seed: 'x' }, p.outcome, p).differences).toEqual([{ kind: 'malformed', part: 'input' }]);
    expect(rerunDraw(json(input), { picked: 'no' }, p).differences).toEqual([{ kind: 'malformed', part: 'outcome' }]);
    const refused = rerunDraw(json({ ...input, inspectorsPerTarget: 1 }), p.outcome, p);
    expect(refused.differences).toEqual([expect.objectContaining({ kind: 'refused' })]);
  });
});

describe('parseDrawInput', () => {
  it('keeps what runDraw reads and refuses a target without a numeric weight', () => {
    expect(parseDrawInput(json(input))).toEqual(input);
    expect(parseDrawInput({ ...input, targets: [{ id: 'a', jurisdictionCode: '310115', weight: '1' }] })).toBeNull();
  });
});
