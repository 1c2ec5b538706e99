import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/connect.ts';
import type { EpcisEventsTable } from '../../db/schema-trace.ts';
import type { Insertable } from 'kysely';
import { rebuildEpcPlaces } from '../places/epc-places.ts';

/**
 * Test helpers for the scan page (tests only): EPCIS events (with the places of their objects) and recalls
 * written straight into their tables (capture and recalls have their own tests), premises with or without a GLN.
 */

export interface TestEvent {
  type?: EpcisEventsTable['eventType'];
  action?: 'ADD' | 'OBSERVE' | 'DELETE';
  at: string;
  enterpriseId: string;
  jurisdictionCode?: string;
  bizStep?: string | null;
  disposition?: string | null;
  bizLocation?: string | null;
  epcs?: string[];
  classes?: string[];
  parentId?: string | null;
  childEpcs?: string[];
  eventId?: string;
  errorReason?: string | null;
}

/** Inserts one EPCIS event row and the places of its objects; answers its eventID. */
export async function insertEvent(db: Db, e: TestEvent): Promise<string> {
  const eventId = e.eventId ?? `urn:uuid:${randomUUID()}`;
  const epcs = e.epcs ?? [];
  const children = e.childEpcs ?? [];
  const row: Insertable<EpcisEventsTable> = {
    recordTime: new Date(),
    eventTime: new Date(e.at),
    eventTimeZoneOffset: '+08:00',
    eventId,
    eventType: e.type ?? 'ObjectEvent',
    action: e.action ?? 'OBSERVE',
    bizStep: e.bizStep ?? null,
    disposition: e.disposition ?? null,
    readPoint: null,
    bizLocation: e.bizLocation ?? null,
    transformationId: null,
    errorReason: e.errorReason ?? null,
    epcList: epcs,
    parentId: e.parentId ?? null,
    childEpcs: children,
    anyEpcs: [...new Set([...epcs, ...children, ...(e.parentId ? [e.parentId] : [])])],
    anyClasses: e.classes ?? [],
    enterpriseId: e.enterpriseId,
    jurisdictionCode: e.jurisdictionCode ?? '310115',
    captureId: randomUUID(),
    doc: JSON.stringify({ eventID: eventId }),
  };
  await db.insertInto('epcisEvents').values(row).execute();
  // The places capture would write beside the event, derived the way an error declaration derives them.
  await rebuildEpcPlaces(db, row.anyEpcs ?? []);
  return eventId;
}

/** A premises of an enterprise, with a GLN or without. */
export async function insertPremises(db: Db, enterpriseId: string, jurisdictionCode: string, gln: string | null = null): Promise<string> {
  const id = randomUUID();
  await db.insertInto('premises').values({ id, enterpriseId, name: `仓库${id.slice(0, 4)}`, address: '上海市测试路1号', kind: 'warehouse', gln, jurisdictionCode }).execute();
  return id;
}

/** An open recall row (the recalls capability writes these; the scan page only reads them). */
export async function insertRecall(
  db: Db,
  r: { enterpriseId: string; jurisdictionCode: string; gtin: string; lot: string | null; serials?: string[]; status?: 'open' | 'closed'; level?: '1' | '2' | '3' },
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('recalls')
    .values({
      id,
      number: `ZH-${id.slice(0, 8)}`,
      enterpriseId: r.enterpriseId,
      productId: null,
      jurisdictionCode: r.jurisdictionCode,
      gtin: r.gtin,
      lot: r.lot,
      serials: r.serials ?? [],
      level: r.level ?? '2',
      reason: '菌落总数超标',
      initiator: 'regulator',
      status: r.status ?? 'open',
      trace: null,
      traceJobId: null,
      createdBy: null,
      closedAt: null,
    })
    .execute();
  return id;
}
