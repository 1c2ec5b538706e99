import type { Db } from '../db/connect.ts';
import type { Trx } from '../db/transaction.ts';

/**
 * Where things happen, as EPCIS names it (readPoint, bizLocation, source and destination locations): a
 * premises (场所) of an enterprise. A premises with a GS1 GLN is `https://id.gs1.org/414/{gln}` (the canonical
 * Digital Link of the GLN); one without a GLN gets the platform's own URI `urn:shian:loc:{premisesId}`, which
 * the enterprise pages and the enterprise's API key use alike. Sub-locations of a GLN (`…/414/{gln}/254/{ext}`:
 * a dock, a cold room) belong to the same premises.
 */
export const PLATFORM_LOCATION_PREFIX = 'urn:shian:loc:';
const GLN_PREFIX = 'https://id.gs1.org/414/';

export interface PremisesLocation {
  premisesId: string;
  enterpriseId: string;
  jurisdictionCode: string;
  name: string;
  /** The canonical location identifier of the premises. */
  locationId: string;
}

/** The location identifier of a premises. */
export function locationIdOf(premises: { id: string; gln: string | null }): string {
  return premises.gln ? `${GLN_PREFIX}${premises.gln}` : `${PLATFORM_LOCATION_PREFIX}${premises.id}`;
}

/** The premises a (canonical) location identifier names, by GLN (sub-locations included) or platform id. */
function keyOf(locationId: string): { gln: string } | { premisesId: string } | null {
  if (locationId.startsWith(GLN_PREFIX)) {
    const gln = locationId.slice(GLN_PREFIX.length, GLN_PREFIX.length + 13);
    return /^\d{13}$/.test(gln) ? { gln } : null;
  }
  if (locationId.startsWith(PLATFORM_LOCATION_PREFIX)) {
    const id = locationId.slice(PLATFORM_LOCATION_PREFIX.length);
    return /^[0-9a-f-]{36}$/i.test(id) ? { premisesId: id } : null;
  }
  return null;
}

/**
 * Resolves location identifiers to premises in one query. Unknown identifiers (a place outside the platform)
 * are absent from the map. Keys of the map are the identifiers as given.
 */
export async function premisesByLocationIds(db: Db | Trx, locationIds: Iterable<string>): Promise<Map<string, PremisesLocation>> {
  const byGln = new Map<string, string[]>();
  const byId = new Map<string, string[]>();
  for (const locationId of new Set(locationIds)) {
    const key = keyOf(locationId);
    if (!key) continue;
    const [map, k] = 'gln' in key ? [byGln, key.gln] : [byId, key.premisesId];
    map.set(k, [...(map.get(k) ?? []), locationId]);
  }
  const result = new Map<string, PremisesLocation>();
  if (byGln.size === 0 && byId.size === 0) return result;
  const rows = await db
    .selectFrom('premises')
    .select(['id', 'gln', 'enterpriseId', 'jurisdictionCode', 'name'])
    .where((eb) => eb.or([...(byGln.size ? [eb('gln', 'in', [...byGln.keys()])] : []), ...(byId.size ? [eb('id', 'in', [...byId.keys()])] : [])]))
    .execute();
  for (const row of rows) {
    const location: PremisesLocation = { premisesId: row.id, enterpriseId: row.enterpriseId, jurisdictionCode: row.jurisdictionCode, name: row.name, locationId: locationIdOf(row) };
    for (const given of [...(row.gln ? (byGln.get(row.gln) ?? []) : []), ...(byId.get(row.id) ?? [])]) result.set(given, location);
  }
  return result;
}

/**
 * Who owns or holds goods, as EPCIS names it in sourceList / destinationList (type `owning_party`, beside the
 * `location`): an enterprise (企业), by its unified social credit code (统一社会信用代码), which every
 * registered enterprise has and which does not change when it moves: `urn:shian:org:{uscc}`.
 */
export const PLATFORM_PARTY_PREFIX = 'urn:shian:org:';

/** The party identifier of an enterprise. */
export function partyIdOf(enterprise: { uscc: string }): string {
  return `${PLATFORM_PARTY_PREFIX}${enterprise.uscc}`;
}

export interface EnterpriseParty {
  enterpriseId: string;
  uscc: string;
  name: string;
  jurisdictionCode: string;
  partyId: string;
}

/** Resolves party identifiers to enterprises in one query; identifiers of no registered enterprise are absent. */
export async function enterprisesByPartyIds(db: Db | Trx, partyIds: Iterable<string>): Promise<Map<string, EnterpriseParty>> {
  const usccs = [...new Set(partyIds)].filter((id) => id.startsWith(PLATFORM_PARTY_PREFIX)).map((id) => id.slice(PLATFORM_PARTY_PREFIX.length));
  const result = new Map<string, EnterpriseParty>();
  if (usccs.length === 0) return result;
  const rows = await db.selectFrom('enterprises').select(['id', 'uscc', 'name', 'jurisdictionCode']).where('uscc', 'in', usccs).execute();
  for (const row of rows) {
    const partyId = partyIdOf(row);
    result.set(partyId, { enterpriseId: row.id, uscc: row.uscc, name: row.name, jurisdictionCode: row.jurisdictionCode, partyId });
  }
  return result;
}

/** Every location identifier of an enterprise's premises (what it may name as readPoint or bizLocation). */
export async function locationIdsOfEnterprise(db: Db | Trx, enterpriseId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('premises').select(['id', 'gln']).where('enterpriseId', '=', enterpriseId).execute();
  return new Set(rows.map(locationIdOf));
}
