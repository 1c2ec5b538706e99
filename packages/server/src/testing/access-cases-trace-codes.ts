import { randomUUID } from 'node:crypto';
import { SYSTEM_ACTOR, toGtin14 } from '@shian/domain';
import { issueCodeBatch, requestCodeBatch, type Db } from '@shian/core';
import { ENTERPRISE_KEYS, recordOf, recordTarget, type AccessCase, type CaseInput, type EnterpriseKey, type Fixtures, type Target } from './access-cases.ts';

/**
 * Access cases of one code per item (一物一码): code batches of A's, B's or C's product (an enterprise its own;
 * regulators of the jurisdiction read them; `trace.write` issues), their downloads, and the scan page's
 * alerts (regulators with `trace.alerts` close them). Batches are requested and issued lazily through the core
 * services (as the platform) for the enterprise the run is on; an alert is made fresh per close.
 */

const E = ENTERPRISE_KEYS;

/** The registered GTIN of the enterprise's fixture product. */
async function gtinOf(db: Db, productId: string): Promise<string> {
  const row = await db.selectFrom('products').select('gtins').where('id', '=', productId).executeTakeFirstOrThrow();
  const gtin = row.gtins[0];
  if (!gtin) throw new Error('the fixture product has no GTIN');
  return gtin;
}

let lots = 0;
const freshLot = (): string => `MX${Date.now() % 1_000_000}${(lots += 1)}`;

const issued = new WeakMap<Fixtures, Map<string, Promise<string>>>();
/** One issued batch of 6 codes per enterprise, made once and kept. */
function issuedBatchOf(f: Fixtures, key: EnterpriseKey): Promise<string> {
  const made = issued.get(f) ?? new Map<string, Promise<string>>();
  issued.set(f, made);
  const known = made.get(key);
  if (known) return known;
  const making = (async () => {
    const productId = f.at(key).productId;
    const batch = await requestCodeBatch(
      { db: f.db, actor: SYSTEM_ACTOR },
      { productId, gtin: await gtinOf(f.db, productId), lot: freshLot(), productionDate: '2026-03-01', expiryDate: '2028-03-01', quantity: 6 },
    );
    await issueCodeBatch(f.db, batch.id);
    return batch.id;
  })();
  made.set(key, making);
  return making;
}

const theBatch = async ({ f, on }: CaseInput): Promise<Target> => recordTarget(f.db, 'traceCodeBatches', await issuedBatchOf(f, on as EnterpriseKey));

/** A fresh open possible-copy alert on the enterprise's product (closing is one-shot). */
async function freshAlert({ f, on }: CaseInput): Promise<Target> {
  const e = f.at(on).enterprise;
  const id = randomUUID();
  await f.db
    .insertInto('traceAlerts')
    .values({
      id,
      kind: 'possible_copy',
      gtin: toGtin14(await gtinOf(f.db, f.at(on).productId)) ?? '',
      serial: randomUUID().slice(0, 12).toUpperCase(),
      lot: null,
      batchId: null,
      enterpriseId: e.id,
      jurisdictionCode: e.jurisdictionCode,
      reason: JSON.stringify({ rules: [{ id: 'many_scans', value: 21 }] }),
      closedAt: null,
      closedBy: null,
    })
    .execute();
  return recordTarget(f.db, 'traceAlerts', id);
}

export const TRACE_CODE_CASES: AccessCase[] = [
  // Lists: the grant decides; the rows are narrowed to scope by the queries.
  { endpoint: 'GET /api/v1/trace/code-batches', needs: 'trace.read' },
  { endpoint: 'GET /api/v1/trace/alerts', needs: 'trace.read' },

  // A new batch of A's, B's or C's product: the product's maker (or a city administrator) with trace.write.
  {
    endpoint: 'POST /api/v1/trace/code-batches',
    needs: 'trace.write',
    on: E,
    target: recordOf('products', (e) => e.productId),
    request: async ({ f, on }) => ({
      payload: { productId: f.at(on).productId, gtin: await gtinOf(f.db, f.at(on).productId), lot: freshLot(), productionDate: '2026-03-01', expiryDate: '2028-03-01', quantity: 3 },
    }),
  },

  // An issued batch of A, B or C: read and downloaded by its enterprise and the regulators over it.
  { endpoint: 'GET /api/v1/trace/code-batches/{id}', needs: 'trace.read', on: E, target: theBatch },
  { endpoint: 'GET /api/v1/trace/code-batches/{id}/codes.csv', needs: 'trace.read', on: E, target: theBatch },
  { endpoint: 'GET /api/v1/trace/code-batches/{id}/codes.xlsx', needs: 'trace.read', on: E, target: theBatch },
  { endpoint: 'GET /api/v1/trace/code-batches/{id}/labels.pdf', needs: 'trace.read', on: E, target: theBatch },

  // An alert about A's, B's or C's codes: closed by regulators over it (the maker reads, never closes).
  { endpoint: 'POST /api/v1/trace/alerts/{id}/close', needs: 'trace.alerts', on: E, target: freshAlert },
];
