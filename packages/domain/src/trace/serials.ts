/**
 * Serial numbers (序列号, AI 21) for one-item-one-code (一物一码) labels: 12 characters from an alphabet of
 * 31 that has no look-alikes (no 0/O, 1/I/L), drawn without modulo bias from random bytes the caller
 * supplies. This module reads no random source: the core package passes `crypto.randomBytes`.
 */

/** The 31 serial characters: digits 2–9 and upper-case letters without I, L and O. */
export const SERIAL_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** Characters in a generated serial. */
export const SERIAL_LENGTH = 12;

/** Entropy of one serial: log2(31^12) ≈ 59.45 bits. */
export const SERIAL_ENTROPY_BITS = SERIAL_LENGTH * Math.log2(SERIAL_ALPHABET.length);

/**
 * Bytes below this are used (`byte % 31`, each character exactly 8 of the 248 values); the 8 bytes from
 * 248 up are skipped, which removes the bias `byte % 31` would otherwise have. A byte is skipped with
 * probability 8/256 = 1/32, so a serial takes 12 × 32/31 ≈ 12.4 bytes on average.
 */
const ACCEPT_BELOW = 248;

/** Draws one serial from `nextByte`, or returns null as soon as it returns undefined (no bytes left). */
function drawSerial(nextByte: () => number | undefined): string | null {
  let serial = '';
  while (serial.length < SERIAL_LENGTH) {
    const byte = nextByte();
    if (byte === undefined) return null;
    if (byte < ACCEPT_BELOW) serial += SERIAL_ALPHABET.charAt(byte % SERIAL_ALPHABET.length);
  }
  return serial;
}

/**
 * Maps random bytes to a serial without modulo bias (rejection sampling; see {@link SERIAL_ALPHABET}).
 * Reads `bytes` from the start, skipping each byte ≥ 248, until it has {@link SERIAL_LENGTH} characters;
 * returns null if `bytes` runs out first. With 24 bytes that happens with probability below 1e-13; with
 * exactly 12 it happens 32 % of the time. Deterministic: the same bytes give the same serial.
 */
export function serialFromBytes(bytes: Uint8Array): string | null {
  let next = 0;
  return drawSerial(() => (next < bytes.length ? bytes[next++] : undefined));
}

/**
 * Returns a function that makes a new serial on each call, from `randomBytes(n)` (a cryptographic source
 * such as `crypto.randomBytes`), which it calls for `poolSize` bytes at a time and consumes byte by byte
 * (≈ 12.4 bytes per serial; see {@link serialFromBytes}). Uniform over the 31^12 serials: two serials
 * collide with probability 2^−59.4, so n serials hold a collision with probability about n² / 2^60.4
 * (6e-7 for a million, 0.6 % for a hundred million): storage still keeps serials unique per GTIN and
 * draws again on a clash. Throws a `RangeError` if `randomBytes` returns no bytes.
 */
export function makeSerialGenerator(randomBytes: (n: number) => Uint8Array, poolSize = 256): () => string {
  if (!Number.isInteger(poolSize) || poolSize < 1) throw new RangeError(`poolSize must be a positive integer: ${poolSize}`);
  let pool: Uint8Array = new Uint8Array(0);
  let next = 0;
  const nextByte = (): number => {
    if (next >= pool.length) {
      pool = randomBytes(poolSize);
      next = 0;
      if (pool.length === 0) throw new RangeError('randomBytes returned no bytes');
    }
    return pool[next++] ?? 0;
  };
  // nextByte never runs out (it refills the pool), so drawSerial never returns null here.
  return () => drawSerial(nextByte) ?? '';
}
