import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, canonicalLotClass, type Actor } from '@shian/domain';
import type { Database } from '../../db/connect.ts';
import type { Ctx } from '../../db/transaction.ts';
import { captureDocument } from '../../epcis/capture/capture-document.ts';
import { buildUser } from '../../testing/factories.ts';
import { createTestDatabase } from '../../testing/test-database.ts';
import { locationIdOf, partyIdOf } from '../locations.ts';
import { listInboundShipments } from './inbound-shipments.ts';
import { listLotStock } from './lot-stock.ts';
import { aggregate, ship } from './operations-service.ts';
import { buildTradingEnterprise, issueLot, newSscc, type IssuedLot, type TradingEnterprise } from './operations-test-kit.ts';
import { receive } from './receive-shipment.ts';
import { itemStates } from './stock.ts';

/**
 * The trace operations end to end on a real database: a maker (M) packs issued items into two SSCC cases and
 * ships them with a lot quantity to a distributor (D); D sees the shipment inbound and receives it; a third
 * enterprise (C) never sees it. Every event goes through capture and is stored as the standard describes.
 */
let database: Database;
let maker: TradingEnterprise;
let distributor: TradingEnterprise;
let third: TradingEnterprise;
let lot: IssuedLot;
const caseA = newSscc();
const caseB = newSscc();

const ctxOf = (actor: Actor): Ctx => ({ db: database.db, actor, requestId: 'test' });

/** The field problems of a refused operation (`trace.operation_invalid`), as path → message key. */
async function problemsOf(promise: Promise<unknown>): Promise<Record<string, string>> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  expect(error.code).toBe('trace.operation_invalid');
  return Object.fromEntries(error.details.map((d) => [d.path, d.message]));
}

async function storedEvent(eventId: string) {
  return database.db.selectFrom('epcisEvents').selectAll().where('eventId', '=', eventId).executeTakeFirstOrThrow();
}

beforeAll(async () => {
  database = await createTestDatabase();
  maker = await buildTradingEnterprise(database.db, '310115007');
  distributor = await buildTradingEnterprise(database.db, '310101002');
  third = await buildTradingEnterprise(database.db, '310115005');
  lot = await issueLot(database.db, maker.enterprise, { quantity: 1000, items: 4 });
});
afterAll(async () => database?.close());

describe('packing (装箱)', () => {
  it('packs issued items into SSCC cases at a premises of its own: an AggregationEvent through capture', async () => {
    const [i1, i2, i3, i4] = lot.items;
    const first = await aggregate(ctxOf(maker.admin), { premisesId: maker.warehouse.id, parent: caseA, children: [i1 ?? '', i2 ?? ''], action: 'ADD' });
    expect(first.capture).toMatchObject({ status: 'done', eventCount: 1, captured: 1, errors: [] });
    expect(first.parentId).toBe(caseA);
    await aggregate(ctxOf(maker.admin), { premisesId: maker.warehouse.id, parent: caseB, children: [i3 ?? '', i4 ?? ''], action: 'ADD' });
    const stored = await storedEvent(first.eventId);
    expect(stored).toMatchObject({ eventType: 'AggregationEvent', action: 'ADD', bizStep: 'packing', parentId: caseA, childEpcs: [i1, i2], bizLocation: locationIdOf(maker.warehouse), enterpriseId: maker.enterprise.id });
    const capture = await database.db.selectFrom('auditLog').select('action').where('entityType', '=', 'epcis_capture').where('entityId', '=', first.capture.captureId).execute();
    expect(capture).toEqual([{ action: 'epcis.capture' }]);
  });

  it('without a scanned parent, makes a platform container (urn:shian:pack:…) to print as a label', async () => {
    const extra = await issueLot(database.db, maker.enterprise, { items: 1 });
    const result = await aggregate(ctxOf(maker.admin), { premisesId: maker.registered.id, children: extra.items, action: 'ADD' });
    expect(result.parentId).toMatch(/^urn:shian:pack:[0-9A-Z]{12}$/);
    expect((await itemStates(database.db, maker.enterprise.id, [result.parentId])).get(result.parentId)).toBe('in_stock');
  });

  it('names every bad field: unreadable code, unknown code, another enterprise premises, a parent that is an item', async () => {
    const problems = await problemsOf(
      aggregate(ctxOf(maker.admin), {
        premisesId: distributor.warehouse.id,
        parent: lot.items[0],
        children: ['not a code', 'https://id.gs1.org/01/06901234567892/21/NEVERISSUED'],
        action: 'ADD',
      }),
    );
    expect(problems).toEqual({
      premisesId: 'field.trace_premises_not_own',
      parent: 'field.trace_code_not_container',
      'children.0': 'field.trace_code_unrecognised',
      'children.1': 'field.trace_code_unknown',
    });
  });

  it('refuses to pack codes issued to another enterprise (not in stock)', async () => {
    const theirs = await issueLot(database.db, third.enterprise, { items: 1 });
    const problems = await problemsOf(aggregate(ctxOf(maker.admin), { premisesId: maker.warehouse.id, parent: newSscc(), children: theirs.items, action: 'ADD' }));
    expect(problems).toEqual({ 'children.0': 'field.trace_code_not_in_stock' });
  });
});

