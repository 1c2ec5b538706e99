import { randomInt } from 'node:crypto';
import { SYSTEM_ACTOR, computeGtinCheckDigit, type Actor } from '@shian/domain';
import type { Db } from '../../db/connect.ts';
import type { EnterpriseRow } from '../../db/schema.ts';
import { createPremises } from '../../registry/premises-service.ts';
import { createProduct } from '../../registry/product-service.ts';
import { buildEnterprise, buildUser } from '../../testing/factories.ts';
import { locationIdOf } from '../../trace/locations.ts';

/**
 * Test helpers for capture (tests and benchmarks only): an enterprise with a GLN premises, a premises
 * without a GLN, a registered product with its GTIN and a staff user; and EPCIS 2.0 documents written to
 * the standard, with fresh identifiers per call.
 */
export const EPCIS_CONTEXT = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';

let sequence = randomInt(1, 90_000_000);
const next = (): number => (sequence += 1);

/** A GS1 key of `length` digits starting with `prefix`, with its check digit. */
export function gs1Key(prefix: string, length: number, n: number = next()): string {
  const body = `${prefix}${String(n).padStart(length - 1 - prefix.length, '0')}`.slice(0, length - 1);
  return `${body}${computeGtinCheckDigit(body)}`;
}

export interface CapturingEnterprise {
  enterprise: EnterpriseRow;
  actor: Actor;
  /** A premises with a GLN: its canonical location id, `https://id.gs1.org/414/{gln}`. */
  gln: string;
  glnLocation: string;
  /** A premises without a GLN: the platform URI `urn:shian:loc:{id}`. */
  platformLocation: string;
  /** The GTIN-14 of the enterprise's registered infant formula. */
  gtin: string;
  productId: string;
}

/** An enterprise that may capture: premises (one with a GLN), a product with a GTIN, an enterprise staff user. */
export async function buildCapturingEnterprise(db: Db, jurisdictionCode = '310115'): Promise<CapturingEnterprise> {
  const enterprise = await buildEnterprise(db, { jurisdictionCode, kinds: ['producer'] });
  const system = { db, actor: SYSTEM_ACTOR };
  const gln = gs1Key('69', 13);
  await createPremises(system, enterprise.id, { name: '一号仓库', address: '上海市测试路1号', kind: 'warehouse', jurisdictionCode, gln });
  const plain = await createPremises(system, enterprise.id, { name: '二号门店', address: '上海市测试路2号', kind: 'business', jurisdictionCode });
  const gtin = gs1Key('0690', 14);
  const n = next();
  const product = await createProduct(system, enterprise.id, {
    name: `测试牌维生素C片${n}`,
    category: 'health_food',
    registrationNumber: `国食健注G2020${String(n % 10_000).padStart(4, '0')}`,
    functions: ['有助于增强免疫力'],
    gtins: [gtin.slice(1)],
    specification: '60片/瓶',
  });
  const { actor } = await buildUser(db, 'enterprise_staff', { enterpriseId: enterprise.id });
  return { enterprise, actor, gln, glnLocation: `https://id.gs1.org/414/${gln}`, platformLocation: locationIdOf({ id: plain.id, gln: null }), gtin, productId: product.id };
}

type Json = Record<string, unknown>;

/** An EPCISDocument around `events`. */
export function epcisDocument(events: readonly Json[]): Json {
  return { '@context': [EPCIS_CONTEXT], type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-03-01T08:00:00.000+08:00', epcisBody: { eventList: events } };
}

/** The Digital Link of item `serial` of a GTIN (without a lot). */
export const itemLink = (gtin: string, serial: string): string => `https://id.gs1.org/01/${gtin}/21/${serial}`;

/** Fresh serial numbers. */
export const serials = (count: number): string[] => Array.from({ length: count }, () => `S${next().toString(36).toUpperCase()}`);

/** A fresh SSCC (a case or pallet) as a Digital Link. */
export const ssccLink = (): string => `https://id.gs1.org/00/${gs1Key('0690', 18)}`;

const when = { eventTime: '2026-03-01T08:00:00.000+08:00', eventTimeZoneOffset: '+08:00' };

/** Commissioning (赋码) of items with ILMD (lot, dates), at the enterprise's GLN premises. */
export function commissioning(e: CapturingEnterprise, items: readonly string[], lot = 'L2026A'): Json {
  return {
    type: 'ObjectEvent',
    ...when,
    action: 'ADD',
    bizStep: 'commissioning',
    disposition: 'active',
    epcList: items,
    readPoint: { id: e.glnLocation },
    bizLocation: { id: e.glnLocation },
    ilmd: { 'cbvmda:lotNumber': lot, 'cbvmda:itemExpirationDate': '2027-08-31' },
  };
}

/** Items packed into a case (SSCC parent). */
export function packing(e: CapturingEnterprise, parent: string, children: readonly string[]): Json {
  return { type: 'AggregationEvent', ...when, action: 'ADD', bizStep: 'packing', disposition: 'in_progress', parentID: parent, childEPCs: children, readPoint: { id: e.glnLocation } };
}

/** Shipping from the enterprise to another party's location. */
export function shipping(e: CapturingEnterprise, items: readonly string[], destination: string): Json {
  return {
    type: 'ObjectEvent',
    ...when,
    action: 'OBSERVE',
    bizStep: 'shipping',
    disposition: 'in_transit',
    epcList: items,
    readPoint: { id: e.glnLocation },
    sourceList: [{ type: 'owning_party', source: `https://id.gs1.org/417/${e.gln}` }],
    destinationList: [{ type: 'location', destination: destination }],
  };
}
