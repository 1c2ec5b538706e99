/**
 * The demo producers (生产企业) of special foods: health-food (保健食品), infant-formula (婴幼儿配方乳粉) and
 * FSMP (特医食品) makers in the industrial districts, each with a production plant, an SC licence issued by the
 * city bureau (special-food production licences are issued at provincial level), products and key people.
 *
 * Deliberate findings for the registry to flag: a few producers have no current food-safety director
 * (食品安全总监, required of every special-food producer), two licences have expired and four expire within
 * the 90-day notice window. The first health-food producer is the demo enterprise (`ent-admin-1`): in
 * 浦东新区 张江镇, fully staffed, with a current licence and a full product list.
 */
import { makeScNumber, type ProductCategory, type ScCategoryCode } from '@shian/domain';
import { addLicence, addPerson, addPremises, planEnterprise, type PlanContext, type PlannedEnterprise } from './demo-plan.ts';
import { licenceIssuedOn, pastDate, type LicenceAge } from './demo-dates.ts';
import { businessPhone, mobilePhone, personName } from './people-names.ts';
import { districtProfile, makeAddress, pickStreet, registrationDivision } from './places.ts';
import { addFsmpFormulas, addHealthFoods, addInfantFormulas, type ProductLine } from './products.ts';
import { weightedPicker, type Random } from './random.ts';
import { brandName, companyName, type CompanyKind } from './trade-names.ts';

/** How many producers of each category the demo city has. */
export const DEMO_PRODUCER_COUNTS: Readonly<Record<ProductCategory, number>> = { health_food: 45, infant_formula: 8, fsmp: 4 };

/** Special-food production licences are issued by the province: in Shanghai, the city bureau. */
export const CITY_BUREAU = '上海市市场监督管理局';

/** The demo enterprise's street: 张江镇, Pudong's biomedicine cluster. */
const DEMO_ENTERPRISE_STREET = '310115125';

/** Producers are concentrated in the industrial districts; 奉贤 (东方美谷) and 浦东 lead. */
const pickIndustrialDistrict = weightedPicker(
  ['310115', '310112', '310120', '310117', '310116', '310114', '310118'],
  [30, 15, 18, 12, 10, 8, 7],
);

const CATEGORY: Readonly<Record<ProductCategory, { sc: ScCategoryCode; company: CompanyKind }>> = {
  health_food: { sc: '127', company: 'healthFood' },
  infant_formula: { sc: '129', company: 'infantFormula' },
  fsmp: { sc: '128', company: 'fsmp' },
};

export interface ProducerPlan {
  producers: PlannedEnterprise[];
  /** The special-food producers planned without a current food-safety director. */
  withoutDirector: PlannedEnterprise[];
}

interface ProducerSpec {
  category: ProductCategory;
  first: boolean;
  licenceAge: LicenceAge;
  director: boolean;
  legacyProducts: number;
}

/** Which producers get which deliberate finding: fixed counts, positions drawn from the seed. */
function producerSpecs(random: Random): ProducerSpec[] {
  const categories: ProductCategory[] = [];
  for (const category of ['health_food', 'infant_formula', 'fsmp'] as const) {
    for (let i = 0; i < DEMO_PRODUCER_COUNTS[category]; i++) categories.push(category);
  }
  const indices = (category: ProductCategory): number[] =>
    categories.flatMap((c, i) => (c === category && i > 0 ? [i] : []));
  const withoutDirector = new Set([...random.sample(indices('health_food'), 2), ...random.sample(indices('infant_formula'), 1), ...random.sample(indices('fsmp'), 1)]);
  const others = categories.map((_, i) => i).filter((i) => i > 0);
  const dated = random.sample(others, 6);
  const expired = new Set(dated.slice(0, 2));
  const expiring = new Set(dated.slice(2));
  const legacy = new Set(random.sample(indices('health_food'), 5));
  return categories.map((category, i) => ({
    category,
    first: i === 0,
    licenceAge: expired.has(i) ? 'expired' : expiring.has(i) ? 'expiring' : 'current',
    director: !withoutDirector.has(i),
    legacyProducts: legacy.has(i) ? 1 : 0,
  }));
}

