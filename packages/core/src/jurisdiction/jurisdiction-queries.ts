import { SHANGHAI_JURISDICTIONS, actorScope, isWithin, scopePrefix, type Actor, type JurisdictionNode } from '@shian/domain';
import type { Db } from '../db/connect.ts';
import type { Trx } from '../db/transaction.ts';

/** Loads the jurisdiction tree (reference data) into the database; existing codes are updated in place. */
export async function seedJurisdictions(db: Db | Trx): Promise<number> {
  // Parents first, so that the foreign key holds row by row.
  const order = { city: 0, district: 1, street: 2 } as const;
  const nodes = [...SHANGHAI_JURISDICTIONS].sort((a, b) => order[a.level] - order[b.level]);
  for (let i = 0; i < nodes.length; i += 200) {
    const chunk = nodes.slice(i, i + 200).map((n) => ({ code: n.code, parentCode: n.parentCode, level: n.level, nameZh: n.nameZh, nameEn: n.nameEn }));
    await db
      .insertInto('jurisdictions')
      .values(chunk)
      .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ nameZh: eb.ref('excluded.nameZh'), nameEn: eb.ref('excluded.nameEn') })))
      .execute();
  }
  return nodes.length;
}

/** The jurisdictions an actor may work in: their own subtree (enterprise users: their enterprise's). */
export async function findVisibleJurisdictions(db: Db, actor: Actor): Promise<JurisdictionNode[]> {
  const rows = await db.selectFrom('jurisdictions').selectAll().orderBy('code').execute();
  const scope = actorScope(actor);
  if (scope.kind === 'jurisdiction' && actor.jurisdictionCode) {
    const own = actor.jurisdictionCode;
    return rows.filter((r) => isWithin(r.code, own) || isWithin(own, r.code));
  }
  if (scope.kind === 'enterprise') {
    const enterprise = await db.selectFrom('enterprises').select('jurisdictionCode').where('id', '=', scope.enterpriseId).executeTakeFirst();
    return enterprise ? rows.filter((r) => isWithin(enterprise.jurisdictionCode, r.code)) : [];
  }
  return rows;
}

/** The districts a KPI of `jurisdictionCode` is broken down into: those under it, or its own district. */
export async function findKpiDistricts(db: Db, jurisdictionCode: string): Promise<{ code: string; nameZh: string; nameEn: string }[]> {
  return db
    .selectFrom('jurisdictions')
    .select(['code', 'nameZh', 'nameEn'])
    .where('level', '=', 'district')
    .where((eb) => eb.or([eb('code', 'like', `${scopePrefix(jurisdictionCode)}%`), eb('code', '=', jurisdictionCode.slice(0, 6))]))
    .orderBy('code')
    .execute();
}
