/**
 * The public side of the draw: a seed made from random bytes before the draw, and the re-run that anyone
 * holding the published input can do to check a published outcome (一公开).
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { runDraw } from './draw.ts';
import { ALGORITHM } from './types.ts';
import type { DrawInput, DrawOutcome } from './types.ts';

/** The fewest random bytes a seed is made from (128 bits). */
export const SEED_MIN_BYTES = 16;

/**
 * Formats random bytes as a seed (lower-case hex). The caller draws the bytes from a cryptographic source
 * (`crypto.getRandomValues`) and publishes the seed before the draw; this module reads no random source.
 */
export function randomSeed(bytes: Uint8Array): string {
  if (bytes.length < SEED_MIN_BYTES) throw new RangeError(`a seed needs at least ${SEED_MIN_BYTES} random bytes, got ${bytes.length}`);
  return bytesToHex(bytes);
}

/** A published outcome as it arrives from outside (JSON), before {@link verifyDraw}. */
export const ZDrawOutcome = z.object({
  algorithm: z.literal(ALGORITHM),
  seed: z.string(),
  rosterDigest: z.string(),
  inspectorRosterDigest: z.string(),
  picked: z.array(z.object({ position: z.number(), targetId: z.string(), inspectorIds: z.array(z.string()) })),
  unstaffed: z.array(z.string()),
});

/** At most this many differences are listed one by one; the rest are counted in a last line. */
const MAX_LISTED = 50;

const list = (ids: readonly string[]): string => `[${ids.join(', ')}]`;

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/**
 * Re-runs the draw on `input` and compares the result with `published`, field by field. `matches` is true
 * only when everything is identical; `differences` say what differs (published value first, then the
 * re-run's), in English, for a log or a verification page. Input the draw refuses is one difference.
 */
export function verifyDraw(input: DrawInput, published: DrawOutcome): { matches: boolean; differences: string[] } {
  let rerun: DrawOutcome;
  try {
    rerun = runDraw(input);
  } catch (error) {
    return { matches: false, differences: [`input: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const differences: string[] = [];
  const scalar = (field: 'algorithm' | 'seed' | 'rosterDigest' | 'inspectorRosterDigest') => {
    if (published[field] !== rerun[field]) differences.push(`${field}: published ${published[field]}, re-run ${rerun[field]}`);
  };
  scalar('algorithm');
  scalar('seed');
  scalar('rosterDigest');
  scalar('inspectorRosterDigest');

  if (published.picked.length !== rerun.picked.length) {
    differences.push(`picked: published ${published.picked.length} targets, re-run ${rerun.picked.length}`);
  }
  const common = Math.min(published.picked.length, rerun.picked.length);
  for (let i = 0; i < common; i += 1) {
    const p = published.picked[i];
    const r = rerun.picked[i];
    if (!p || !r) continue;
    if (p.position !== r.position) differences.push(`picked[${i}].position: published ${p.position}, re-run ${r.position}`);
    if (p.targetId !== r.targetId) differences.push(`picked[${i}].targetId: published ${p.targetId}, re-run ${r.targetId}`);
    if (!sameList(p.inspectorIds, r.inspectorIds)) {
      differences.push(`picked[${i}].inspectorIds: published ${list(p.inspectorIds)}, re-run ${list(r.inspectorIds)}`);
    }
  }
  if (!sameList(published.unstaffed, rerun.unstaffed)) {
    differences.push(`unstaffed: published ${list(published.unstaffed)}, re-run ${list(rerun.unstaffed)}`);
  }

  const listed = differences.slice(0, MAX_LISTED);
  if (differences.length > MAX_LISTED) listed.push(`… and ${differences.length - MAX_LISTED} more differences`);
  return { matches: differences.length === 0, differences: listed };
}
