import { randomInt } from 'node:crypto';
import { SYSTEM_ACTOR, computeGtinCheckDigit, type Actor } from '@shian/domain';
import type { Db } from '../db/connect.ts';
import type { EnterpriseRow, PersonRow, ProductRow } from '../db/schema.ts';
import { createPerson } from '../registry/person-service.ts';
import { createProduct } from '../registry/product-service.ts';
import { buildEnterprise, buildUser } from '../testing/factories.ts';

/** A special-food producer for self-inspection tests: a product, a quality authorised person, an admin and a staff user. */
export interface SelfInspectingProducer {
  enterprise: EnterpriseRow;
  product: ProductRow;
  qaPerson: PersonRow;
  admin: Actor;
  staff: Actor;
}

let n = randomInt(1, 9_000);
export async function buildSelfInspectingProducer(db: Db, jurisdictionCode: string, category: 'health_food' | 'infant_formula' = 'health_food'): Promise<SelfInspectingProducer> {
  n += 1;
  const system = { db, actor: SYSTEM_ACTOR };
  const enterprise = await buildEnterprise(db, { jurisdictionCode });
  const body = `692${String(randomInt(0, 1_000_000_000)).padStart(9, '0')}`;
  const registrationNumber = category === 'health_food' ? `国食健注G2022${String(n % 10_000).padStart(4, '0')}` : `国食注字YP2022${String(n % 10_000).padStart(4, '0')}`;
  const product = await createProduct(system, enterprise.id, {
    name: `自查测试产品${n}`,
    category,
    registrationNumber,
    functions: category === 'health_food' ? ['有助于增强免疫力'] : [],
    gtins: [`${body}${computeGtinCheckDigit(body)}`],
    specification: null,
  });
  const qaPerson = await createPerson(system, enterprise.id, { name: '钱受权', role: 'quality_authorised_person', appointedOn: '2024-01-02', endedOn: null, phone: null });
  const admin = (await buildUser(db, 'enterprise_admin', { enterpriseId: enterprise.id })).actor;
  const staff = (await buildUser(db, 'enterprise_staff', { enterpriseId: enterprise.id })).actor;
  return { enterprise, product, qaPerson, admin, staff };
}
