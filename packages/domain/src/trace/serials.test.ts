import { describe, expect, it } from 'vitest';
import { SERIAL_ALPHABET, SERIAL_ENTROPY_BITS, SERIAL_LENGTH, makeSerialGenerator, serialFromBytes } from './serials.ts';

const SERIAL = new RegExp(`^[${SERIAL_ALPHABET}]{${SERIAL_LENGTH}}$`);

/** A deterministic byte source (xorshift32), so the statistical test below gives the same answer every run. */
function seededBytes(seed: number): (n: number) => Uint8Array {
  let state = seed >>> 0 || 1;
  return (n) => {
    const bytes = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      state ^= state << 13;
      state >>>= 0;
      state ^= state >>> 17;
      state ^= state << 5;
      state >>>= 0;
      bytes[i] = state >>> 24;
    }
    return bytes;
  };
}

/** Counts of each alphabet character over `serials`. */
function characterCounts(serials: readonly string[]): number[] {
  const counts = new Array<number>(SERIAL_ALPHABET.length).fill(0);
  for (const serial of serials) {
    for (const ch of serial) {
      const index = SERIAL_ALPHABET.indexOf(ch);
      counts[index] = (counts[index] ?? 0) + 1;
    }
  }
  return counts;
}

describe('SERIAL_ALPHABET', () => {
  it('has 31 distinct characters without look-alikes', () => {
    expect(SERIAL_ALPHABET).toHaveLength(31);
    expect(new Set(SERIAL_ALPHABET).size).toBe(31);
    for (const lookAlike of '01ILO') expect(SERIAL_ALPHABET).not.toContain(lookAlike);
  });

  it('gives 12-character serials about 59.4 bits of entropy', () => {
    expect(SERIAL_LENGTH).toBe(12);
    expect(SERIAL_ENTROPY_BITS).toBeCloseTo(59.45, 2);
  });
});

describe('serialFromBytes', () => {
  it('maps byte b below 248 to character b mod 31', () => {
    expect(serialFromBytes(Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 30, 31]))).toBe('23456789ABZ2');
    expect(serialFromBytes(new Uint8Array(12).fill(247))).toBe('Z'.repeat(12));
  });

  it('skips bytes 248–255 (rejection sampling) and ignores bytes after the twelfth character', () => {
    const bytes = Uint8Array.from([248, 249, 250, 251, 252, 253, 254, 255, ...new Array<number>(12).fill(33), 7]);
    expect(serialFromBytes(bytes)).toBe('4'.repeat(12));
  });

  it('returns null when the bytes run out before twelve characters', () => {
    expect(serialFromBytes(new Uint8Array(11))).toBeNull();
    expect(serialFromBytes(Uint8Array.from([...new Array<number>(11).fill(0), 255]))).toBeNull();
    expect(serialFromBytes(new Uint8Array(0))).toBeNull();
  });

  it('has no modulo bias: over all 256 byte values each character comes from exactly 8', () => {
    const perCharacter = new Map<string, number>();
    for (let byte = 0; byte < 256; byte++) {
      const serial = serialFromBytes(new Uint8Array(SERIAL_LENGTH).fill(byte));
      if (serial !== null) perCharacter.set(serial.charAt(0), (perCharacter.get(serial.charAt(0)) ?? 0) + 1);
    }
    expect(perCharacter.size).toBe(31);
    expect([...perCharacter.values()].every((count) => count === 8)).toBe(true);
  });
});

describe('makeSerialGenerator', () => {
  it('draws from a counter byte source in exact rotation (each character within one of the others)', () => {
    let counter = 0;
    const next = makeSerialGenerator((n) => Uint8Array.from({ length: n }, () => counter++ & 0xff), 100);
    const counts = characterCounts(Array.from({ length: 10_000 }, next));
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it('is uniform on a fixed pseudo-random byte stream (chi-square, 30 degrees of freedom)', () => {
    const serials = Array.from({ length: 50_000 }, makeSerialGenerator(seededBytes(20_250_615)));
    const counts = characterCounts(serials);
    const expected = (serials.length * SERIAL_LENGTH) / SERIAL_ALPHABET.length;
    const chiSquare = counts.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
    // 30 degrees of freedom: P(χ² > 70) < 1e-4 for a uniform source; `byte % 31` without rejection scores ~1,700.
    expect(chiSquare).toBeLessThan(70);
    // The first position alone, which a biased mapping would skew just the same.
    const first = characterCounts(serials.map((serial) => serial.charAt(0)));
    const expectedFirst = serials.length / SERIAL_ALPHABET.length;
    expect(first.reduce((sum, count) => sum + (count - expectedFirst) ** 2 / expectedFirst, 0)).toBeLessThan(70);
  });

  it('makes 100,000 distinct well-formed serials from crypto.getRandomValues', () => {
    const next = makeSerialGenerator((n) => crypto.getRandomValues(new Uint8Array(n)));
    const serials = Array.from({ length: 100_000 }, next);
    expect(serials.every((serial) => SERIAL.test(serial))).toBe(true);
    expect(new Set(serials).size).toBe(serials.length);
  });

  it('asks the source for poolSize bytes at a time and copes with shorter answers', () => {
    const requests: number[] = [];
    const next = makeSerialGenerator((n) => {
      requests.push(n);
      return new Uint8Array(5).fill(3);
    }, 64);
    expect(next()).toBe('5'.repeat(12));
    expect(requests).toEqual([64, 64, 64]);
  });

  it('refuses a source that returns no bytes and a bad pool size', () => {
    expect(makeSerialGenerator(() => new Uint8Array(0))).toThrow(RangeError);
    expect(() => makeSerialGenerator(() => new Uint8Array(1), 0)).toThrow(RangeError);
  });
});
