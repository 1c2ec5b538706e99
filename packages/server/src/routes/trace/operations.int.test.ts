import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '@shian/core/testing/factories.ts';
import { buildTradingEnterprise, issueLot, type IssuedLot, type TradingEnterprise } from '@shian/core/trace/operations/operations-test-kit.ts';
import { createTestApp, signInAs, type Session, type TestApp } from '../../testing/test-app.ts';

/**
 * The trace operations over HTTP, as the web pages use them: choose a receiver, choose a lot, ship, see it
 * inbound, receive it; problems come back as one error body naming each field in the user's language.
 */
let t: TestApp;
let maker: TradingEnterprise;
let distributor: TradingEnterprise;
let third: TradingEnterprise;
let lot: IssuedLot;
let asMaker: Session;
let asDistributor: Session;
let asThird: Session;
let asSupervisor: Session;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  maker = await buildTradingEnterprise(db, '310115007');
  distributor = await buildTradingEnterprise(db, '310101002');
  third = await buildTradingEnterprise(db, '310115005');
  lot = await issueLot(db, maker.enterprise, { quantity: 500, items: 2 });
  const supervisor = await buildUser(db, 'district_supervisor', { jurisdictionCode: '310115' });
  asMaker = await signInAs(t.app, maker.adminUsername);
  asDistributor = await signInAs(t.app, distributor.adminUsername);
  asThird = await signInAs(t.app, third.adminUsername);
  asSupervisor = await signInAs(t.app, supervisor.user.username);
});
afterAll(async () => t?.close());

describe('trace operations over HTTP', () => {
  let shipmentEventId = '';

  it('finds a receiver by part of its name, with its premises; a regulator may not', async () => {
    const name = distributor.enterprise.name;
    const res = await asMaker.get(`/api/v1/trace/partners?q=${encodeURIComponent(name.slice(2, 8))}`);
    expect(res.statusCode, res.body).toBe(200);
    const found = res.json().items.find((p: { id: string }) => p.id === distributor.enterprise.id);
    expect(found).toMatchObject({ name, uscc: distributor.enterprise.uscc });
    expect(found.premises.map((p: { id: string }) => p.id).sort()).toEqual([distributor.registered.id, distributor.warehouse.id].sort());
    expect((await asMaker.get(`/api/v1/trace/partners?q=${encodeURIComponent(distributor.enterprise.uscc)}`)).json().items.map((p: { id: string }) => p.id)).toEqual([distributor.enterprise.id]);
    expect((await asMaker.get('/api/v1/trace/partners?q=测')).json().items).toEqual([]);
    expect((await asSupervisor.get('/api/v1/trace/partners?q=测试')).statusCode).toBe(403);
  });

  it('lists the lots the maker may ship, with the product name', async () => {
    const res = await asMaker.get('/api/v1/trace/lot-stock');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([{ epcClass: `https://id.gs1.org/01/${lot.gtin}/10/${lot.lot}`, gtin: lot.gtin, lot: lot.lot, available: 500, productName: lot.productName }]);
  });

  it('names each bad field in the user’s language', async () => {
    const body = { premisesId: distributor.warehouse.id, to: { enterpriseId: distributor.enterprise.id, premisesId: distributor.registered.id }, items: ['扫码枪乱码'] };
    const zh = await asMaker.post('/api/v1/trace/operations/ship', body);
    expect(zh.statusCode).toBe(422);
    expect(zh.json()).toMatchObject({
      code: 'trace.operation_invalid',
      message: '作业有 2 处问题，请逐项修改',
      details: [
        { path: 'premisesId', message: '不是本企业的场所' },
        { path: 'items.0', message: '无法识别的码（应为商品二维码、SSCC 物流码或平台箱码）' },
      ],
    });
    const en = await asMaker.post('/api/v1/trace/operations/ship', body, { 'accept-language': 'en-US' });
    expect(en.json().details[0]).toEqual({ path: 'premisesId', message: 'Not a premises of your enterprise' });
    const schema = await asMaker.post('/api/v1/trace/operations/ship', { ...body, premisesId: 'x', lots: [{ gtin: '12', lot: '', quantity: 0 }] });
    expect(schema.statusCode).toBe(400);
    expect(schema.json().details.map((d: { path: string }) => d.path).sort()).toEqual(['lots.0.gtin', 'lots.0.lot', 'lots.0.quantity', 'premisesId']);
  });

  it('ships a lot and two scanned items: 201 with the desadv and capture’s answer', async () => {
    const res = await asMaker.post('/api/v1/trace/operations/ship', {
      premisesId: maker.warehouse.id,
      to: { enterpriseId: distributor.enterprise.id, premisesId: distributor.warehouse.id },
      items: lot.items,
      lots: [{ gtin: lot.gtin, lot: lot.lot, quantity: 120 }],
      reference: '送货单 0301',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ desadv: expect.stringMatching(/^urn:shian:desadv:/), capture: { status: 'done', eventCount: 1, captured: 1, errors: [] } });
    shipmentEventId = res.json().eventId;
  });

  it('the receiver sees it inbound (lots split into GTIN and lot); a third enterprise sees nothing', async () => {
    const res = await asDistributor.get('/api/v1/trace/inbound');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({
        eventId: shipmentEventId,
        sender: { enterpriseId: maker.enterprise.id, name: maker.enterprise.name },
        to: expect.objectContaining({ premisesId: distributor.warehouse.id, premisesName: distributor.warehouse.name }),
        items: lot.items,
        lots: [{ epcClass: `https://id.gs1.org/01/${lot.gtin}/10/${lot.lot}`, gtin: lot.gtin, lot: lot.lot, quantity: 120, uom: 'EA' }],
        reference: '送货单 0301',
      }),
    ]);
    expect((await asThird.get('/api/v1/trace/inbound')).json().items).toEqual([]);
    expect((await asSupervisor.get('/api/v1/trace/inbound')).statusCode).toBe(403);
  });

  it('receives all of it in one click; then it is no longer inbound, and a second receipt is a conflict', async () => {
    const third404 = await asThird.post('/api/v1/trace/operations/receive', { shipmentEventId, premisesId: third.warehouse.id });
    expect(third404.statusCode).toBe(404);
    const res = await asDistributor.post('/api/v1/trace/operations/receive', { shipmentEventId, premisesId: distributor.warehouse.id, accept: 'all' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().capture.status).toBe('done');
    expect((await asDistributor.get('/api/v1/trace/inbound')).json().items).toEqual([]);
    const again = await asDistributor.post('/api/v1/trace/operations/receive', { shipmentEventId, premisesId: distributor.warehouse.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('该批发货已收货');
  });

  it('packs received items into a platform container the receiver can print', async () => {
    const res = await asDistributor.post('/api/v1/trace/operations/aggregate', { premisesId: distributor.warehouse.id, children: lot.items });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().parentId).toMatch(/^urn:shian:pack:/);
    const stock = (await asDistributor.get('/api/v1/trace/lot-stock')).json().items;
    expect(stock).toEqual([expect.objectContaining({ lot: lot.lot, available: 120 })]);
  });
});
