/**
 * The canonical forms and hash-derived numbers of the draw (see `draw.ts` for the whole algorithm): id order,
 * input checks, the roster texts behind the digests, the uniform number of a target and the random stream
 * used to break ties between inspectors.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { isDivisionCode } from '../jurisdiction/scope.ts';
import { DrawInputError } from './types.ts';
import type { DrawInspector, DrawTarget } from './types.ts';

/** UTF-16 code unit → a number that sorts like the code point: surrogates after U+E000–U+FFFF. */
function codePointRank(unit: number): number {
  if (unit >= 0xe000) return unit - 0x800;
  if (unit >= 0xd800) return unit + 0x2000;
  return unit;
}

/**
 * Orders strings by Unicode code point (the same as comparing their UTF-8 bytes), independent of locale,
 * so an implementation in any language sorts the same way.
 */
export function compareIds(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

const hasSurrogate = (text: string): boolean => /[\ud800-\udfff]/.test(text);

/**
 * Sorts entries by id in {@link compareIds} order. Without surrogates (characters beyond U+FFFF) the
 * engine's own string order is the same and several times faster, so it is used then.
 */
export function sortById<T extends { id: string }>(entries: readonly T[]): T[] {
  const copy = [...entries];
  if (copy.some((entry) => hasSurrogate(entry.id))) return copy.sort((a, b) => compareIds(a.id, b.id));
  return copy.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

// Tabs, line breaks and NUL separate fields in the roster texts and hash inputs, so no id or seed holds one.
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit < 0x20 || unit === 0x7f) return true;
  }
  return false;
}

export function checkSeed(seed: string): void {
  if (seed.length === 0) throw new DrawInputError('seed_invalid', 'the seed is empty');
  if (hasControlCharacter(seed)) throw new DrawInputError('seed_invalid', 'the seed contains a control character');
}

export function checkId(kind: 'target' | 'inspector' | 'recused target', id: string): void {
  if (id.length === 0 || hasControlCharacter(id)) {
    throw new DrawInputError('id_invalid', `${kind} id ${JSON.stringify(id)} is empty or contains a control character`);
  }
}

export function checkJurisdiction(kind: 'target' | 'inspector', id: string, code: string): void {
  if (!isDivisionCode(code)) {
    throw new DrawInputError('jurisdiction_invalid', `${kind} ${id} has jurisdiction code ${JSON.stringify(code)}, not a 6- or 9-digit division code`);
  }
}

/** Throws when two entries share an id; `sorted` is in {@link compareIds} order, so duplicates are adjacent. */
export function checkUnique(kind: 'target' | 'inspector', sorted: readonly { id: string }[]): void {
  for (let i = 1; i < sorted.length; i += 1) {
    const id = sorted[i]?.id;
    if (id === sorted[i - 1]?.id) {
      throw new DrawInputError(kind === 'target' ? 'duplicate_target_id' : 'duplicate_inspector_id', `duplicate ${kind} id ${id}`);
    }
  }
}

/** An inspector with its recusal list sorted by {@link compareIds} and without repeats. */
export interface CanonicalInspector {
  id: string;
  jurisdictionCode: string;
  recusedTargetIds: string[];
}

export function canonicalInspector(inspector: DrawInspector): CanonicalInspector {
  const recused = [...new Set(inspector.recusedTargetIds)].sort(compareIds);
  return { id: inspector.id, jurisdictionCode: inspector.jurisdictionCode, recusedTargetIds: recused };
}

const hexSha256 = (text: string): string => bytesToHex(sha256(utf8ToBytes(text)));

/** One line per target, `id TAB jurisdictionCode TAB weight LF`, weight as ECMAScript `String(number)`. */
export function targetRosterText(sorted: readonly DrawTarget[]): string {
  return sorted.map((t) => `${t.id}\t${t.jurisdictionCode}\t${String(t.weight)}\n`).join('');
}

/** One line per inspector, `id TAB jurisdictionCode`, then `TAB recusedId` for each recusal, then LF. */
export function inspectorRosterText(sorted: readonly CanonicalInspector[]): string {
  return sorted.map((i) => [i.id, i.jurisdictionCode, ...i.recusedTargetIds].join('\t') + '\n').join('');
}

export const targetRosterDigest = (sorted: readonly DrawTarget[]): string => hexSha256(targetRosterText(sorted));
export const inspectorRosterDigest = (sorted: readonly CanonicalInspector[]): string => hexSha256(inspectorRosterText(sorted));

const TWO_POW_20 = 2 ** 20;
const TWO_POW_52 = 2 ** 52;

/**
 * The target's uniform number in (0, 1): the first 52 bits n of SHA-256(seed ‖ NUL "target" NUL ‖ id), read
 * big-endian, give (n + 0.5) / 2^52. Exact in a double: n + 0.5 needs 53 bits and the division is by a power of 2.
 */
export function targetUniform(seed: string, targetId: string): number {
  const d = sha256(utf8ToBytes(`${seed}\u0000target\u0000${targetId}`));
  const high32 = (((d[0] ?? 0) << 24) | ((d[1] ?? 0) << 16) | ((d[2] ?? 0) << 8) | (d[3] ?? 0)) >>> 0;
  const low20 = ((d[4] ?? 0) << 12) | ((d[5] ?? 0) << 4) | ((d[6] ?? 0) >> 4);
  return (high32 * TWO_POW_20 + low20 + 0.5) / TWO_POW_52;
}

const TWO_POW_32 = 2 ** 32;

/**
 * The random stream of one target for breaking ties between inspectors: block b (b = 0, 1, 2, …) is
 * SHA-256(seed ‖ NUL "inspector" NUL ‖ targetId ‖ NUL ‖ b in decimal), read as eight big-endian 32-bit words;
 * words are used in order, block after block. Blocks are hashed only when a word is asked for.
 */
export class InspectorStream {
  readonly #prefix: string;
  #block = 0;
  #words: number[] = [];

  constructor(seed: string, targetId: string) {
    this.#prefix = `${seed}\u0000inspector\u0000${targetId}\u0000`;
  }

  #nextWord(): number {
    if (this.#words.length === 0) {
      const d = sha256(utf8ToBytes(`${this.#prefix}${this.#block}`));
      this.#block += 1;
      // Reversed so that pop() yields word 0 first.
      for (let w = 7; w >= 0; w -= 1) {
        const o = w * 4;
        this.#words.push((((d[o] ?? 0) << 24) | ((d[o + 1] ?? 0) << 16) | ((d[o + 2] ?? 0) << 8) | (d[o + 3] ?? 0)) >>> 0);
      }
    }
    return this.#words.pop() ?? 0;
  }

  /**
   * A uniform integer in [0, n) for 1 ≤ n ≤ 2^32, by rejection: words at or above 2^32 − (2^32 mod n) are
   * skipped, so every result is exactly equally likely; the accepted word w gives w mod n.
   */
  nextBelow(n: number): number {
    const limit = TWO_POW_32 - (TWO_POW_32 % n);
    for (;;) {
      const word = this.#nextWord();
      if (word < limit) return word % n;
    }
  }
}
