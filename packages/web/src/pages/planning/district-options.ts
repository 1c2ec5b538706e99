import { useMemo } from 'react';
import { useJurisdictions } from '../../api/queries.ts';
import { useCurrentUser } from '../../app/current-user.tsx';
import { localName, useLocale } from '../../i18n/setup.ts';

/** The district part of a jurisdiction code: a street (9 digits) belongs to its first 6; a city has none. */
function districtOf(code: string | null): string | null {
  if (!code) return null;
  const district = code.slice(0, 6);
  return district.endsWith('0000') ? null : district;
}

/**
 * The districts (区) the signed-in user may plan or draw for: their own district, or every district for a
 * city user. `defaultCode` is the user's own district, or null for a city user (who picks one).
 */
export function useDistrictOptions() {
  const user = useCurrentUser();
  const locale = useLocale();
  const jurisdictions = useJurisdictions();
  const own = districtOf(user.jurisdictionCode);
  const options = useMemo(
    () =>
      (jurisdictions.data ?? [])
        .filter((item) => item.level === 'district' && (own === null || item.code === own))
        .map((item) => ({ value: item.code, label: localName(locale, item) })),
    [jurisdictions.data, locale, own],
  );
  return { options, defaultCode: own, loading: jurisdictions.isPending };
}
