import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '@shian/domain';
import type { Database } from '../../db/connect.ts';
import { buildUser } from '../../testing/factories.ts';
import { createTestDatabase } from '../../testing/test-database.ts';
import { captureDocument, type CaptureResult } from './capture-document.ts';
import { captureEvent } from './capture-event.ts';
import { withCaptureTransaction } from './capture-transaction.ts';
import { INSERT_CHUNK_ROWS, insertEvents } from './insert-events.ts';
import { normaliseEvent, type EventRow } from './normalise-event.ts';
import {
  EPCIS_CONTEXT,
  buildCapturingEnterprise,
  commissioning,
  epcisDocument,
  itemLink,
  packing,
  serials,
  shipping,
  ssccLink,
  type CapturingEnterprise,
} from './capture-test-kit.ts';

let database: Database;
let a: CapturingEnterprise;
let b: CapturingEnterprise;
beforeAll(async () => {
  database = await createTestDatabase();
  a = await buildCapturingEnterprise(database.db);
  b = await buildCapturingEnterprise(database.db, '310101');
});
afterAll(async () => database?.close());

const capture = (e: CapturingEnterprise, events: Record<string, unknown>[], errorBehaviour: 'rollback' | 'proceed' = 'rollback'): Promise<CaptureResult> =>
  captureDocument({ db: database.db, actor: e.actor }, epcisDocument(events), { errorBehaviour, locale: 'en-US' });

const rowsOf = (captureId: string) => database.db.selectFrom('epcisEvents').selectAll().where('captureId', '=', captureId).orderBy('id').execute();
const when = { eventTime: '2026-03-02T09:30:00.000+08:00', eventTimeZoneOffset: '+08:00' };

