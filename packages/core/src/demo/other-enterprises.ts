/**
 * The rest of the special-food chain in the demo city: importers (进口商), e-commerce platforms (电商平台),
 * online sellers (网络销售者) and storage and transport firms (贮存运输).
 *
 * Licences: importers and online sellers sell food and hold a JY licence from their district bureau.
 * Platforms operate a third-party marketplace, which is filed (备案) with the city bureau rather than
 * licensed, and warehouses only store prepackaged food, which since the 2023 rule (总局令第78号) is also a
 * filing; neither gets a JY licence here.
 */
import type { EnterpriseKind } from '@shian/domain';
import { addPremises, planEnterprise, type PlanContext, type PlannedEnterprise } from './demo-plan.ts';
import { businessPhone, personName } from './people-names.ts';
import { districtProfile, makeAddress, pickDistrictByPopulation, pickStreet, registrationDivision, type DistrictProfile } from './places.ts';
import { weightedPicker, type Random } from './random.ts';
import { addJyLicence, addSellerPeople } from './sellers.ts';
import { companyName, type CompanyKind } from './trade-names.ts';

interface OtherKind {
  kind: EnterpriseKind;
  company: CompanyKind;
  count: number;
  /** Where they sit; null means by population. */
  districts: ((random: Random) => string) | null;
  licensed: boolean;
  /** Share with a food-safety director (large firms). */
  directorShare: number;
}

/** How many of each, and where: importers around the 外高桥 free-trade zone and the central business districts. */
export const OTHER_KINDS: readonly OtherKind[] = [
  {
    kind: 'importer',
    company: 'importer',
    count: 25,
    districts: weightedPicker(['310115', '310105', '310106', '310104', '310112', '310114'], [50, 10, 10, 10, 10, 10]),
    licensed: true,
    directorShare: 0.4,
  },
  {
    kind: 'e_commerce_platform',
    company: 'platform',
    count: 5,
    districts: weightedPicker(['310115', '310105', '310110', '310107', '310112'], [1, 1, 1, 1, 1]),
    licensed: false,
    directorShare: 1,
  },
  { kind: 'online_seller', company: 'onlineSeller', count: 15, districts: null, licensed: true, directorShare: 0 },
  {
    kind: 'warehouse',
    company: 'warehouse',
    count: 10,
    districts: weightedPicker(['310114', '310118', '310117', '310113', '310115', '310112'], [2, 2, 2, 2, 1, 1]),
    licensed: false,
    directorShare: 0,
  },
];

function planOther(ctx: PlanContext, random: Random, spec: OtherKind): PlannedEnterprise {
  const district: DistrictProfile = spec.districts ? districtProfile(spec.districts(random)) : pickDistrictByPopulation(random);
  const warehouse = spec.kind === 'warehouse';
  const street = pickStreet(random, district, warehouse);
  const planned = planEnterprise(ctx, {
    name: companyName(random, ctx.names, spec.company),
    legalRepresentative: personName(random),
    kinds: [spec.kind],
    district,
    street,
    address: makeAddress(random, district, street, 'office'),
    phone: businessPhone(random),
    usccDivision: registrationDivision(random, district, spec.kind === 'importer' ? 0.4 : 0.15),
  });
  if (warehouse) addPremises(ctx, planned, 'warehouse', makeAddress(random, district, street, 'plant'), `${planned.enterprise.name}仓库`);
  if (spec.licensed) addJyLicence(ctx, random, planned, district, 9);
  addSellerPeople(ctx, random, planned, random.chance(spec.directorShare));
  return planned;
}

/** Every importer, platform, online seller and warehouse, grouped by kind in the order above. */
export function planOtherEnterprises(ctx: PlanContext, random: Random): Map<EnterpriseKind, PlannedEnterprise[]> {
  const byKind = new Map<EnterpriseKind, PlannedEnterprise[]>();
  for (const spec of OTHER_KINDS) {
    const planned: PlannedEnterprise[] = [];
    for (let i = 0; i < spec.count; i++) planned.push(planOther(ctx, random, spec));
    byKind.set(spec.kind, planned);
  }
  return byKind;
}
