/**
 * The reproducible random draw of 双随机、一公开 (random targets, random inspectors, public results):
 * algorithm `shian-draw/1`. Pure and deterministic: the same input gives the same outcome in Node, in a
 * browser or in any re-implementation of the rules below. Nothing here reads a clock or a random source; the
 * seed is fixed and published before the draw (see `randomSeed`).
 *
 * ── shian-draw/1 ──────────────────────────────────────────────────────────────────────────────────────────
 * Notation: ‖ is concatenation, NUL is U+0000, strings are hashed as UTF-8, SHA-256 is FIPS 180-4, and "id
 * order" compares strings by Unicode code point (equivalently by UTF-8 bytes), never by locale.
 *
 * 0. Checks (any failure refuses the draw): the seed is non-empty and has no control character (U+0000–
 *    U+001F, U+007F); every target id, inspector id and recused id is non-empty without control characters;
 *    target ids are unique, inspector ids are unique; every jurisdiction code has 6 or 9 digits; every weight
 *    is a finite number > 0; a count is a whole number ≥ 1; a proportion is finite and in (0, 1];
 *    inspectorsPerTarget is a whole number ≥ 2 (49号令 第二十三条: at least two inspectors).
 * 1. Canonical form: targets in id order; inspectors in id order; each recusal list in id order without
 *    repeats. Input order therefore never matters.
 * 2. Digests, lower-case hex SHA-256 of:
 *    rosterDigest: one line per target, `id TAB jurisdictionCode TAB weight LF`, the weight written as
 *    ECMAScript `Number.prototype.toString` writes it (shortest round-trip form: 1, 0.5, 2.25, 1e-7);
 *    inspectorRosterDigest: one line per inspector, `id TAB jurisdictionCode`, then `TAB recusedId` for each
 *    recusal, then LF. An empty roster hashes the empty string.
 * 3. Targets: size. count → min(count, roster size): a count above the roster size is clamped, not refused.
 *    proportion p → ceil(p × N) for a roster of N, with p × N computed in IEEE-754 double and a product within
 *    1e-9 above a whole number taken as that number (so 0.07 × 100 gives 7, not 8); at least 1 when N > 0.
 *    Selection is weighted sampling without replacement (Efraimidis–Spirakis, 2006): for each target, n is the
 *    first 52 bits, big-endian, of SHA-256(seed ‖ NUL ‖ "target" ‖ NUL ‖ id); u = (n + 0.5) / 2^52, in (0, 1);
 *    key = −ln(u) / weight in double arithmetic, ln being fdlibm's `__ieee754_log` (see natural-log.ts; it
 *    equals V8's `Math.log`). Targets are ranked by key ascending, equal keys in id order; the first `size`
 *    are picked, and the rank is the 1-based `position`. With equal weights every subset of the size is
 *    equally likely; a higher weight raises a target's chance of inclusion.
 * 4. Inspectors, target by target in position order, starting with every inspector's load at 0:
 *    eligible = inspectors whose scope contains the target's code (`isWithin(target, inspector)`: the code
 *    starts with the scope's prefix, 2 digits for `xx0000`, 4 for `xxxx00`, else all 6 or 9) and who have not
 *    recused from the target. Fewer eligible than inspectorsPerTarget → the target is unstaffed: it keeps its
 *    position with no inspectors and is listed in `unstaffed`; loads do not change. Otherwise, group the
 *    eligible by load, lowest first, each group in id order; take whole groups while they fit; from the group
 *    that does not fit (m inspectors, r still needed) draw r by a partial Fisher–Yates shuffle: for j = 0 …
 *    r−1, x = the next uniform integer below m − j, swap entries j and j + x; the first r are taken. Uniform
 *    integers come from the target's stream: block b = 0, 1, … is SHA-256(seed ‖ NUL ‖ "inspector" ‖ NUL ‖
 *    targetId ‖ NUL ‖ b in decimal ASCII), read as eight big-endian 32-bit words used in order; a word w is
 *    rejected while w ≥ 2^32 − (2^32 mod k) and otherwise gives w mod k (k = m − j). Each taken inspector's
 *    load rises by 1; the team is listed in id order.
 * 5. Outcome: { algorithm, seed, rosterDigest, inspectorRosterDigest, picked (position order), unstaffed
 *    (position order) }.
 * ─────────────────────────────────────────────────────────────────────────────────────────────────────────
 */
