import type { Localised } from '@shian/domain/i18n/locale.ts';
import type { Locale } from './setup.ts';

/**
 * The text of a bilingual vocabulary entry from `@shian/domain` (risk factor labels, upgrade trigger names)
 * in the active locale; `fallback` when the entry is missing.
 */
export function pickLocalised(locale: Locale, entry: Localised | undefined, fallback = ''): string {
  return entry?.[locale] ?? fallback;
}