describe('captureDocument', () => {
  it('stores the five event types, with ILMD, sensor readings, an error declaration and a persistent disposition', async () => {
    const items = serials(4).map((s) => itemLink(a.gtin, s));
    const caseId = ssccLink();
    const sensor = 'urn:epc:id:giai:4000001.77';
    const retracted = `urn:uuid:${randomUUID()}`;
    const events = [
      commissioning(a, items, 'LOT26A'),
      packing(a, caseId, items),
      { type: 'TransactionEvent', ...when, action: 'ADD', bizStep: 'shipping', bizTransactionList: [{ type: 'po', bizTransaction: 'urn:epcglobal:cbv:bt:6900000000001:PO-7' }], epcList: [caseId], readPoint: { id: a.glnLocation } },
      {
        type: 'TransformationEvent',
        ...when,
        bizStep: 'repackaging',
        inputEPCList: [items[0]],
        outputQuantityList: [{ epcClass: `https://id.gs1.org/01/${a.gtin}/10/REPACK1`, quantity: 2, uom: 'H87' }],
        readPoint: { id: a.platformLocation },
        ilmd: { 'cbvmda:lotNumber': 'REPACK1' },
      },
      { type: 'AssociationEvent', ...when, action: 'ADD', bizStep: 'installing', parentID: caseId, childEPCs: [sensor], readPoint: { id: `${a.glnLocation}/254/COLD1` } },
      {
        type: 'ObjectEvent',
        ...when,
        action: 'OBSERVE',
        bizStep: 'sensor_reporting',
        epcList: [caseId],
        readPoint: { id: a.glnLocation },
        sensorElementList: [{ sensorMetadata: { time: '2026-03-02T09:00:00+08:00', deviceID: sensor }, sensorReport: [{ type: 'Temperature', value: 4.2, uom: 'CEL' }, { type: 'Temperature', value: 9.1, uom: 'CEL', exception: 'ALARM_CONDITION' }] }],
      },
      { type: 'ObjectEvent', ...when, eventID: retracted, action: 'OBSERVE', bizStep: 'inspecting', epcList: [items[1]], readPoint: { id: a.glnLocation } },
      {
        type: 'ObjectEvent',
        ...when,
        eventID: retracted,
        action: 'OBSERVE',
        bizStep: 'inspecting',
        epcList: [items[1]],
        readPoint: { id: a.glnLocation },
        errorDeclaration: { declarationTime: '2026-03-03T10:00:00+08:00', reason: 'did_not_occur' },
      },
      { type: 'ObjectEvent', ...when, action: 'OBSERVE', bizStep: 'holding', disposition: 'recalled', persistentDisposition: { set: ['recalled'] }, epcList: [items[2]], bizLocation: { id: a.glnLocation } },
    ];
    const result = await capture(a, events);
    expect(result).toMatchObject({ status: 'done', eventCount: 9, captured: 9, errors: [] });
    const rows = await rowsOf(result.captureId);
    expect(rows.map((r) => r.eventType)).toEqual(['ObjectEvent', 'AggregationEvent', 'TransactionEvent', 'TransformationEvent', 'AssociationEvent', 'ObjectEvent', 'ObjectEvent', 'ObjectEvent', 'ObjectEvent']);
    const [commission, , , transform, associate, sensing, original, declaration, hold] = rows;
    expect(commission?.doc).toMatchObject({ ilmd: { 'cbvmda:lotNumber': 'LOT26A' }, eventID: commission?.eventId, recordTime: commission?.recordTime.toISOString() });
    expect(commission?.anyClasses).toEqual([`https://id.gs1.org/01/${a.gtin}`]);
    expect(transform?.anyClasses).toContain(`https://id.gs1.org/01/${a.gtin}/10/REPACK1`);
    expect(associate?.readPoint).toBe(`${a.glnLocation}/254/COLD1`);
    expect((sensing?.doc as { sensorElementList: unknown[] }).sensorElementList).toHaveLength(1);
    expect([original?.eventId, original?.errorReason]).toEqual([retracted, null]);
    expect([declaration?.eventId, declaration?.errorReason]).toEqual([retracted, 'did_not_occur']);
    expect([hold?.disposition, hold?.persistentSet]).toEqual(['recalled', ['recalled']]);
    expect(rows.every((r) => r.enterpriseId === a.enterprise.id && r.jurisdictionCode === a.enterprise.jurisdictionCode)).toBe(true);

    const row = await database.db.selectFrom('epcisCaptures').selectAll().where('id', '=', result.captureId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'done', eventCount: 9, capturedCount: 9, errorBehaviour: 'rollback', enterpriseId: a.enterprise.id, userId: a.actor.userId });
    expect(JSON.parse(row.document)).toEqual(epcisDocument(events));
    const audit = await database.db.selectFrom('auditLog').selectAll().where('entityId', '=', result.captureId).execute();
    expect(audit.map((e) => e.action)).toEqual(['epcis.capture']);
  });

  it('lets an enterprise ship and receive other makers’ items at its own premises', async () => {
    const items = serials(2).map((s) => itemLink(a.gtin, s));
    const receiving = { type: 'ObjectEvent', ...when, action: 'OBSERVE', bizStep: 'receiving', disposition: 'in_progress', epcList: items, readPoint: { id: b.glnLocation }, bizLocation: { id: b.glnLocation } };
    expect(await capture(b, [receiving, shipping(b, items, a.glnLocation)])).toMatchObject({ status: 'done', captured: 2 });
  });

  it('refuses locations that are not the enterprise’s premises and commissioning of other makers’ products', async () => {
    const item = itemLink(b.gtin, serials(1)[0] ?? '');
    const result = await capture(a, [
      { type: 'ObjectEvent', ...when, action: 'OBSERVE', epcList: [itemLink(a.gtin, 'X1')], readPoint: { id: b.glnLocation } },
      { type: 'ObjectEvent', ...when, action: 'OBSERVE', epcList: [itemLink(a.gtin, 'X2')], bizLocation: { id: 'https://id.gs1.org/414/6900000000018' } },
      { type: 'ObjectEvent', ...when, action: 'OBSERVE', epcList: [itemLink(a.gtin, 'X3')], readPoint: { id: b.platformLocation } },
      commissioning(a, [item]),
    ]);
    expect(result.status).toBe('failed');
    expect(result.errors.map((e) => [e.eventIndex, e.path, e.code])).toEqual([
      [0, '/epcisBody/eventList/0/readPoint/id', 'epcis.location_not_own'],
      [1, '/epcisBody/eventList/1/bizLocation/id', 'epcis.location_not_own'],
      [2, '/epcisBody/eventList/2/readPoint/id', 'epcis.location_not_own'],
      [3, '/epcisBody/eventList/3/epcList/0', 'epcis.product_not_own'],
    ]);
    expect(result.errors[3]?.message).toBe(`GTIN ${b.gtin} is not a registered product of your enterprise; it cannot be commissioned`);
    expect(await rowsOf(result.captureId)).toEqual([]);
  });

  it('rollback stores nothing when any event is wrong; proceed stores the valid events and lists the others', async () => {
    const events = (): Record<string, unknown>[] => [
      commissioning(a, serials(2).map((s) => itemLink(a.gtin, s))),
      { type: 'ObjectEvent', ...when, action: 'OBSERVE', bizStep: 'shiping', epcList: [itemLink(a.gtin, 'Y1')] },
      shipping(a, [itemLink(a.gtin, 'Y2')], b.glnLocation),
      { type: 'ObjectEvent', ...when, action: 'OBSERVE', epcList: ['https://id.gs1.org/01/06900000000011/21/Z'] },
    ];
    const rollback = await capture(a, events());
    expect(rollback).toMatchObject({ status: 'failed', eventCount: 4, captured: 0 });
    expect(rollback.errors.map((e) => [e.eventIndex, e.code])).toEqual([
      [1, 'epcis.invalid_field'],
      [3, 'epcis.invalid_identifier'],
    ]);
    expect(await rowsOf(rollback.captureId)).toEqual([]);

    const proceed = await capture(a, events(), 'proceed');
    expect(proceed).toMatchObject({ status: 'done', eventCount: 4, captured: 2 });
    expect(proceed.errors.map((e) => e.eventIndex)).toEqual([1, 3]);
    expect((await rowsOf(proceed.captureId)).map((r) => r.bizStep)).toEqual(['commissioning', 'shipping']);
    const row = await database.db.selectFrom('epcisCaptures').select(['status', 'capturedCount', 'errors']).where('id', '=', proceed.captureId).executeTakeFirstOrThrow();
    expect([row.status, row.capturedCount, Array.isArray(row.errors) ? row.errors.length : -1]).toEqual(['done', 2, 2]);
  });

  it('undoes earlier chunks when an error turns up in a later one (rollback); proceed keeps them', async () => {
    // More events than one INSERT statement takes: the last one, past the first chunk, is wrong.
    const events: Record<string, unknown>[] = Array.from({ length: INSERT_CHUNK_ROWS + 1 }, (_, i) => ({ type: 'ObjectEvent', ...when, action: 'OBSERVE', bizStep: 'stocking', epcList: [itemLink(a.gtin, `K${i}`)] }));
    events[INSERT_CHUNK_ROWS] = { ...events[INSERT_CHUNK_ROWS], readPoint: { id: b.glnLocation } };
    const rollback = await capture(a, events);
    expect([rollback.status, rollback.captured, rollback.errors.map((e) => e.eventIndex)]).toEqual(['failed', 0, [INSERT_CHUNK_ROWS]]);
    expect(await rowsOf(rollback.captureId)).toEqual([]);
    const proceed = await capture(a, events, 'proceed');
    expect([proceed.status, proceed.captured]).toEqual(['done', INSERT_CHUNK_ROWS]);
    expect(await rowsOf(proceed.captureId)).toHaveLength(INSERT_CHUNK_ROWS);
  });

  it('takes a retry of the same events as captured once; the same eventID with other content is refused', async () => {
    const eventID = `urn:uuid:${randomUUID()}`;
    const items = serials(2).map((s) => itemLink(a.gtin, s));
    const events = [{ ...commissioning(a, items), eventID }, packing(a, ssccLink(), items)];
    const first = await capture(a, events);
    const again = await capture(a, events);
    expect([first.captured, again.status, again.captured]).toEqual([2, 'done', 2]);
    expect(await rowsOf(again.captureId)).toEqual([]);
    const stored = await database.db.selectFrom('epcisEvents').select('id').where('eventId', '=', eventID).execute();
    expect(stored).toHaveLength(1);

    const changed = await capture(a, [{ ...commissioning(a, items, 'OTHERLOT'), eventID }]);
    expect(changed.errors.map((e) => [e.path, e.code, e.params?.eventId])).toEqual([['/epcisBody/eventList/0/eventID', 'epcis.duplicate_event_id', eventID]]);
    // Within one document too: the first is kept, the second differs.
    const twice = `urn:uuid:${randomUUID()}`;
    const inOne = await capture(a, [{ ...shipping(a, items, b.glnLocation), eventID: twice }, { ...shipping(a, [items[0] ?? ''], b.glnLocation), eventID: twice }], 'proceed');
    expect([inOne.captured, inOne.errors.map((e) => e.eventIndex)]).toEqual([1, [1]]);
  });

  it('gives items captured without a lot the lot of the code the platform issued', async () => {
    const [serial = ''] = serials(1);
    const batchId = randomUUID();
    await database.db
      .insertInto('traceCodeBatches')
      .values({ id: batchId, number: `B${serial}`, enterpriseId: a.enterprise.id, productId: a.productId, jurisdictionCode: a.enterprise.jurisdictionCode, gtin: a.gtin, lot: 'LOT-77', productionDate: '2026-02-01', expiryDate: '2027-08-01', quantity: 1, jobId: null, requestedBy: null, finishedAt: null })
      .execute();
    await database.db.insertInto('traceCodes').values({ gtin: a.gtin, serial, batchId, seq: 1, firstScannedAt: null, lastScannedAt: null }).execute();
    const result = await capture(a, [commissioning(a, [itemLink(a.gtin, serial), itemLink(a.gtin, `${serial}N`)])]);
    const [row] = await rowsOf(result.captureId);
    expect(new Set(row?.anyClasses)).toEqual(new Set([`https://id.gs1.org/01/${a.gtin}`, `https://id.gs1.org/01/${a.gtin}/10/LOT-77`]));
  });

  it('is for enterprises: a regulator is refused before anything is stored', async () => {
    const { actor } = await buildUser(database.db, 'city_admin', { jurisdictionCode: '310000' });
    const before = await database.db.selectFrom('epcisCaptures').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const refused = await captureDocument({ db: database.db, actor }, epcisDocument([])).catch((error: unknown) => error);
    expect(isAppError(refused) && refused.code).toBe('auth.forbidden');
    const after = await database.db.selectFrom('epcisCaptures').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

describe('insertEvents', () => {
  const rowOf = (extra: Partial<EventRow>): EventRow => ({
    ...normaliseEvent({ type: 'ObjectEvent', ...when, eventID: `urn:uuid:${randomUUID()}`, action: 'OBSERVE', epcList: [] }, '/e', new Date()).row,
    ...extra,
  });
  const stored = (eventId: string) => database.db.selectFrom('epcisEvents').select(['errorReason', 'epcList', 'transformationId', 'doc']).where('eventId', '=', eventId).executeTakeFirstOrThrow();
  const target = () => ({ captureId: randomUUID(), enterpriseId: a.enterprise.id, jurisdictionCode: a.enterprise.jurisdictionCode, recordTime: new Date() });

  it('keeps empty strings and empty arrays of a one-row chunk, and values with control characters (the JSON form)', async () => {
    const plain = rowOf({ error_reason: '' });
    const odd = rowOf({ transformation_id: 'urn:x:a\u001eb' });
    await database.db.transaction().execute(async (trx) => {
      expect(await insertEvents(trx, target(), [plain])).toBe(1);
      expect(await insertEvents(trx, target(), [odd, rowOf({})])).toBe(2);
    });
    expect(await stored(plain.event_id)).toMatchObject({ errorReason: '', epcList: [], transformationId: null });
    expect((await stored(odd.event_id)).transformationId).toBe('urn:x:a\u001eb');
  });

  it('the capture transaction writes (COPY on a server, INSERT on PGlite) every character as it was', async () => {
    const awkward = 'urn:x:tab\there,new\nline,back\\slash,"quoted",{brace}';
    const row = rowOf({ transformation_id: awkward, error_reason: null, epc_list: [awkward, 'urn:x:plain', ''], doc: { note: awkward, nested: [awkward] } });
    const written = await withCaptureTransaction({ db: database.db, actor: a.actor }, (_trx, write) => write.events(target(), [row, rowOf({})]));
    expect(written).toBe(2);
    expect(await stored(row.event_id)).toEqual({ errorReason: null, epcList: [awkward, 'urn:x:plain', ''], transformationId: awkward, doc: { note: awkward, nested: [awkward] } });
  });
});

describe('captureEvent (one event, synchronous)', () => {
  const event = (eventID: string, serial: string) => JSON.stringify({ '@context': [EPCIS_CONTEXT], type: 'ObjectEvent', ...when, eventID, action: 'OBSERVE', epcList: [itemLink(a.gtin, serial)], readPoint: { id: a.glnLocation } });

  it('stores it, takes a retry again, and refuses other content under the same eventID (409)', async () => {
    const id = `urn:uuid:${randomUUID()}`;
    const ctx = { db: database.db, actor: a.actor };
    expect((await captureEvent(ctx, event(id, 'E1'))).eventId).toBe(id);
    expect((await captureEvent(ctx, event(id, 'E1'))).eventId).toBe(id);
    const conflict = await captureEvent(ctx, event(id, 'E2')).catch((error: unknown) => error);
    expect(isAppError(conflict) && [conflict.code, conflict.status]).toEqual(['epcis.duplicate_event_id', 409]);
  });

  it('names the bad fields by pointers into the event itself', async () => {
    const bad = JSON.stringify({ type: 'ObjectEvent', ...when, action: 'OBSERVE', epcList: [itemLink(a.gtin, 'E3')], readPoint: { id: b.glnLocation } });
    const refused = await captureEvent({ db: database.db, actor: a.actor }, bad, { locale: 'en-US' }).catch((error: unknown) => error);
    expect(isAppError(refused) && refused.details.map((d) => d.path)).toEqual(['/@context']);
    const elsewhere = JSON.stringify({ '@context': EPCIS_CONTEXT, ...JSON.parse(bad) });
    const notOwn = await captureEvent({ db: database.db, actor: a.actor }, elsewhere, { locale: 'en-US' }).catch((error: unknown) => error);
    expect(isAppError(notOwn) && [notOwn.code, notOwn.details.map((d) => d.path)]).toEqual(['epcis.validation_failed', ['/readPoint/id']]);
  });
});
