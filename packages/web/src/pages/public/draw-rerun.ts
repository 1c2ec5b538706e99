/**
 * The public re-run of a draw (一公开) in the browser: the published input goes through the published
 * algorithm (`runDraw` of `@shian/domain`, shian-draw/1) again, and the result is compared with what the
 * page shows (the draw's seed, digests and picks) and with the stored outcome (the inspectors).
 */
import { runDraw } from '@shian/domain/random-draw/draw.ts';
import type { DrawInput, DrawInspector, DrawOutcome, DrawSize, DrawTarget } from '@shian/domain/random-draw/types.ts';
import type { Draw, DrawPickRow } from '../../api/planning-types.ts';

/** One thing the re-run disagrees with; values are shown as they are (ids, digests, counts). */
export type RerunDifference =
  /** The published data is not in the shape the algorithm reads. */
  | { kind: 'malformed'; part: 'input' | 'outcome' }
  /** The algorithm refused the input (its message names the value). */
  | { kind: 'refused'; message: string }
  | { kind: 'field'; field: 'algorithm' | 'seed' | 'rosterDigest' | 'inspectorRosterDigest' | 'rosterSize' | 'pickedCount' | 'unstaffed'; published: string; rerun: string }
  | { kind: 'target'; position: number; published: string; rerun: string }
  | { kind: 'inspectors'; position: number; published: string; rerun: string };

export interface RerunReport {
  matches: boolean;
  differences: RerunDifference[];
  /** Targets the re-run picked. */
  picked: number;
  durationMs: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

function toTarget(value: unknown): DrawTarget | null {
  if (!isRecord(value)) return null;
  const { id, jurisdictionCode, weight } = value;
  return typeof id === 'string' && typeof jurisdictionCode === 'string' && typeof weight === 'number' ? { id, jurisdictionCode, weight } : null;
}

function toInspector(value: unknown): DrawInspector | null {
  if (!isRecord(value)) return null;
  const { id, jurisdictionCode, recusedTargetIds } = value;
  return typeof id === 'string' && typeof jurisdictionCode === 'string' && isStringArray(recusedTargetIds) ? { id, jurisdictionCode, recusedTargetIds } : null;
}

function toSize(value: unknown): DrawSize | null {
  if (!isRecord(value)) return null;
  if (value.mode === 'count' && typeof value.count === 'number') return { mode: 'count', count: value.count };
  if (value.mode === 'proportion' && typeof value.proportion === 'number') return { mode: 'proportion', proportion: value.proportion };
  return null;
}

function allOrNull<T>(values: unknown, convert: (value: unknown) => T | null): T[] | null {
  if (!Array.isArray(values)) return null;
  const out: T[] = [];
  for (const value of values) {
    const converted = convert(value);
    if (converted === null) return null;
    out.push(converted);
  }
  return out;
}

/** The published input (`/public/draws/:id/input` → `input`) when it has the shape `runDraw` takes. */
export function parseDrawInput(value: unknown): DrawInput | null {
  if (!isRecord(value) || typeof value.seed !== 'string' || typeof value.inspectorsPerTarget !== 'number') return null;
  const targets = allOrNull(value.targets, toTarget);
  const inspectors = allOrNull(value.inspectors, toInspector);
  const size = toSize(value.size);
  if (!targets || !inspectors || !size) return null;
  return { seed: value.seed, targets, inspectors, size, inspectorsPerTarget: value.inspectorsPerTarget };
}

/** The stored outcome's picks (`outcome.picked`), for the inspectors the page shows only by name. */
export function parsePublishedPicks(value: unknown): { position: number; targetId: string; inspectorIds: string[] }[] | null {
  if (!isRecord(value)) return null;
  return allOrNull(value.picked, (pick) =>
    isRecord(pick) && typeof pick.position === 'number' && typeof pick.targetId === 'string' && isStringArray(pick.inspectorIds)
      ? { position: pick.position, targetId: pick.targetId, inspectorIds: pick.inspectorIds }
      : null,
  );
}

/** At most this many differences are listed; a re-run that disagrees usually disagrees everywhere. */
const MAX_DIFFERENCES = 50;

/**
 * Compares a re-run with the published draw: algorithm, seed, digests, roster size and picked count with the
 * draw record; target by position with the page's picks; inspectors by position with the stored outcome.
 */
export function compareWithPublished(
  rerun: DrawOutcome,
  published: { draw: Draw; picks: readonly DrawPickRow[]; storedPicks: readonly { position: number; inspectorIds: readonly string[] }[]; rosterSize: number },
): RerunDifference[] {
  const out: RerunDifference[] = [];
  const field = (name: Extract<RerunDifference, { kind: 'field' }>['field'], a: string | number, b: string | number) => {
    if (String(a) !== String(b)) out.push({ kind: 'field', field: name, published: String(a), rerun: String(b) });
  };
  const { draw } = published;
  field('algorithm', draw.algorithm, rerun.algorithm);
  field('seed', draw.seed, rerun.seed);
  field('rosterDigest', draw.rosterDigest, rerun.rosterDigest);
  field('inspectorRosterDigest', draw.inspectorRosterDigest, rerun.inspectorRosterDigest);
  field('rosterSize', draw.rosterSize, published.rosterSize);
  field('pickedCount', draw.pickedCount, rerun.picked.length);
  if (published.picks.length !== draw.pickedCount) field('pickedCount', published.picks.length, rerun.picked.length);
  field('unstaffed', draw.unstaffedCount, rerun.unstaffed.length);

  const byPosition = new Map(published.picks.map((pick) => [pick.position, pick]));
  const storedByPosition = new Map(published.storedPicks.map((pick) => [pick.position, pick]));
  for (const pick of rerun.picked) {
    const shown = byPosition.get(pick.position);
    if (!shown || shown.enterpriseId !== pick.targetId) {
      out.push({ kind: 'target', position: pick.position, published: shown?.enterpriseId ?? '—', rerun: pick.targetId });
    }
    const stored = storedByPosition.get(pick.position);
    const a = stored ? stored.inspectorIds.join(', ') : '—';
    const b = pick.inspectorIds.join(', ');
    if (a !== b) out.push({ kind: 'inspectors', position: pick.position, published: a, rerun: b });
  }
  return out.slice(0, MAX_DIFFERENCES);
}

/** Re-runs the draw from its published input and compares; input the algorithm refuses is one difference. */
export function rerunDraw(
  inputData: unknown,
  outcomeData: unknown,
  published: { draw: Draw; picks: readonly DrawPickRow[] },
  now: () => number = () => performance.now(),
): RerunReport {
  const started = now();
  const failed = (difference: RerunDifference): RerunReport => ({ matches: false, differences: [difference], picked: 0, durationMs: now() - started });
  const input = parseDrawInput(inputData);
  if (!input) return failed({ kind: 'malformed', part: 'input' });
  const storedPicks = parsePublishedPicks(outcomeData);
  if (!storedPicks) return failed({ kind: 'malformed', part: 'outcome' });
  let rerun: DrawOutcome;
  try {
    rerun = runDraw(input);
  } catch (error) {
    return failed({ kind: 'refused', message: error instanceof Error ? error.message : String(error) });
  }
  const differences = compareWithPublished(rerun, { ...published, storedPicks, rosterSize: input.targets.length });
  return { matches: differences.length === 0, differences, picked: rerun.picked.length, durationMs: now() - started };
}
