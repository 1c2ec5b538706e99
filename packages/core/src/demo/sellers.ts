/**
 * The demo sellers (销售者) of special foods: pharmacies (大药房), supermarkets and convenience stores (超市),
 * maternal-and-baby shops (母婴店) and health-food stores (保健品店), spread over all 16 districts in
 * proportion to their population, each on a real street of its district with a JY food business licence
 * (食品经营许可证, business type 1 食品销售经营者) from its district bureau.
 */
import { makeJyNumber, type JurisdictionNode } from '@shian/domain';
import { addLicence, addPerson, planEnterprise, type PlanContext, type PlannedEnterprise } from './demo-plan.ts';
import { licenceIssuedOn, pastDate } from './demo-dates.ts';
import { businessPhone, mobilePhone, personName } from './people-names.ts';
import { branchArea, makeAddress, pickDistrictByPopulation, pickRoad, pickStreet, registrationDivision, type DistrictProfile } from './places.ts';
import { weightedPicker, type Random } from './random.ts';
import { shopName, type ShopType } from './trade-names.ts';

/** Share of sellers with a food-safety officer (食品安全员) on record. */
export const SELLER_OFFICER_SHARE = 0.7;

const pickShopType = weightedPicker<ShopType>(['pharmacy', 'supermarket', 'maternal', 'health_store'], [35, 30, 15, 20]);

/** The district bureau (区局) that licenses sellers of a district: 上海市浦东新区市场监督管理局. */
export const districtBureau = (district: DistrictProfile): string => `上海市${district.node.nameZh}市场监督管理局`;

/**
 * A JY licence from the district bureau, its sequence unique per district. `maxStep` keeps a large city inside
 * the six sequence digits.
 */
export function addJyLicence(ctx: PlanContext, random: Random, planned: PlannedEnterprise, district: DistrictProfile, maxStep: number): void {
  const registered = planned.premises.find((p) => p.kind === 'registered');
  const seq = ctx.nextSequence(`JY1${district.node.code}`, random, maxStep, [1000, 60_000]);
  addLicence(ctx, planned, {
    number: makeJyNumber(1, district.node.code, seq),
    kind: 'JY',
    categories: [],
    issuingAuthority: districtBureau(district),
    issuedOn: licenceIssuedOn(random, ctx.asOf, 'any'),
    premisesId: registered?.id ?? null,
  });
}

/** A food-safety officer (and for large sellers a director) appointed some time ago. */
export function addSellerPeople(ctx: PlanContext, random: Random, planned: PlannedEnterprise, director: boolean): void {
  if (director) {
    addPerson(ctx, planned, { name: personName(random), role: 'food_safety_director', appointedOn: pastDate(random, ctx.asOf, 60, 1500), phone: mobilePhone(random) });
  }
  if (director || random.chance(SELLER_OFFICER_SHARE)) {
    addPerson(ctx, planned, { name: personName(random), role: 'food_safety_officer', appointedOn: pastDate(random, ctx.asOf, 20, 1800), phone: mobilePhone(random) });
  }
}

function planSeller(ctx: PlanContext, random: Random, maxStep: number): PlannedEnterprise {
  const district = pickDistrictByPopulation(random);
  const street: JurisdictionNode = pickStreet(random, district);
  const type = pickShopType(random);
  const road = pickRoad(random, district, street);
  const shop = shopName(random, ctx.names, type, district, branchArea(random, street, road));
  const planned = planEnterprise(ctx, {
    name: shop.name,
    legalRepresentative: personName(random),
    kinds: ['seller'],
    district,
    street,
    address: makeAddress(random, district, street, 'shop', road),
    phone: businessPhone(random),
    usccDivision: registrationDivision(random, district, shop.large ? 0.5 : 0.03),
  });
  addJyLicence(ctx, random, planned, district, maxStep);
  addSellerPeople(ctx, random, planned, shop.large);
  return planned;
}

/**
 * `count` sellers in batches of `batchSize`, generated lazily so that a large city never sits in memory
 * whole. The JY sequence step shrinks for very large cities so that numbers stay six digits.
 */
export function* sellerBatches(ctx: PlanContext, random: Random, count: number, batchSize: number): Generator<PlannedEnterprise[]> {
  const maxStep = Math.max(1, Math.min(9, Math.floor(4_000_000 / Math.max(1, count))));
  for (let done = 0; done < count; done += batchSize) {
    const batch: PlannedEnterprise[] = [];
    for (let i = done; i < Math.min(count, done + batchSize); i++) batch.push(planSeller(ctx, random, maxStep));
    yield batch;
  }
}
