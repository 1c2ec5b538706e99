import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDigitalLink } from '@shian/domain';
import { connectDatabase, type Database } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { ensureEventPartitions } from '../epcis/capture/event-partitions.ts';
import { seedJurisdictions } from '../jurisdiction/jurisdiction-queries.ts';
import { today } from '../registry/guards.ts';
import { listInboundShipments } from '../trace/operations/index.ts';
import { verifyPassword } from '../auth/passwords.ts';
import { DEMO_PASSWORD, DEMO_USERNAMES } from './demo-accounts.ts';
import { DEMO_SELLER_ADMINS } from './demo-users.ts';
import { loadDemoData } from './load-demo.ts';
import { loadDemoTrace, type TraceSummary } from './demo-trace.ts';

let database: Database;
let summary: TraceSummary;

beforeAll(async () => {
  database = await connectDatabase({ dataDir: 'memory://' });
  await migrateToLatest(database.db);
  await seedJurisdictions(database.db);
  await ensureEventPartitions(database.db);
  await loadDemoData(database.db, { sellers: 200, asOf: today() });
  summary = await loadDemoTrace(database.db, { asOf: today() });
}, 240_000);
afterAll(async () => database.close());

const user = (username: string) => database.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();

describe('the demo traceability', () => {
  it('issues two lots of codes through the job and captures their life as EPCIS events', async () => {
    expect(summary).toMatchObject({ batches: 2, codes: 360, recalls: 1 });
    const batches = await database.db.selectFrom('traceCodeBatches').selectAll().execute();
    expect(batches.map((b) => [b.status, b.issued])).toEqual([
      ['issued', b0(batches)],
      ['issued', b1(batches)],
    ]);
    // 2 commissionings + 2 release inspections + 10 cases + 1 pallet + 2 shipments + 1 receipt.
    expect(summary.events).toBe(18);
    const steps = await database.db.selectFrom('epcisEvents').select('bizStep').orderBy('id').execute();
    expect(new Set(steps.map((s) => s.bizStep))).toEqual(new Set(['commissioning', 'inspecting', 'packing', 'shipping', 'receiving']));
  });

  it('makes the sellers\' administrator accounts with the demo password', async () => {
    for (const { username } of DEMO_SELLER_ADMINS) {
      const account = await user(username);
      expect(account.role).toBe('enterprise_admin');
      expect(await verifyPassword(account.passwordHash, DEMO_PASSWORD)).toBe(true);
    }
    expect(DEMO_USERNAMES).toEqual(expect.arrayContaining(DEMO_SELLER_ADMINS.map((s) => s.username)));
  });

  it('gives the producer and the two sellers GLNs with valid check digits', async () => {
    const glns = await database.db.selectFrom('premises').select('gln').where('gln', 'is not', null).execute();
    expect(glns).toHaveLength(3);
    for (const { gln } of glns) expect(parseDigitalLink(`https://id.gs1.org/414/${gln}`).ok).toBe(true);
  });

  it('recalls the first lot, and the seller that received it finds the notice; the second seller has a shipment on its way', async () => {
    const recall = await database.db.selectFrom('recalls').selectAll().executeTakeFirstOrThrow();
    expect(recall.status).toBe('open');
    const seller1 = await user('ent-seller-1');
    const seller2 = await user('ent-seller-2');
    const notices = await database.db.selectFrom('recallNotices').selectAll().where('recallId', '=', recall.id).execute();
    expect(notices.map((n) => [n.enterpriseId, Number(n.quantity)])).toEqual([[seller1.enterpriseId, 240]]);
    const inbound = await listInboundShipments({ db: database.db, actor: { userId: seller2.id, username: seller2.username, role: 'enterprise_admin', jurisdictionCode: null, enterpriseId: seller2.enterpriseId } });
    expect(inbound).toHaveLength(1);
  });
});

const b0 = (batches: { quantity: number }[]) => batches[0]!.quantity;
const b1 = (batches: { quantity: number }[]) => batches[1]!.quantity;
