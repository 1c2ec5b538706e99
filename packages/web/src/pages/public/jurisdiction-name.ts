import { useCallback } from 'react';
import { useJurisdictions } from '../../api/queries.ts';
import { localName, useLocale } from '../../i18n/setup.ts';

/**
 * Names jurisdiction codes in the active language from the public jurisdiction list (`/jurisdictions` needs
 * no sign-in). A code the list does not hold (outside a signed-in user's own subtree) reads as the code.
 */
export function useJurisdictionName(): (code: string) => string {
  const locale = useLocale();
  const jurisdictions = useJurisdictions();
  const items = jurisdictions.data;
  return useCallback(
    (code: string) => {
      const found = items?.find((item) => item.code === code);
      return found ? localName(locale, found) : code;
    },
    [items, locale],
  );
}
