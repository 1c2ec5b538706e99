import { randomInt, randomUUID } from 'node:crypto';
import { SYSTEM_ACTOR, computeGtinCheckDigit, type Actor, type Role } from '@shian/domain';
import type { Db } from '../../db/connect.ts';
import type { EnterpriseRow, ProductRow } from '../../db/schema.ts';
import { createProduct } from '../../registry/product-service.ts';
import { buildEnterprise, buildLicence } from '../../testing/factories.ts';
import { requestCodeBatch, type CodeBatchRequest, type CodeBatchView } from './code-batch-service.ts';
import { issueCodeBatch } from './issue-codes.ts';

/**
 * Test helpers for one code per item (tests only): a producer with a licence and a product with a GTIN-13,
 * actors without user rows (the use cases read only the actor), a batch issued through the real job code.
 */
let sequence = randomInt(1, 9_000_000);
const next = (): number => (sequence += 1);

/** A GTIN-13 of the Chinese range with its check digit. */
export function newGtin13(): string {
  const body = `69${String(next()).padStart(10, '0')}`;
  return body + String(computeGtinCheckDigit(body));
}

export interface Producer {
  enterprise: EnterpriseRow;
  product: ProductRow;
  licenceNumber: string;
  admin: Actor;
}

/** An actor of a role, scoped to an enterprise or a jurisdiction. */
export function actorFor(role: Role, scope: { enterpriseId?: string; jurisdictionCode?: string }): Actor {
  return { userId: randomUUID(), username: `${role}-${next()}`, role, jurisdictionCode: scope.jurisdictionCode ?? null, enterpriseId: scope.enterpriseId ?? null };
}

/** A health-food producer in `jurisdictionCode` with an SC licence and one product carrying one GTIN-13. */
export async function buildProducer(db: Db, jurisdictionCode = '310115007', productName?: string): Promise<Producer> {
  const enterprise = await buildEnterprise(db, { jurisdictionCode });
  const licence = await buildLicence(db, enterprise);
  const n = next();
  const product = await createProduct(
    { db, actor: SYSTEM_ACTOR },
    enterprise.id,
    {
      name: productName ?? `测试牌维生素C咀嚼片${n}`,
      category: 'health_food',
      registrationNumber: `国食健注G2021${String(n % 10_000).padStart(4, '0')}`,
      functions: [],
      gtins: [newGtin13()],
      specification: '60片/瓶',
      licenceId: licence.id,
    },
  );
  return { enterprise, product, licenceNumber: licence.number, admin: actorFor('enterprise_admin', { enterpriseId: enterprise.id }) };
}

/** A valid request for `quantity` codes of the producer's product. */
export function batchRequest(producer: Producer, overrides: Partial<CodeBatchRequest> = {}): CodeBatchRequest {
  return {
    productId: producer.product.id,
    gtin: producer.product.gtins[0] ?? '',
    lot: `L${next()}`,
    productionDate: '2026-03-01',
    expiryDate: '2028-02-29',
    quantity: 10,
    ...overrides,
  };
}

/** Requests and issues a batch (the job's code, run inline). */
export async function issuedBatch(db: Db, producer: Producer, overrides: Partial<CodeBatchRequest> = {}): Promise<CodeBatchView> {
  const batch = await requestCodeBatch({ db, actor: producer.admin }, batchRequest(producer, overrides));
  await issueCodeBatch(db, batch.id);
  return { ...batch, status: 'issued', issued: batch.quantity };
}
