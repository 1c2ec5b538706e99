/**
 * The demo city's traceability (追溯), made through the same use cases people use: GLNs for the demo producer's
 * and two sellers' premises, two lots of one-code-per-item codes issued by the real job, their commissioning
 * with ILMD and a release inspection (出厂检验), cans packed into cases and a pallet, the pallet shipped to one
 * seller who receives it, part of the second lot shipped to another seller and still on its way, and an open
 * recall (召回) of the first lot by 浦东's bureau with its trace and the notice in the receiving seller's 待办.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { addCalendarDays, buildDigitalLink, canonicalLotClass, canonicalSscc, computeGtinCheckDigit, toGtin14, type Actor } from '@shian/domain';
import type { Db } from '../db/connect.ts';
import type { Ctx } from '../db/transaction.ts';
import { captureDocument } from '../epcis/capture/capture-document.ts';
import { startJobWorker } from '../jobs/job-worker.ts';
import { PLATFORM_JOBS } from '../jobs/platform-jobs.ts';
import { requestCodeBatch } from '../trace/codes/code-batch-service.ts';
import { locationIdOf } from '../trace/locations.ts';
import { aggregate, listInboundShipments, receive, ship } from '../trace/operations/index.ts';
import { createRecall } from '../trace/recall/recall-service.ts';
import { DEMO_ENTERPRISE_ADMIN, DEMO_SELLER_ADMINS } from './demo-users.ts';

const EPCIS_CONTEXT = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';
/** The demo's GS1 company prefix (690 is GS1 China's range; the rest is made up). */
const COMPANY_PREFIX = '6901234';
const CASE_SIZE = 24;

export interface TraceSummary {
  batches: number;
  codes: number;
  events: number;
  recalls: number;
}

interface Premises {
  id: string;
  gln: string | null;
}

const withCheckDigit = (body: string): string => `${body}${computeGtinCheckDigit(body)}`;

/** Gives each premises a GLN in the demo prefix, numbered from `from`. */
async function assignGlns(db: Db, premises: Premises[], from: number): Promise<Premises[]> {
  return Promise.all(
    premises.map(async (p, i) => {
      const gln = p.gln ?? withCheckDigit(`${COMPANY_PREFIX}${String(from + i).padStart(5, '0')}`);
      await db.updateTable('premises').set({ gln }).where('id', '=', p.id).execute();
      return { id: p.id, gln };
    }),
  );
}

/** Accounts for the first two sellers in 浦东, with the demo password (copied hash of the demo enterprise's admin). */
async function createSellerAccounts(db: Db): Promise<void> {
  const template = await db.selectFrom('users').selectAll().where('username', '=', DEMO_ENTERPRISE_ADMIN.username).executeTakeFirstOrThrow();
  const sellers = await db
    .selectFrom('enterprises')
    .select(['id', 'name'])
    .where('jurisdictionCode', 'like', `${DEMO_ENTERPRISE_ADMIN.districtCode}%`)
    .where(sql<boolean>`kinds @> ARRAY['seller']::text[]`)
    .orderBy('id')
    .limit(DEMO_SELLER_ADMINS.length)
    .execute();
  const now = new Date();
  for (const [i, seller] of sellers.entries()) {
    await db
      .insertInto('users')
      .values({ ...template, id: randomUUID(), username: DEMO_SELLER_ADMINS[i]!.username, displayName: `${seller.name}管理员`, enterpriseId: seller.id, createdAt: now, updatedAt: now })
      .execute();
  }
}

async function enterpriseActor(db: Db, username: string): Promise<Actor & { enterpriseId: string }> {
  const u = await db.selectFrom('users').select(['id', 'username', 'role', 'enterpriseId']).where('username', '=', username).executeTakeFirstOrThrow();
  if (!u.enterpriseId) throw new Error(`demo user ${username} has no enterprise`);
  return { userId: u.id, username: u.username, role: u.role as Actor['role'], jurisdictionCode: null, enterpriseId: u.enterpriseId };
}

async function firstPremises(db: Db, enterpriseId: string): Promise<Premises[]> {
  return db.selectFrom('premises').select(['id', 'gln']).where('enterpriseId', '=', enterpriseId).orderBy(sql`kind = 'production'`, 'desc').orderBy('id').limit(1).execute();
}

/** Runs the queued jobs the demo asked for (code issuance, recall trace) with the platform's own handlers. */
const runJobs = (db: Db): Promise<number> => startJobWorker(db, PLATFORM_JOBS, { pollMs: 0 }).drain();

