/**
 * Plans the demo city deterministically: the same seed and reference date give the same enterprises,
 * licences, products and people (only the UUIDs and timestamps differ). Each part draws from its own random
 * stream, so the producers do not change when the number of sellers does.
 *
 * The fixed part (producers, importers, platforms, online sellers, warehouses) is planned at once; sellers
 * come in batches from {@link DemoCityBase.sellerBatches}, so a city of 100,000 sellers is written batch by
 * batch instead of being held in memory whole.
 */
import type { EnterpriseKind } from '@shian/domain';
import { breakUsccCheck, createPlanContext, finaliseSearch, type PlanContext, type PlannedEnterprise } from './demo-plan.ts';
import { planOtherEnterprises } from './other-enterprises.ts';
import { planProducers } from './producers.ts';
import { createRandom, itemAt } from './random.ts';
import { sellerBatches } from './sellers.ts';

export interface DemoCityOptions {
  sellers: number;
  seed: number;
  /** Reference date (`YYYY-MM-DD`) of every generated date. */
  asOf: string;
  /** Creation timestamp of every row. */
  now: Date;
}

export interface DemoCityBase {
  ctx: PlanContext;
  /** Producers first (the first is the demo enterprise), then importers, platforms, online sellers, warehouses. */
  fixed: PlannedEnterprise[];
  producers: PlannedEnterprise[];
  demoEnterprise: PlannedEnterprise;
  /** Special-food producers deliberately planned without a current food-safety director. */
  withoutDirector: PlannedEnterprise[];
  /** Enterprises whose stored credit code deliberately fails its check character. */
  failedUscc: PlannedEnterprise[];
  /** The sellers, `batchSize` at a time, search columns filled. Call once. */
  sellerBatches(batchSize: number): Generator<PlannedEnterprise[]>;
}

/** The whole city in memory (tests, small cities). */
export interface DemoCityPlan extends Omit<DemoCityBase, 'sellerBatches'> {
  sellers: PlannedEnterprise[];
  /** Every enterprise: the fixed part, then the sellers. */
  enterprises: PlannedEnterprise[];
}

/** One of each of these kinds gets a credit code with a wrong check character. */
const FAILED_USCC_KINDS: readonly EnterpriseKind[] = ['importer', 'online_seller', 'warehouse'];

export function planDemoBase(options: DemoCityOptions): DemoCityBase {
  const ctx = createPlanContext(createRandom(options.seed, 'identifiers'), options.asOf, options.now);
  const { producers, withoutDirector } = planProducers(ctx, createRandom(options.seed, 'producers'));
  const others = planOtherEnterprises(ctx, createRandom(options.seed, 'others'));

  const failedRandom = createRandom(options.seed, 'uscc-failures');
  const failedUscc = FAILED_USCC_KINDS.map((kind) => failedRandom.pick(others.get(kind) ?? []));
  for (const planned of failedUscc) breakUsccCheck(planned);

  const fixed = [...producers, ...[...others.values()].flat()];
  for (const planned of fixed) finaliseSearch(planned);
  const sellerRandom = createRandom(options.seed, 'sellers');
  return {
    ctx,
    fixed,
    producers,
    demoEnterprise: itemAt(producers, 0),
    withoutDirector,
    failedUscc,
    *sellerBatches(batchSize) {
      for (const batch of sellerBatches(ctx, sellerRandom, options.sellers, batchSize)) {
        for (const planned of batch) finaliseSearch(planned);
        yield batch;
      }
    },
  };
}

export function planDemoCity(options: DemoCityOptions): DemoCityPlan {
  const { sellerBatches: batches, ...base } = planDemoBase(options);
  const sellers = [...batches(10_000)].flat();
  return { ...base, sellers, enterprises: [...base.fixed, ...sellers] };
}
