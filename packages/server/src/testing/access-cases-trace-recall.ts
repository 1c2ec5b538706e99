import { randomUUID } from 'node:crypto';
import { SYSTEM_ACTOR, isEnterpriseUser } from '@shian/domain';
import { createRecall, type Db } from '@shian/core';
import { DISTRICTS } from './access-fixtures-inspection.ts';
import { ENTERPRISE_KEYS, recordOf, recordTarget, refused, type AccessCase, type CaseInput, type EnterpriseKey, type ExtraRule, type Fixtures, type Target } from './access-cases.ts';

/**
 * Access cases of trace queries (追溯查询), recalls (召回) and recall notices. A trace and a recall belong to
 * the maker: regulators whose jurisdiction holds it and the maker's own users; everyone else does not see
 * them (404). Each enterprise's registered product is the lot traced; recalls and notices are made lazily
 * through the core service (as the platform) for the enterprise the run is on.
 */

const E = ENTERPRISE_KEYS;
const LOT = 'MATRIX1';

/** The registered GTIN of the enterprise's fixture product. */
async function gtinOf(db: Db, productId: string): Promise<string> {
  const row = await db.selectFrom('products').select('gtins').where('id', '=', productId).executeTakeFirstOrThrow();
  const gtin = row.gtins[0];
  if (!gtin) throw new Error('the fixture product has no GTIN');
  return gtin;
}

const newRecall = async (f: Fixtures, key: EnterpriseKey, lot: string): Promise<string> =>
  (await createRecall({ db: f.db, actor: SYSTEM_ACTOR }, { gtin: await gtinOf(f.db, f.at(key).productId), lot, level: '3', reason: '矩阵测试召回' })).id;

const standing = new WeakMap<Fixtures, Map<string, string>>();
/** One recall per enterprise (its product, lot MATRIX1), made once and kept. */
async function standingRecall(f: Fixtures, key: EnterpriseKey): Promise<string> {
  const made = standing.get(f) ?? new Map<string, string>();
  standing.set(f, made);
  const known = made.get(key);
  if (known) return known;
  const id = await newRecall(f, key, LOT);
  made.set(key, id);
  return id;
}

const notices = new WeakMap<Fixtures, Map<string, string>>();
/**
 * A notice to the enterprise, of a recall of B's product that no case reads (so no enterprise user comes to
 * see a target recall through a notice of it).
 */
async function noticeTo(f: Fixtures, key: EnterpriseKey): Promise<string> {
  const made = notices.get(f) ?? new Map<string, string>();
  notices.set(f, made);
  const known = made.get(key);
  if (known) return known;
  const recallId = made.get('recall') ?? (await newRecall(f, 'B', 'MATRIXN'));
  made.set('recall', recallId);
  const e = f.at(key).enterprise;
  const id = randomUUID();
  await f.db
    .insertInto('recallNotices')
    .values({ id, recallId, enterpriseId: e.id, jurisdictionCode: e.jurisdictionCode, locations: ['矩阵门店'], quantity: 12, uom: null, acknowledgedAt: null, acknowledgedBy: null })
    .execute();
  made.set(key, id);
  return id;
}

const theMaker = recordOf('enterprises', (e) => e.enterprise.id);
const theRecall = async ({ f, on }: CaseInput): Promise<Target> => recordTarget(f.db, 'recalls', await standingRecall(f, on as EnterpriseKey));
const lotParams = async ({ f, on }: CaseInput) => ({ params: { gtin: await gtinOf(f.db, f.at(on).productId), lot: LOT } });

/** A regulator's recall is ended by a regulator (core `closeRecall`): the maker's users hear 403. */
const regulatorsCloseTheirs: ExtraRule = (actor) => (isEnterpriseUser(actor) ? refused(403, 'auth.forbidden') : undefined);

export const TRACE_RECALL_CASES: AccessCase[] = [
  // Lists: the grant decides; the rows are narrowed to scope by the queries.
  { endpoint: 'GET /api/v1/recalls', needs: 'trace.read' },
  { endpoint: 'GET /api/v1/recall-notices', needs: 'trace.read' },

  // A lot of A's, B's or C's product: its maker's users and the regulators over the maker trace it.
  { endpoint: 'GET /api/v1/trace/lots/{gtin}/{lot}', needs: 'trace.read', on: E, target: theMaker, request: lotParams },
  { endpoint: 'GET /api/v1/trace/lots/{gtin}/{lot}/trace.xlsx', needs: 'trace.read', on: E, target: theMaker, request: lotParams },
  // A district's KPIs: its regulators (enterprise users are never in scope of a district).
  { endpoint: 'GET /api/v1/trace/kpis', needs: 'trace.read', on: DISTRICTS, target: ({ on }) => ({ kind: 'area', code: on }), request: ({ on }) => ({ query: `jurisdictionCode=${on}&year=2026` }) },

  // A new recall of A's, B's or C's product. The use case asserts the grant before it looks for the maker.
  {
    endpoint: 'POST /api/v1/recalls',
    needs: 'recall.create',
    grantFirst: true,
    on: E,
    target: theMaker,
    request: async ({ f, on }) => ({ payload: { gtin: await gtinOf(f.db, f.at(on).productId), lot: `M${randomUUID().slice(0, 8)}`, level: '2', reason: '矩阵测试' } }),
  },
  // A recall of A, B or C (made by the platform, so a regulator's).
  { endpoint: 'GET /api/v1/recalls/{id}', needs: 'trace.read', on: E, target: theRecall },
  { endpoint: 'GET /api/v1/recalls/{id}/trace.xlsx', needs: 'trace.read', on: E, target: theRecall },
  // Closing is one-shot: a fresh recall per run.
  {
    endpoint: 'POST /api/v1/recalls/{id}/close',
    needs: 'recall.create',
    rule: regulatorsCloseTheirs,
    on: E,
    target: async ({ f, on }) => recordTarget(f.db, 'recalls', await newRecall(f, on as EnterpriseKey, `C${randomUUID().slice(0, 8)}`)),
  },
  // A notice to A, B or C: only the notified enterprise confirms it (regulators hold no `recall.acknowledge`).
  { endpoint: 'POST /api/v1/recall-notices/{id}/acknowledge', needs: 'recall.acknowledge', on: E, target: async ({ f, on }) => recordTarget(f.db, 'recallNotices', await noticeTo(f, on as EnterpriseKey)) },
];
