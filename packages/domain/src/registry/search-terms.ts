/**
 * Search terms for partial Chinese name search, the same on every engine. PostgreSQL's pg_trgm depends on
 * the database locale to treat Chinese characters as word characters (with the C locale it yields no
 * trigrams at all), so the registry indexes its own n-grams: every character and every pair of adjacent
 * characters of the normalised name, in a GIN-indexed array. A query's grams must all be present
 * (`@>`), and the name is then rechecked with `LIKE`.
 */
export function normaliseSearchText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s()（）·.,，、\-_/]+/g, '');
}

/** Characters and adjacent pairs of a name, unique. */
export function nameGrams(name: string): string[] {
  const chars = [...normaliseSearchText(name)];
  const grams = new Set<string>(chars);
  for (let i = 0; i + 1 < chars.length; i += 1) grams.add(`${chars[i]}${chars[i + 1]}`);
  return [...grams];
}

/** The grams a query must match: its adjacent pairs, or the single character of a one-character query. */
export function queryGrams(query: string): string[] {
  const chars = [...normaliseSearchText(query)];
  if (chars.length === 1) return chars;
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i += 1) grams.add(`${chars[i]}${chars[i + 1]}`);
  return [...grams];
}

/** True when a query looks like an identifier (credit code, licence or product number, GTIN) rather than a name. */
export function looksLikeIdentifier(query: string): boolean {
  const q = query.trim().toUpperCase();
  return /^[0-9A-Z]{6,}$/.test(q) || /^(国食健|食健备|国食注|卫食健|卫进食健)/.test(q);
}
