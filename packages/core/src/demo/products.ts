/**
 * Products of the demo producers with their numbers: health-food registrations (国食健注G + year + 4 digits),
 * filings (食健备G + year + 31 + 6 digits), a few legacy approvals (国食健字G + 8 digits), infant-formula formula
 * registrations (国食注字YP) and FSMP registrations (国食注字TY). Every product links to the maker's SC licence
 * and carries 1–3 GTIN-13s (one per pack size) under the maker's 69x company prefix.
 */
import { randomUUID } from 'node:crypto';
import { computeGtinCheckDigit, type ProductCategory } from '@shian/domain';
import type { LicenceRow, ProductRow } from '../db/schema.ts';
import { ownedRowStamp, type PlanContext, type PlannedEnterprise } from './demo-plan.ts';
import { yearOf } from './demo-dates.ts';
import { claimText, FORMULA_PACKS, FORMULA_SERIES, FORMULA_STAGES, FSMP_TEMPLATES, HEALTH_FOOD_TEMPLATES, NUTRIENT_CLAIM_TEXT } from './product-catalogue.ts';
import type { Random } from './random.ts';

/** What a producer's products are made under and sold as. */
export interface ProductLine {
  licence: LicenceRow;
  brand: string;
  /** The maker's GTIN company prefix (8 digits). */
  gtinPrefix: string;
}

interface ProductInput {
  name: string;
  category: ProductCategory;
  registrationNumber: string;
  registrationKind: 'registration' | 'filing';
  legacy: boolean;
  functions: string[];
  unit: string | null;
  packs: readonly string[];
}

/** Years a product number may carry: from `from` up to the reference year. */
const numberYear = (random: Random, ctx: PlanContext, from: number): number => random.int(from, Math.max(from, yearOf(ctx.asOf) - 1));

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

function addProduct(ctx: PlanContext, random: Random, planned: PlannedEnterprise, line: ProductLine, input: ProductInput): ProductRow {
  const packCount = random.int(1, Math.min(3, input.packs.length));
  const packs = input.packs.slice(0, packCount);
  const gtins = packs.map(() => {
    const item = ctx.nextSequence(`gtin:${line.gtinPrefix}`, random, 3, [1, 60]);
    const body = `${line.gtinPrefix}${pad(item, 4)}`;
    return `${body}${computeGtinCheckDigit(body)}`;
  });
  const row: ProductRow = {
    id: randomUUID(),
    enterpriseId: planned.enterprise.id,
    licenceId: line.licence.id,
    name: input.name,
    category: input.category,
    registrationNumber: input.registrationNumber,
    registrationKind: input.registrationKind,
    legacy: input.legacy,
    functions: input.functions,
    gtins,
    specification: input.unit === null ? packs.join('、') : `${input.unit}，${packs.join('、')}`,
    status: 'active',
    ...ownedRowStamp(ctx, planned),
  };
  planned.products.push(row);
  return row;
}

/**
 * `count` distinct health foods of one brand; the first `legacyCount` registration-route ones carry a legacy
 * approval number (国食健字G, 2004–2015) instead of a current registration.
 */
export function addHealthFoods(ctx: PlanContext, random: Random, planned: PlannedEnterprise, line: ProductLine, count: number, legacyCount = 0): void {
  let legacyLeft = legacyCount;
  for (const template of random.sample(HEALTH_FOOD_TEMPLATES, count)) {
    const name = `${line.brand}牌${template.name}`;
    if (template.route === 'filing') {
      const year = numberYear(random, ctx, 2017);
      const seq = ctx.nextSequence(`食健备G${year}`, random, 60, [1, 3000]);
      addProduct(ctx, random, planned, line, {
        name,
        category: 'health_food',
        registrationNumber: `食健备G${year}31${pad(seq, 6)}`,
        registrationKind: 'filing',
        legacy: false,
        functions: [NUTRIENT_CLAIM_TEXT],
        unit: template.unit,
        packs: template.packs,
      });
      continue;
    }
    const claims = random.sample(template.claims, random.int(1, template.claims.length)).map(claimText);
    const legacy = legacyLeft > 0;
    if (legacy) legacyLeft -= 1;
    const year = legacy ? random.int(2004, 2015) : numberYear(random, ctx, 2016);
    const prefix = legacy ? '国食健字G' : '国食健注G';
    const seq = ctx.nextSequence(`${prefix}${year}`, random, 30, [1, 400]);
    addProduct(ctx, random, planned, line, {
      name,
      category: 'health_food',
      registrationNumber: `${prefix}${year}${pad(seq, 4)}`,
      registrationKind: 'registration',
      legacy,
      functions: claims,
      unit: template.unit,
      packs: template.packs,
    });
  }
}

/** `seriesCount` series (≤ 3) of three stages each, one formula registration (国食注字YP) per stage. */
export function addInfantFormulas(ctx: PlanContext, random: Random, planned: PlannedEnterprise, line: ProductLine, seriesCount: number): void {
  const goatMilk = random.chance(0.25);
  for (const series of random.sample(FORMULA_SERIES, Math.min(3, seriesCount))) {
    const year = numberYear(random, ctx, 2017);
    for (const stage of FORMULA_STAGES) {
      const seq = ctx.nextSequence(`国食注字YP${year}`, random, 6, [1, 120]);
      const stageName = goatMilk ? stage.name.replace('奶粉', '羊奶粉') : stage.name;
      addProduct(ctx, random, planned, line, {
        name: `${line.brand}牌${series}${stageName}(${stage.label})`,
        category: 'infant_formula',
        registrationNumber: `国食注字YP${year}${pad(seq, 4)}`,
        registrationKind: 'registration',
        legacy: false,
        functions: [],
        unit: null,
        packs: random.sample(FORMULA_PACKS, 3),
      });
    }
  }
}

/** `count` FSMP formulas (国食注字TY). */
export function addFsmpFormulas(ctx: PlanContext, random: Random, planned: PlannedEnterprise, line: ProductLine, count: number): void {
  for (const template of random.sample(FSMP_TEMPLATES, count)) {
    const year = numberYear(random, ctx, 2017);
    const seq = ctx.nextSequence(`国食注字TY${year}`, random, 5, [1, 60]);
    addProduct(ctx, random, planned, line, {
      name: `${line.brand}牌${template.name}`,
      category: 'fsmp',
      registrationNumber: `国食注字TY${year}${pad(seq, 4)}`,
      registrationKind: 'registration',
      legacy: false,
      functions: [],
      unit: null,
      packs: template.packs,
    });
  }
}

