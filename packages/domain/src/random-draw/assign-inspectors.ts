/**
 * Inspector assignment of the draw (step 4 of the algorithm in `draw.ts`): for each picked target, in draw
 * order, the inspectors whose jurisdiction covers the target's and who did not recuse from it; of those, the
 * least loaded so far, ties drawn at random from the target's {@link InspectorStream}.
 */
import { isWithin } from '../jurisdiction/scope.ts';
import { InspectorStream } from './canonical.ts';
import type { CanonicalInspector } from './canonical.ts';

/**
 * The codes whose scope can contain `code`: itself, its district (6 digits), its prefecture (`xxxx00`) and
 * its province (`xx0000`). `isWithin` compares by the scope's prefix (2, 4, 6 or 9 digits), so no other code
 * can contain it; each candidate is still confirmed with `isWithin` by the caller.
 */
function candidateScopes(code: string): string[] {
  return [...new Set([code, code.slice(0, 6), `${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`])];
}

export interface Assignment {
  /** Inspector indices (into the canonical roster) per picked target, in draw order; null when unstaffed. */
  teams: (number[] | null)[];
}

/**
 * Assigns `perTarget` inspectors to each target of `pickedTargets` (each `{ id, jurisdictionCode }`, in draw
 * order). `inspectors` is the canonical roster (sorted by id), so index order is id order.
 */
export function assignInspectors(
  seed: string,
  pickedTargets: readonly { id: string; jurisdictionCode: string }[],
  inspectors: readonly CanonicalInspector[],
  perTarget: number,
): Assignment {
  // Jurisdiction index: inspector indices by their own code, ascending.
  const byCode = new Map<string, number[]>();
  inspectors.forEach((inspector, index) => {
    const list = byCode.get(inspector.jurisdictionCode);
    if (list) list.push(index);
    else byCode.set(inspector.jurisdictionCode, [index]);
  });
  // Inspectors covering a target code (before recusal), ascending; computed once per distinct code.
  const coveringCache = new Map<string, number[]>();
  const covering = (code: string): number[] => {
    const cached = coveringCache.get(code);
    if (cached) return cached;
    const found: number[] = [];
    for (const scope of candidateScopes(code)) {
      const list = byCode.get(scope);
      if (list && isWithin(code, scope)) found.push(...list);
    }
    found.sort((a, b) => a - b);
    coveringCache.set(code, found);
    return found;
  };
  // Recusals by target id: the set of inspector indices that recused from it.
  const recusedBy = new Map<string, Set<number>>();
  inspectors.forEach((inspector, index) => {
    for (const targetId of inspector.recusedTargetIds) {
      const set = recusedBy.get(targetId);
      if (set) set.add(index);
      else recusedBy.set(targetId, new Set([index]));
    }
  });

  const load = new Uint32Array(inspectors.length);
  const teams: (number[] | null)[] = [];
  for (const target of pickedTargets) {
    const recused = recusedBy.get(target.id);
    const base = covering(target.jurisdictionCode);
    const eligible = recused ? base.filter((index) => !recused.has(index)) : base;
    if (eligible.length < perTarget) {
      teams.push(null);
      continue;
    }
    const team = chooseLeastLoaded(eligible, load, perTarget, () => new InspectorStream(seed, target.id));
    for (const index of team) load[index] = (load[index] ?? 0) + 1;
    teams.push(team.sort((a, b) => a - b));
  }
  return { teams };
}

/**
 * Takes `count` of `eligible` (ascending indices, at least `count` of them): whole load levels from the
 * lowest up while they fit; from the level that does not fit, a partial Fisher–Yates draw over that level
 * in ascending order (for j = 0 … r−1: x = nextBelow(m − j), swap entries j and j + x; keep the first r).
 */
function chooseLeastLoaded(eligible: readonly number[], load: Uint32Array, count: number, openStream: () => InspectorStream): number[] {
  const chosen: number[] = [];
  let below = -1;
  while (chosen.length < count) {
    // One pass: the lowest load above the levels already taken, and who has it (ascending).
    let level = Number.POSITIVE_INFINITY;
    let tied: number[] = [];
    for (const index of eligible) {
      const l = load[index] ?? 0;
      if (l <= below || l > level) continue;
      if (l < level) {
        level = l;
        tied = [index];
      } else {
        tied.push(index);
      }
    }
    const needed = count - chosen.length;
    if (tied.length <= needed) {
      chosen.push(...tied);
    } else {
      const stream = openStream();
      for (let j = 0; j < needed; j += 1) {
        const k = j + stream.nextBelow(tied.length - j);
        const picked = tied[k] ?? 0;
        tied[k] = tied[j] ?? 0;
        tied[j] = picked;
        chosen.push(picked);
      }
    }
    below = level;
  }
  return chosen;
}
