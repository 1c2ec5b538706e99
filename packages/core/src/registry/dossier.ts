import { AppError, abilitiesFor, assertCan, dossierFlags, type Action, type FlagCode } from '@shian/domain';
import { scopeCondition } from '../access/scope.ts';
import type { Ctx } from '../db/transaction.ts';
import type { EnterpriseRow, LicenceRow, PersonRow, PremisesRow, ProductRow } from '../db/schema.ts';
import { today } from './guards.ts';

export interface Dossier {
  enterprise: EnterpriseRow;
  premises: PremisesRow[];
  licences: LicenceRow[];
  products: ProductRow[];
  people: PersonRow[];
  flags: FlagCode[];
  abilities: Action[];
}

/** Everything the registry knows of one enterprise (一企一档), if the actor may see it. */
export async function getDossier(ctx: Ctx, id: string): Promise<Dossier> {
  const enterprise = await ctx.db
    .selectFrom('enterprises')
    .selectAll()
    .where('id', '=', id)
    .where(scopeCondition(ctx.actor, 'enterprises'))
    .executeTakeFirst();
  if (!enterprise) throw new AppError('resource.not_found');
  const target = { jurisdictionCode: enterprise.jurisdictionCode, enterpriseId: enterprise.id };
  assertCan(ctx.actor, 'registry.read', target);
  const [premises, licences, products, people] = await Promise.all([
    ctx.db.selectFrom('premises').selectAll().where('enterpriseId', '=', id).orderBy('createdAt').execute(),
    ctx.db.selectFrom('licences').selectAll().where('enterpriseId', '=', id).orderBy('validUntil', 'desc').execute(),
    ctx.db.selectFrom('products').selectAll().where('enterpriseId', '=', id).orderBy('name').execute(),
    ctx.db.selectFrom('people').selectAll().where('enterpriseId', '=', id).orderBy('role').orderBy('appointedOn').execute(),
  ]);
  const flags = dossierFlags({ kinds: enterprise.kinds, usccCheckFailed: enterprise.usccCheckFailed, licences, products, people }, today());
  return { enterprise, premises, licences, products, people, flags, abilities: abilitiesFor(ctx.actor, target) };
}

export interface ListFacts {
  licenceCount: number;
  productCount: number;
  flags: FlagCode[];
}

/** Counts and flags for a page of enterprises, in three queries whatever the page size. */
export async function findListFacts(ctx: Ctx, enterprises: readonly EnterpriseRow[]): Promise<Map<string, ListFacts>> {
  const ids = enterprises.map((e) => e.id);
  const result = new Map<string, ListFacts>();
  if (ids.length === 0) return result;
  const [licences, products, people] = await Promise.all([
    ctx.db.selectFrom('licences').select(['id', 'enterpriseId', 'kind', 'categories', 'validUntil', 'status']).where('enterpriseId', 'in', ids).execute(),
    ctx.db.selectFrom('products').select(['enterpriseId', 'category', 'licenceId']).where('enterpriseId', 'in', ids).execute(),
    ctx.db.selectFrom('people').select(['enterpriseId', 'role', 'endedOn']).where('enterpriseId', 'in', ids).execute(),
  ]);
  const day = today();
  for (const e of enterprises) {
    const own = {
      licences: licences.filter((l) => l.enterpriseId === e.id),
      products: products.filter((p) => p.enterpriseId === e.id),
      people: people.filter((p) => p.enterpriseId === e.id),
    };
    result.set(e.id, {
      licenceCount: own.licences.length,
      productCount: own.products.length,
      flags: dossierFlags({ kinds: e.kinds, usccCheckFailed: e.usccCheckFailed, ...own }, day),
    });
  }
  return result;
}
