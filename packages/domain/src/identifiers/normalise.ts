/**
 * Normalises a typed or pasted identifier before validation: full-width (全角) ASCII becomes half-width,
 * whitespace of any kind (including the ideographic space U+3000) is removed, and Latin letters are
 * upper-cased. Chinese characters pass through unchanged, so product numbers such as
 * `卫食健字（2001）第0123号` become `卫食健字(2001)第0123号`.
 */
export function normaliseIdentifier(input: string): string {
  let out = '';
  for (const ch of input) {
    const cp = ch.codePointAt(0) ?? 0;
    // U+FF01..U+FF5E are the full-width forms of U+0021..U+007E.
    out += cp >= 0xff01 && cp <= 0xff5e ? String.fromCodePoint(cp - 0xfee0) : ch;
  }
  return out.replace(/\s+/gu, '').toUpperCase();
}
