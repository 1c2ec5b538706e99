/**
 * Loads the demo city: special-food producers (生产企业) with licences, products and key people, sellers
 * (销售者) across the 16 districts, importers, platforms, online sellers and warehouses, and the demo accounts,
 * in one transaction with its audit entries. Deterministic: the same seed (and reference date) gives the same
 * city apart from UUIDs and timestamps.
 */
import { SYSTEM_ACTOR } from '@shian/domain';
import { recordAudit } from '../audit/record-audit.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { Db } from '../db/connect.ts';
import { withTransaction } from '../db/transaction.ts';
import { today } from '../registry/guards.ts';
import { withIndexesBuiltAfter } from './bulk-load.ts';
import { loadDemoDuties } from './demo-duties.ts';
import { loadDemoTraining } from './demo-training.ts';
import { DEMO_PASSWORD } from './demo-accounts.ts';
import { planDemoBase } from './demo-city.ts';
import { DEMO_ENTERPRISE_ADMIN, planUsers } from './demo-users.ts';
import { addCounts, insertEnterprises, insertUsers } from './insert-demo.ts';
import { createRandom } from './random.ts';

export { DEMO_ENTERPRISE_ADMIN } from './demo-users.ts';
export { planDemoCity, type DemoCityPlan } from './demo-city.ts';

/** Sellers generated, written and audited per step: bounds memory for large cities. */
const SELLER_BATCH = 5000;

/** The tables the load fills in bulk; their secondary indexes are built once, after the rows are in. */
const BULK_TABLES = ['enterprises', 'premises', 'licences', 'products', 'people', 'audit_log'] as const;

export interface DemoOptions {
  /** Number of sellers (销售者); the default start uses 3,000, the benchmark 100,000. */
  sellers: number;
  /** Seed of the generator; {@link DEFAULT_DEMO_SEED} when absent. */
  seed?: number;
  /**
   * The reference date (`YYYY-MM-DD`) licence and appointment dates are relative to: today in Shanghai when
   * absent, so that the expiring and expired licences are so on the day the demo is loaded.
   */
  asOf?: string;
}

export interface DemoSummary {
  enterprises: number;
  producers: number;
  sellers: number;
  licences: number;
  products: number;
  people: number;
  users: number;
  seed: number;
}

export const DEFAULT_DEMO_SEED = 20_260_101;

/** Inserts the demo city in one transaction and records it in `settings` under `demo.loaded`. */
export async function loadDemoData(db: Db, options: DemoOptions): Promise<DemoSummary> {
  if (!Number.isSafeInteger(options.sellers) || options.sellers < 0) throw new RangeError(`sellers must be a non-negative integer: ${options.sellers}`);
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const asOf = options.asOf ?? today();
  const base = planDemoBase({ sellers: options.sellers, seed, asOf, now: new Date() });
  // Hashed once for every demo account: argon2id is slow by design.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users = planUsers(base.ctx, createRandom(seed, 'users'), passwordHash, base.demoEnterprise.enterprise.id);

  return withTransaction({ db, actor: SYSTEM_ACTOR }, async (trx) => {
    const { counts, sellers } = await withIndexesBuiltAfter(trx.db, BULK_TABLES, async () => {
      let written = await insertEnterprises(trx, base.fixed);
      await insertUsers(trx, users);
      let sellerCount = 0;
      for (const batch of base.sellerBatches(SELLER_BATCH)) {
        written = addCounts(written, await insertEnterprises(trx, batch));
        sellerCount += batch.length;
      }
      return { counts: written, sellers: sellerCount };
    });
    // Enterprise duties (主体责任): the producers' lists, ~60 days of checks, hazards, reports and minutes.
    await loadDemoDuties(trx, { seed, asOf, demoEnterpriseId: base.demoEnterprise.enterprise.id });
    // Training and spot-check exams (培训考核): this year's hours, a closed session with results, an open one.
    await loadDemoTraining(trx, { seed, asOf, demoEnterpriseId: base.demoEnterprise.enterprise.id });
    const summary: DemoSummary = {
      enterprises: counts.enterprises,
      producers: base.producers.length,
      sellers,
      licences: counts.licences,
      products: counts.products,
      people: counts.people,
      users: users.length,
      seed,
    };
    await recordAudit(trx, {
      action: 'demo.load',
      entityType: 'system',
      entityId: 'demo',
      jurisdictionCode: null,
      enterpriseId: null,
      before: null,
      after: summary,
    });
    const value = JSON.stringify(summary);
    await trx.db
      .insertInto('settings')
      .values({ key: 'demo.loaded', value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updatedAt: new Date() }))
      .execute();
    return summary;
  });
}

/** The demo enterprise (the one `ent-admin-1` acts for), or null when the demo city is not loaded. */
export async function findDemoEnterprise(db: Db): Promise<{ id: string; name: string } | null> {
  const row = await db
    .selectFrom('users')
    .innerJoin('enterprises', 'enterprises.id', 'users.enterpriseId')
    .select(['enterprises.id', 'enterprises.name'])
    .where('users.username', '=', DEMO_ENTERPRISE_ADMIN.username)
    .executeTakeFirst();
  return row ?? null;
}
