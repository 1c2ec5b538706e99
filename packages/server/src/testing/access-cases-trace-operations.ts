import { SYSTEM_ACTOR, type Actor } from '@shian/domain';
import { createApiKey, ship, type Db, type EnterpriseRow } from '@shian/core';
import { buildUser } from '@shian/core/testing/factories.ts';
import { issueLot } from '@shian/core/trace/operations/operations-test-kit.ts';
import { ENTERPRISE_KEYS, recordOf, recordTarget, refused, type AccessCase, type CaseInput, type ExtraRule, type Fixtures, type Target } from './access-cases.ts';

/**
 * Access cases of API keys, premises edits (GLN) and the trace operations (追溯作业). Trace operations act
 * as the actor's own enterprise: a regulator, even the city administrator who holds every grant, is refused
 * (403, as capture refuses them); enterprise users are those of A, so their operations use A's premises and
 * stock, made fresh per run.
 */

const E = ENTERPRISE_KEYS;

/** Trace operations are an enterprise's (core `actingEnterprise`, like capture's `capturerOf`): without one, 403. */
const enterpriseOnly: ExtraRule = (actor: Actor) => (actor.enterpriseId ? undefined : refused(403, 'auth.forbidden'));

const theEnterprise = recordOf('enterprises', (e) => e.enterprise.id);

/** The registered premises (注册地址) every enterprise has. */
async function registeredPremises(db: Db, enterprise: EnterpriseRow): Promise<string> {
  const row = await db.selectFrom('premises').select('id').where('enterpriseId', '=', enterprise.id).where('kind', '=', 'registered').executeTakeFirstOrThrow();
  return row.id;
}

/** A fresh key of the enterprise the run is on, to revoke. */
async function freshApiKey({ f, on }: CaseInput): Promise<Target> {
  const { summary } = await createApiKey({ db: f.db, actor: SYSTEM_ACTOR }, f.at(on).enterprise.id, '矩阵密钥');
  return recordTarget(f.db, 'apiKeys', summary.id);
}

const shippers = new WeakMap<Fixtures, Actor>();
/** An administrator of B (outside the matrix's actors) who ships to A, so that A has something to receive. */
async function shipperOfB(f: Fixtures): Promise<Actor> {
  const known = shippers.get(f);
  if (known) return known;
  const { actor } = await buildUser(f.db, 'enterprise_admin', { enterpriseId: f.at('B').enterprise.id });
  shippers.set(f, actor);
  return actor;
}

export const TRACE_OPERATION_CASES: AccessCase[] = [
  // API keys (接口密钥) of A, B or C: out of scope they do not exist (404); in scope the enterprise administrator
  // manages them (and the city administrator, who holds every grant).
  { endpoint: 'GET /api/v1/enterprises/{id}/api-keys', needs: 'apikey.manage', on: E, target: theEnterprise },
  { endpoint: 'POST /api/v1/enterprises/{id}/api-keys', needs: 'apikey.manage', on: E, target: theEnterprise, request: () => ({ payload: { name: '矩阵 ERP' } }) },
  { endpoint: 'POST /api/v1/api-keys/{id}/revoke', needs: 'apikey.manage', on: E, target: freshApiKey },

  // A premises of A, B or C, edited (its GLN, its name): as the premises are added, `registry.update`.
  {
    endpoint: 'PATCH /api/v1/premises/{id}',
    needs: 'registry.update',
    on: E,
    target: async ({ f, on }) => recordTarget(f.db, 'premises', await registeredPremises(f.db, f.at(on).enterprise)),
    request: () => ({ payload: { name: '注册地址（矩阵）' } }),
  },

  // Trace operations of the actor's enterprise (A for the matrix's enterprise users), with fresh stock each run.
  {
    endpoint: 'POST /api/v1/trace/operations/aggregate',
    needs: 'trace.write',
    rule: enterpriseOnly,
    request: async ({ f }) => {
      const a = f.at('A').enterprise;
      const lot = await issueLot(f.db, a, { items: 1 });
      return { payload: { premisesId: await registeredPremises(f.db, a), children: lot.items } };
    },
  },
  {
    endpoint: 'POST /api/v1/trace/operations/ship',
    needs: 'trace.write',
    rule: enterpriseOnly,
    request: async ({ f }) => {
      const a = f.at('A').enterprise;
      const b = f.at('B').enterprise;
      const lot = await issueLot(f.db, a, { quantity: 10, items: 0 });
      return {
        payload: {
          premisesId: await registeredPremises(f.db, a),
          to: { enterpriseId: b.id, premisesId: await registeredPremises(f.db, b) },
          lots: [{ gtin: lot.gtin, lot: lot.lot, quantity: 5 }],
        },
      };
    },
  },
  {
    endpoint: 'POST /api/v1/trace/operations/receive',
    needs: 'trace.write',
    rule: enterpriseOnly,
    request: async ({ f }) => {
      const a = f.at('A').enterprise;
      const b = f.at('B').enterprise;
      const lot = await issueLot(f.db, b, { quantity: 10, items: 0 });
      const shipment = await ship(
        { db: f.db, actor: await shipperOfB(f) },
        { premisesId: await registeredPremises(f.db, b), to: { enterpriseId: a.id, premisesId: await registeredPremises(f.db, a) }, lots: [{ gtin: lot.gtin, lot: lot.lot, quantity: 3 }] },
      );
      return { payload: { shipmentEventId: shipment.eventId, premisesId: await registeredPremises(f.db, a), accept: 'all' } };
    },
  },
  { endpoint: 'GET /api/v1/trace/inbound', needs: 'trace.read', rule: enterpriseOnly },
  { endpoint: 'GET /api/v1/trace/lot-stock', needs: 'trace.read', rule: enterpriseOnly },
  { endpoint: 'GET /api/v1/trace/partners', needs: 'trace.write', rule: enterpriseOnly, request: () => ({ query: 'q=%E7%9F%A9%E9%98%B5' }) },
];