function planProducer(ctx: PlanContext, random: Random, spec: ProducerSpec, brands: Set<string>): PlannedEnterprise {
  const district = districtProfile(spec.first ? '310115' : pickIndustrialDistrict(random));
  const street = spec.first ? (district.streets.find((s) => s.code === DEMO_ENTERPRISE_STREET) ?? pickStreet(random, district, true)) : pickStreet(random, district, true);
  const plantAddress = makeAddress(random, district, street, 'plant');
  const registeredAddress = random.chance(0.6) ? plantAddress : makeAddress(random, district, street, 'office');
  const { sc, company } = CATEGORY[spec.category];
  const planned = planEnterprise(ctx, {
    name: companyName(random, ctx.names, company),
    legalRepresentative: personName(random),
    kinds: ['producer'],
    district,
    street,
    address: registeredAddress,
    phone: businessPhone(random),
    usccDivision: registrationDivision(random, district, 0.25),
  });
  const plant = addPremises(ctx, planned, 'production', plantAddress, `${planned.enterprise.name}生产厂区`);
  const categories: string[] = spec.category === 'health_food' && random.chance(0.15) ? [sc, '130'] : [sc];
  const licence = addLicence(ctx, planned, {
    number: makeScNumber(sc, district.node.code, ctx.nextSequence(`SC${sc}${district.node.code}`, random, 12, [1, 80])),
    kind: 'SC',
    categories,
    issuingAuthority: CITY_BUREAU,
    issuedOn: licenceIssuedOn(random, ctx.asOf, spec.licenceAge),
    premisesId: plant.id,
  });
  const line: ProductLine = { licence, brand: brandName(random, brands), gtinPrefix: ctx.nextGtinPrefix(random) };
  if (spec.category === 'health_food') addHealthFoods(ctx, random, planned, line, spec.first ? 6 : random.int(3, 7), spec.legacyProducts);
  else if (spec.category === 'infant_formula') addInfantFormulas(ctx, random, planned, line, random.int(1, 3));
  else addFsmpFormulas(ctx, random, planned, line, random.int(2, 5));
  addProducerPeople(ctx, random, planned, spec.director);
  return planned;
}

/** Director (or, for the deliberate gaps, none or only a departed one), 1–3 officers and a 质量安全受权人. */
function addProducerPeople(ctx: PlanContext, random: Random, planned: PlannedEnterprise, director: boolean): void {
  if (director) {
    addPerson(ctx, planned, { name: personName(random), role: 'food_safety_director', appointedOn: pastDate(random, ctx.asOf, 60, 1500), phone: mobilePhone(random) });
  } else if (random.chance(0.5)) {
    // The director left and nobody was appointed: the record stays, with its end date.
    addPerson(ctx, planned, {
      name: personName(random),
      role: 'food_safety_director',
      appointedOn: pastDate(random, ctx.asOf, 800, 1500),
      endedOn: pastDate(random, ctx.asOf, 30, 200),
      phone: mobilePhone(random),
    });
  }
  const officers = random.int(1, 3);
  for (let i = 0; i < officers; i++) {
    addPerson(ctx, planned, { name: personName(random), role: 'food_safety_officer', appointedOn: pastDate(random, ctx.asOf, 30, 1800), phone: mobilePhone(random) });
  }
  addPerson(ctx, planned, { name: personName(random), role: 'quality_authorised_person', appointedOn: pastDate(random, ctx.asOf, 60, 1800), phone: mobilePhone(random) });
}

/** All demo producers, health-food makers first (the first one is the demo enterprise). */
export function planProducers(ctx: PlanContext, random: Random): ProducerPlan {
  const specs = producerSpecs(random);
  const brands = new Set<string>();
  const producers = specs.map((spec) => planProducer(ctx, random, spec, brands));
  return { producers, withoutDirector: producers.filter((_, i) => specs[i]?.director === false) };
}
