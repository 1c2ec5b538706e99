/**
 * The natural logarithm the draw uses, computed with IEEE-754 double arithmetic only (+, −, ×, ÷ and bit
 * access), so it gives the same bits in every engine. `Math.log` does not promise that: ECMAScript leaves
 * its precision to the implementation, and engines use different libraries.
 *
 * The algorithm is fdlibm's `__ieee754_log` (e_log.c, 1993), which V8 also uses for `Math.log`, ported
 * line by line. Its notice, preserved as it asks:
 *
 *   Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *   Developed at SunSoft, a Sun Microsystems, Inc. business. Permission to use, copy, modify, and
 *   distribute this software is freely granted, provided that this notice is preserved.
 *
 * Method: write x = 2^k · (1 + f) with √2/2 < 1 + f < √2; with s = f / (2 + f), log(1 + f) = 2s + s·R(s²)
 * where R is a degree-7 polynomial (coefficients Lg1–Lg7, each given below by its exact bits), and
 * log(x) = k·ln2_hi + (f − (hfsq − (s·(hfsq + R) + k·ln2_lo))) with hfsq = f²/2. The error is below 1 ulp.
 */

/** A double from its 64 bits written as two 32-bit words, so every constant is exact by construction. */
function fromWords(high: number, low: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setUint32(0, high);
  view.setUint32(4, low);
  return view.getFloat64(0);
}

const LN2_HI = fromWords(0x3fe62e42, 0xfee00000); // 6.93147180369123816490e-01
const LN2_LO = fromWords(0x3dea39ef, 0x35793c76); // 1.90821492927058770002e-10
const TWO54 = fromWords(0x43500000, 0x00000000); // 1.80143985094819840000e+16
const LG1 = fromWords(0x3fe55555, 0x55555593); // 6.666666666666735130e-01
const LG2 = fromWords(0x3fd99999, 0x9997fa04); // 3.999999999940941908e-01
const LG3 = fromWords(0x3fd24924, 0x94229359); // 2.857142874366239149e-01
const LG4 = fromWords(0x3fcc71c5, 0x1d8e78af); // 2.222219843214978396e-01
const LG5 = fromWords(0x3fc74664, 0x96cb03de); // 1.818357216161805012e-01
const LG6 = fromWords(0x3fc39a09, 0xd078c69f); // 1.531383769920937332e-01
const LG7 = fromWords(0x3fc2f112, 0xdf3e5244); // 1.479819860511658591e-01

const bits = new DataView(new ArrayBuffer(8));

/** The natural logarithm of `x`, bit for bit as fdlibm computes it (NaN below 0, −∞ at 0, +∞ at +∞). */
export function naturalLog(x: number): number {
  bits.setFloat64(0, x);
  // `| 0` reads the high word as the signed 32-bit integer the C code works with.
  let hx = bits.getUint32(0) | 0;
  const lx = bits.getUint32(4);
  let k = 0;
  if (hx < 0x00100000) {
    // x < 2^-1022: zero, negative or subnormal.
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity;
    if (hx < 0) return Number.NaN;
    k -= 54;
    x *= TWO54;
    bits.setFloat64(0, x);
    hx = bits.getUint32(0) | 0;
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  let i = (hx + 0x95f64) & 0x100000;
  // Normalise x or x/2 into [√2/2, √2) by rewriting its exponent bits.
  bits.setFloat64(0, x);
  bits.setUint32(0, (hx | (i ^ 0x3ff00000)) >>> 0);
  x = bits.getFloat64(0);
  k += i >> 20;
  const f = x - 1.0;
  if ((0x000fffff & (2 + hx)) < 3) {
    // |f| < 2^-20
    if (f === 0) {
      if (k === 0) return 0;
      return k * LN2_HI + k * LN2_LO;
    }
    const r = f * f * (0.5 - 0.3333333333333333 * f);
    if (k === 0) return f - r;
    return k * LN2_HI - (r - k * LN2_LO - f);
  }
  const s = f / (2.0 + f);
  const dk = k;
  const z = s * s;
  i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  i |= j;
  const r = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    if (k === 0) return f - (hfsq - s * (hfsq + r));
    return dk * LN2_HI - (hfsq - (s * (hfsq + r) + dk * LN2_LO) - f);
  }
  if (k === 0) return f - s * (f - r);
  return dk * LN2_HI - (s * (f - r) - dk * LN2_LO - f);
}
