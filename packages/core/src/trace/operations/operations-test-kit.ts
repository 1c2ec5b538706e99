import { randomInt, randomUUID } from 'node:crypto';
import { SYSTEM_ACTOR, canonicalItem, canonicalSscc, computeGtinCheckDigit, type Actor, type Role } from '@shian/domain';
import type { Db } from '../../db/connect.ts';
import type { EnterpriseRow, PremisesRow } from '../../db/schema.ts';
import { createPremises } from '../../registry/premises-service.ts';
import { createProduct } from '../../registry/product-service.ts';
import { buildEnterprise, buildUser } from '../../testing/factories.ts';

/**
 * Test helpers of the trace operations (tests only): trading enterprises with premises (one with a GLN), users,
 * a product with a GTIN, and a lot whose codes the platform issued, written straight to the code tables.
 */
let sequence = randomInt(1, 90_000_000);
const next = (): number => (sequence += 1);

/** A GS1 key of `length` digits starting with `prefix`, ending in its check digit. */
export function gs1Key(prefix: string, length: number): string {
  const body = `${prefix}${String(next()).padStart(length - 1 - prefix.length, '0')}`.slice(0, length - 1);
  return `${body}${computeGtinCheckDigit(body)}`;
}

/** A fresh SSCC (a case or pallet label) as its canonical Digital Link. */
export const newSscc = (): string => canonicalSscc(gs1Key('0690', 18));

export interface TradingEnterprise {
  enterprise: EnterpriseRow;
  /** A warehouse with a GLN, and the registered address (without one). */
  warehouse: PremisesRow;
  registered: PremisesRow;
  admin: Actor;
  adminUsername: string;
}

/** An enterprise with a GLN warehouse beside its registered premises, and an enterprise administrator. */
export async function buildTradingEnterprise(db: Db, jurisdictionCode = '310115', role: Role = 'enterprise_admin'): Promise<TradingEnterprise> {
  const enterprise = await buildEnterprise(db, { jurisdictionCode, kinds: ['producer', 'seller'] });
  const warehouse = await createPremises({ db, actor: SYSTEM_ACTOR }, enterprise.id, {
    name: `成品仓库${next()}`,
    address: '上海市测试路8号',
    kind: 'warehouse',
    jurisdictionCode,
    gln: gs1Key('69', 13),
  });
  const registered = await db.selectFrom('premises').selectAll().where('enterpriseId', '=', enterprise.id).where('kind', '=', 'registered').executeTakeFirstOrThrow();
  const { user, actor } = await buildUser(db, role, { enterpriseId: enterprise.id });
  return { enterprise, warehouse, registered, admin: actor, adminUsername: user.username };
}

export interface IssuedLot {
  gtin: string;
  lot: string;
  productName: string;
  /** Canonical item Digital Links of the issued codes. */
  items: string[];
  quantity: number;
}

/** A product of the enterprise and a code batch of one lot (`quantity` codes counted, `items` of them written). */
export async function issueLot(db: Db, enterprise: EnterpriseRow, options: { lot?: string; quantity?: number; items?: number } = {}): Promise<IssuedLot> {
  const n = next();
  const gtin13 = gs1Key('69', 13);
  const productName = `追溯测试牌乳清蛋白粉${n}`;
  const product = await createProduct({ db, actor: SYSTEM_ACTOR }, enterprise.id, {
    name: productName,
    category: 'health_food',
    registrationNumber: `国食健注G2022${String(n % 10_000).padStart(4, '0')}`,
    functions: ['有助于增强免疫力'],
    gtins: [gtin13],
    specification: '500克/罐',
  });
  const gtin = `0${gtin13}`;
  const lot = options.lot ?? `L${n}`;
  const quantity = options.quantity ?? 1000;
  const batchId = randomUUID();
  await db
    .insertInto('traceCodeBatches')
    .values({
      id: batchId,
      number: `TB${n}`,
      enterpriseId: enterprise.id,
      productId: product.id,
      jurisdictionCode: enterprise.jurisdictionCode,
      gtin,
      lot,
      productionDate: '2026-01-10',
      expiryDate: '2027-07-09',
      quantity,
      issued: quantity,
      status: 'issued',
      jobId: null,
      requestedBy: null,
      finishedAt: new Date(),
    })
    .execute();
  const serials = Array.from({ length: options.items ?? 4 }, (_, i) => `T${n.toString(36).toUpperCase()}${i}`);
  if (serials.length > 0) {
    await db
      .insertInto('traceCodes')
      .values(serials.map((serial, i) => ({ gtin, serial, batchId, seq: i + 1 })))
      .execute();
  }
  return { gtin, lot, productName, items: serials.map((s) => canonicalItem(gtin, s)), quantity };
}