export async function loadDemoTrace(db: Db, options: { asOf: string }): Promise<TraceSummary> {
  await createSellerAccounts(db);
  const maker = await enterpriseActor(db, DEMO_ENTERPRISE_ADMIN.username);
  const sellers = await Promise.all(DEMO_SELLER_ADMINS.map((s) => enterpriseActor(db, s.username)));
  const [makerSite] = await assignGlns(db, await firstPremises(db, maker.enterpriseId), 1);
  const sellerSites = await Promise.all(sellers.map(async (s, i) => (await assignGlns(db, await firstPremises(db, s.enterpriseId), 100 + i))[0]!));
  if (!makerSite) throw new Error('the demo producer has no premises');
  const makerCtx: Ctx = { db, actor: maker };

  const products = await db
    .selectFrom('products')
    .select(['id', 'gtins'])
    .where('enterpriseId', '=', maker.enterpriseId)
    .where('status', '=', 'active')
    .where(sql<boolean>`cardinality(gtins) > 0`)
    .orderBy('id')
    .limit(2)
    .execute();
  const productionDate = addCalendarDays(options.asOf, -20);
  const yymm = productionDate.slice(2, 4) + productionDate.slice(5, 7);
  const lots = products.map((p, i) => ({ productId: p.id, gtin: toGtin14(p.gtins[0]!)!, lot: `${yymm}A0${i + 1}`, quantity: i === 0 ? CASE_SIZE * 10 : 120 }));
  const batches = [];
  for (const lot of lots) {
    batches.push(await requestCodeBatch(makerCtx, { ...lot, productionDate, expiryDate: addCalendarDays(productionDate, 730) }));
  }
  await runJobs(db);

  // Commissioning (赋码入库) of every can with its lot and dates, and the release inspection of each lot.
  const location = locationIdOf(makerSite);
  const at = (day: string, hour: number) => ({ eventTime: `${day}T${String(hour).padStart(2, '0')}:00:00.000+08:00`, eventTimeZoneOffset: '+08:00' });
  const itemsByLot: string[][] = [];
  const events: Record<string, unknown>[] = [];
  for (const [i, lot] of lots.entries()) {
    const codes = await db.selectFrom('traceCodes').select('serial').where('batchId', '=', batches[i]!.id).orderBy('seq').execute();
    const items = codes.map((c) => buildDigitalLink('https://id.gs1.org', { key: 'gtin', gtin: lot.gtin, lot: lot.lot, serial: c.serial }));
    itemsByLot.push(items);
    events.push(
      {
        type: 'ObjectEvent', ...at(productionDate, 9), action: 'ADD', bizStep: 'commissioning', disposition: 'active', epcList: items,
        readPoint: { id: location }, bizLocation: { id: location },
        ilmd: { 'cbvmda:lotNumber': lot.lot, 'cbvmda:itemExpirationDate': addCalendarDays(productionDate, 730) },
      },
      {
        type: 'ObjectEvent', ...at(addCalendarDays(productionDate, 2), 15), action: 'OBSERVE', bizStep: 'inspecting', disposition: 'conformant',
        quantityList: [{ epcClass: canonicalLotClass(lot.gtin, lot.lot), quantity: lot.quantity }], readPoint: { id: location }, bizLocation: { id: location },
      },
    );
  }
  const commissioned = await captureDocument(makerCtx, { '@context': [EPCIS_CONTEXT], type: 'EPCISDocument', schemaVersion: '2.0', creationDate: new Date().toISOString(), epcisBody: { eventList: events } });
  if (commissioned.status !== 'done') throw new Error(`demo commissioning failed: ${JSON.stringify(commissioned.errors.slice(0, 3))}`);

  // The first lot: cans into cases of 24, cases onto one pallet, the pallet to the first seller.
  const sscc = (n: number) => canonicalSscc(withCheckDigit(`0${COMPANY_PREFIX}${String(n).padStart(9, '0')}`));
  const cases: string[] = [];
  const firstLot = itemsByLot[0] ?? [];
  for (let c = 0; c * CASE_SIZE < firstLot.length; c += 1) {
    const parent = sscc(c + 1);
    await aggregate(makerCtx, { premisesId: makerSite.id, parent, children: firstLot.slice(c * CASE_SIZE, (c + 1) * CASE_SIZE), action: 'ADD' });
    cases.push(parent);
  }
  let recalls = 0;
  const [first, second] = sellers;
  if (cases.length > 0 && first && second) {
    const pallet = sscc(1000);
    await aggregate(makerCtx, { premisesId: makerSite.id, parent: pallet, children: cases, action: 'ADD' });
    await ship(makerCtx, { premisesId: makerSite.id, to: { enterpriseId: first.enterpriseId, premisesId: sellerSites[0]!.id }, items: [pallet], reference: 'SH-DEMO-0001' });
    const firstCtx: Ctx = { db, actor: first };
    const [inbound] = await listInboundShipments(firstCtx);
    if (inbound) await receive(firstCtx, { shipmentEventId: inbound.eventId, premisesId: sellerSites[0]!.id, accept: 'all' });
    // Part of the second lot, by quantity, to the second seller: still on its way (收货 shows it).
    const lot2 = lots[1];
    if (lot2) await ship(makerCtx, { premisesId: makerSite.id, to: { enterpriseId: second.enterpriseId, premisesId: sellerSites[1]!.id }, lots: [{ gtin: lot2.gtin, lot: lot2.lot, quantity: 48 }], reference: 'SH-DEMO-0002' });

    // 浦东's bureau recalls the first lot (二级召回): the scan page shows it, the seller finds the notice.
    const supervisor = await db.selectFrom('users').select(['id', 'username', 'role', 'jurisdictionCode']).where('username', '=', 'pudong-supervisor').executeTakeFirstOrThrow();
    await createRecall(
      { db, actor: { userId: supervisor.id, username: supervisor.username, role: supervisor.role as Actor['role'], jurisdictionCode: supervisor.jurisdictionCode, enterpriseId: null } },
      { gtin: lots[0]!.gtin, lot: lots[0]!.lot, level: '2', reason: '抽检发现该批次产品标签标示的功效成分含量与实际不符，存在食品安全风险。' },
    );
    recalls = 1;
    await runJobs(db);
  }
  const [{ count }] = (await sql<{ count: number }>`SELECT count(*)::int AS count FROM epcis_events`.execute(db)).rows as [{ count: number }];
  return { batches: batches.length, codes: lots.reduce((n, l) => n + l.quantity, 0), events: count, recalls };
}