import { assignInspectors } from './assign-inspectors.ts';
import {
  canonicalInspector,
  checkId,
  checkJurisdiction,
  checkSeed,
  checkUnique,
  inspectorRosterDigest,
  sortById,
  targetRosterDigest,
  targetUniform,
} from './canonical.ts';
import { naturalLog } from './natural-log.ts';
import { ALGORITHM, DrawInputError } from './types.ts';
import type { DrawInput, DrawOutcome, DrawPick, DrawSize, DrawTarget } from './types.ts';

/** A product this close above a whole number is taken as that number (floating-point noise, e.g. 0.07 × 100). */
const PROPORTION_TOLERANCE = 1e-9;

/**
 * The number of targets a draw of `size` picks from a roster of `rosterSize` (step 3): a count is clamped to
 * the roster size; a proportion gives ceil(p × N), at least 1 when the roster is not empty. Throws a
 * {@link DrawInputError} for a count that is not a whole number ≥ 1 or a proportion outside (0, 1].
 */
export function drawCount(size: DrawSize, rosterSize: number): number {
  if (size.mode === 'count') {
    if (!Number.isSafeInteger(size.count) || size.count < 1) {
      throw new DrawInputError('count_invalid', `count must be a whole number ≥ 1, got ${size.count}`);
    }
    return Math.min(size.count, rosterSize);
  }
  const p = size.proportion;
  if (!Number.isFinite(p) || p <= 0 || p > 1) {
    throw new DrawInputError('proportion_invalid', `proportion must be in (0, 1], got ${p}`);
  }
  if (rosterSize === 0) return 0;
  return Math.min(rosterSize, Math.max(1, Math.ceil(p * rosterSize - PROPORTION_TOLERANCE)));
}

function checkTargets(sorted: readonly DrawTarget[]): void {
  for (const target of sorted) {
    checkId('target', target.id);
    checkJurisdiction('target', target.id, target.jurisdictionCode);
    if (!Number.isFinite(target.weight) || target.weight <= 0) {
      throw new DrawInputError('weight_invalid', `target ${target.id} has weight ${target.weight}; a weight must be a finite number > 0`);
    }
  }
  checkUnique('target', sorted);
}

/** Runs draw `shian-draw/1` (see the comment at the top of this file). Throws a {@link DrawInputError} on bad input. */
export function runDraw(input: DrawInput): DrawOutcome {
  checkSeed(input.seed);
  if (!Number.isSafeInteger(input.inspectorsPerTarget) || input.inspectorsPerTarget < 2) {
    throw new DrawInputError('inspectors_per_target_invalid', `inspectorsPerTarget must be a whole number ≥ 2, got ${input.inspectorsPerTarget}`);
  }
  const targets = sortById(input.targets);
  checkTargets(targets);
  const inspectors = sortById(input.inspectors.map(canonicalInspector));
  for (const inspector of inspectors) {
    checkId('inspector', inspector.id);
    checkJurisdiction('inspector', inspector.id, inspector.jurisdictionCode);
    for (const targetId of inspector.recusedTargetIds) checkId('recused target', targetId);
  }
  checkUnique('inspector', inspectors);
  const count = drawCount(input.size, targets.length);

  const keys = new Float64Array(targets.length);
  targets.forEach((target, index) => {
    keys[index] = -naturalLog(targetUniform(input.seed, target.id)) / target.weight;
  });
  // Index order is id order, so comparing indices breaks equal keys by id.
  const ranked = Array.from(targets.keys()).sort((a, b) => (keys[a] ?? 0) - (keys[b] ?? 0) || a - b);
  const pickedTargets = ranked.slice(0, count).map((index) => targets[index]).filter((t) => t !== undefined);

  const { teams } = assignInspectors(input.seed, pickedTargets, inspectors, input.inspectorsPerTarget);
  const picked: DrawPick[] = [];
  const unstaffed: string[] = [];
  pickedTargets.forEach((target, index) => {
    const team = teams[index] ?? null;
    if (team === null) unstaffed.push(target.id);
    picked.push({
      position: index + 1,
      targetId: target.id,
      inspectorIds: (team ?? []).map((i) => inspectors[i]?.id).filter((id) => id !== undefined),
    });
  });

  return {
    algorithm: ALGORITHM,
    seed: input.seed,
    rosterDigest: targetRosterDigest(targets),
    inspectorRosterDigest: inspectorRosterDigest(inspectors),
    picked,
    unstaffed,
  };
}