describe('shipping (发货) and receiving (收货)', () => {
  let shipment: { eventId: string; desadv: string };
  const lotClass = () => canonicalLotClass(lot.gtin, lot.lot);

  it('ships a lot quantity and two scanned SSCCs to the distributor', async () => {
    const result = await ship(ctxOf(maker.admin), {
      premisesId: maker.warehouse.id,
      to: { enterpriseId: distributor.enterprise.id, premisesId: distributor.registered.id },
      items: [caseA, caseB],
      lots: [{ gtin: lot.gtin, lot: lot.lot, quantity: 100 }],
      reference: 'SH-0301',
    });
    expect(result.capture.status).toBe('done');
    expect(result.desadv).toMatch(/^urn:shian:desadv:[0-9a-f-]{36}$/);
    shipment = result;
    const stored = await storedEvent(result.eventId);
    expect(stored).toMatchObject({
      eventType: 'ObjectEvent',
      action: 'OBSERVE',
      bizStep: 'shipping',
      disposition: 'in_transit',
      bizLocation: locationIdOf(maker.warehouse),
      epcList: [caseA, caseB],
      enterpriseId: maker.enterprise.id,
    });
    expect([...stored.destinations].sort()).toEqual([partyIdOf(distributor.enterprise), locationIdOf(distributor.registered)].sort());
    expect(stored.anyClasses).toContain(lotClass());
  });

  it('the distributor sees it inbound, with the sender, codes and quantities; the third enterprise and the sender do not', async () => {
    const inbound = await listInboundShipments(ctxOf(distributor.admin));
    expect(inbound).toHaveLength(1);
    expect(inbound[0]).toMatchObject({
      eventId: shipment.eventId,
      shipmentKey: shipment.desadv,
      sender: { enterpriseId: maker.enterprise.id, name: maker.enterprise.name },
      fromLocation: locationIdOf(maker.warehouse),
      to: { premisesId: distributor.registered.id, premisesName: distributor.registered.name },
      items: [caseA, caseB],
      lots: [{ epcClass: lotClass(), quantity: 100, uom: 'EA' }],
      reference: 'SH-0301',
    });
    expect(await listInboundShipments(ctxOf(third.admin))).toEqual([]);
    expect(await listInboundShipments(ctxOf(maker.admin))).toEqual([]);
  });

  it('another enterprise cannot receive it: the shipment does not exist for it', async () => {
    await expect(receive(ctxOf(third.admin), { shipmentEventId: shipment.eventId, premisesId: third.warehouse.id, accept: 'all' })).rejects.toMatchObject({ code: 'resource.not_found' });
  });

  it('a receipt names its own premises; one of the sender is refused on the field', async () => {
    const problems = await problemsOf(receive(ctxOf(distributor.admin), { shipmentEventId: shipment.eventId, premisesId: maker.warehouse.id, accept: 'all' }));
    expect(problems).toEqual({ premisesId: 'field.trace_premises_not_own' });
  });

  it('the distributor receives all of it: same desadv and parties, stored at its premises, then off its inbound list', async () => {
    const result = await receive(ctxOf(distributor.admin), { shipmentEventId: shipment.eventId, premisesId: distributor.registered.id, accept: 'all' });
    expect(result.capture.status).toBe('done');
    expect(result.desadv).toBe(shipment.desadv);
    const stored = await storedEvent(result.eventId);
    expect(stored).toMatchObject({
      bizStep: 'receiving',
      disposition: 'in_progress',
      bizLocation: locationIdOf(distributor.registered),
      epcList: [caseA, caseB],
      enterpriseId: distributor.enterprise.id,
    });
    expect([...stored.destinations].sort()).toEqual([partyIdOf(distributor.enterprise), locationIdOf(distributor.registered)].sort());
    expect(stored.doc).toMatchObject({
      bizTransactionList: [{ type: 'desadv', bizTransaction: shipment.desadv }],
      sourceList: [
        { type: 'owning_party', source: partyIdOf(maker.enterprise) },
        { type: 'location', source: locationIdOf(maker.warehouse) },
      ],
      quantityList: [{ epcClass: lotClass(), quantity: 100, uom: 'EA' }],
    });
    expect(await listInboundShipments(ctxOf(distributor.admin))).toEqual([]);
    await expect(receive(ctxOf(distributor.admin), { shipmentEventId: shipment.eventId, premisesId: distributor.registered.id, accept: 'all' })).rejects.toMatchObject({
      code: 'trace.already_received',
    });
  });

  it('stock follows the goods: the cases and the items packed in them are now the distributor’s, not the maker’s', async () => {
    const codes = [caseA, lot.items[0] ?? ''];
    expect([...(await itemStates(database.db, distributor.enterprise.id, codes)).values()]).toEqual(['in_stock', 'in_stock']);
    expect([...(await itemStates(database.db, maker.enterprise.id, codes)).values()]).toEqual(['elsewhere', 'elsewhere']);
    const again = await problemsOf(
      ship(ctxOf(maker.admin), { premisesId: maker.warehouse.id, to: { enterpriseId: third.enterprise.id, premisesId: third.warehouse.id }, items: [caseA] }),
    );
    expect(again).toEqual({ 'items.0': 'field.trace_code_not_in_stock' });
    const stock = await listLotStock(ctxOf(distributor.admin));
    expect(stock).toEqual([expect.objectContaining({ epcClass: lotClass(), available: 100, productName: lot.productName })]);
    expect((await listLotStock(ctxOf(maker.admin))).find((l) => l.epcClass === lotClass())?.available).toBe(900);
  });

  it('the distributor ships part onward; a lot beyond its stock and a premises not of the receiver are named', async () => {
    const problems = await problemsOf(
      ship(ctxOf(distributor.admin), {
        premisesId: distributor.registered.id,
        to: { enterpriseId: third.enterprise.id, premisesId: maker.warehouse.id },
        lots: [{ gtin: lot.gtin, lot: lot.lot, quantity: 101 }],
      }),
    );
    expect(problems).toEqual({ 'to.premisesId': 'field.trace_premises_not_of_enterprise', 'lots.0.quantity': 'field.trace_lot_not_in_stock' });
    const onward = await ship(ctxOf(distributor.admin), {
      premisesId: distributor.registered.id,
      to: { enterpriseId: third.enterprise.id, premisesId: third.warehouse.id },
      items: [caseB],
      lots: [{ gtin: lot.gtin, lot: lot.lot, quantity: 40 }],
    });
    expect(onward.capture.status).toBe('done');
    const inbound = await listInboundShipments(ctxOf(third.admin));
    expect(inbound.map((s) => s.sender.name)).toEqual([distributor.enterprise.name]);
    // A partial receipt: one lot quantity below what was shipped; more than shipped is named.
    const tooMany = await problemsOf(
      receive(ctxOf(third.admin), { shipmentEventId: onward.eventId, premisesId: third.warehouse.id, accept: { lots: [{ gtin: lot.gtin, lot: lot.lot, quantity: 41 }] } }),
    );
    expect(tooMany).toEqual({ 'accept.lots.0.quantity': 'field.trace_quantity_exceeds_shipment' });
    const part = await receive(ctxOf(third.admin), { shipmentEventId: onward.eventId, premisesId: third.warehouse.id, accept: { lots: [{ gtin: lot.gtin, lot: lot.lot, quantity: 30 }] } });
    expect((await storedEvent(part.eventId)).doc).toMatchObject({ quantityList: [{ quantity: 30 }] });
    expect((await storedEvent(part.eventId)).epcList).toEqual([]);
  });

  it('a shipment sent by the sender’s own system (no desadv, the receiver’s GLN only) is inbound and received by its eventID', async () => {
    const extra = await issueLot(database.db, maker.enterprise, { items: 0 });
    const eventId = `urn:uuid:${crypto.randomUUID()}`;
    const shipping = {
      type: 'ObjectEvent',
      eventTime: '2026-03-02T10:00:00.000+08:00',
      eventTimeZoneOffset: '+08:00',
      eventID: eventId,
      action: 'OBSERVE',
      bizStep: 'https://ref.gs1.org/cbv/BizStep-shipping',
      disposition: 'in_transit',
      quantityList: [{ epcClass: canonicalLotClass(extra.gtin, extra.lot), quantity: 12, uom: 'EA' }],
      readPoint: { id: locationIdOf(maker.warehouse) },
      bizTransactionList: [{ type: 'po', bizTransaction: 'urn:example:po:4711' }],
      destinationList: [{ type: 'location', destination: `https://id.gs1.org/414/${distributor.warehouse.gln ?? ''}` }],
    };
    const captured = await captureDocument(ctxOf(maker.admin), {
      '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
      type: 'EPCISDocument',
      schemaVersion: '2.0',
      creationDate: '2026-03-02T10:00:00.000+08:00',
      epcisBody: { eventList: [shipping] },
    });
    expect(captured.status).toBe('done');
    const inbound = await listInboundShipments(ctxOf(distributor.admin));
    expect(inbound.map((s) => s.eventId)).toEqual([eventId]);
    expect(inbound[0]).toMatchObject({ shipmentKey: eventId, to: { premisesId: distributor.warehouse.id }, lots: [{ quantity: 12 }] });
    const receipt = await receive(ctxOf(distributor.admin), { shipmentEventId: eventId, premisesId: distributor.warehouse.id, accept: 'all' });
    expect((await storedEvent(receipt.eventId)).doc).toMatchObject({ bizTransactionList: [{ type: 'desadv', bizTransaction: eventId }] });
    expect(await listInboundShipments(ctxOf(distributor.admin))).toEqual([]);
  });

  it('nothing to ship, and an unknown receiver, are named', async () => {
    const problems = await problemsOf(
      ship(ctxOf(maker.admin), { premisesId: maker.warehouse.id, to: { enterpriseId: '00000000-0000-4000-8000-000000000000', premisesId: maker.warehouse.id }, items: [] }),
    );
    expect(problems).toEqual({ 'to.enterpriseId': 'field.trace_enterprise_unknown', items: 'field.trace_nothing_to_ship' });
  });

  it('regulators do not operate: even a city administrator is refused (they capture nothing)', async () => {
    const { actor } = await buildUser(database.db, 'city_admin', { jurisdictionCode: '310000' });
    await expect(
      ship(ctxOf(actor), { premisesId: maker.warehouse.id, to: { enterpriseId: distributor.enterprise.id, premisesId: distributor.registered.id }, items: [caseA] }),
    ).rejects.toMatchObject({ code: 'auth.forbidden' });
    await expect(listInboundShipments(ctxOf(actor))).rejects.toMatchObject({ code: 'auth.forbidden' });
  });
});
