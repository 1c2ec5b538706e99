import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connect.ts';
import { captureDocument } from '../../epcis/capture/capture-document.ts';
import { buildCapturingEnterprise, commissioning, epcisDocument, itemLink, packing, serials, shipping, ssccLink, type CapturingEnterprise } from '../../epcis/capture/capture-test-kit.ts';
import { createTestDatabase } from '../../testing/test-database.ts';
import { canonicalEpc } from '@shian/domain';

let database: Database;
let maker: CapturingEnterprise;
let shop: CapturingEnterprise;
beforeAll(async () => {
  database = await createTestDatabase();
  maker = await buildCapturingEnterprise(database.db);
  shop = await buildCapturingEnterprise(database.db, '310101');
});
afterAll(async () => database?.close());

const canonical = (link: string): string => canonicalEpc(link)?.epc ?? link;
const placesOf = async (epcs: string[]) =>
  (
    await database.db
      .selectFrom('traceEpcPlaces as p')
      .leftJoin('premises as pr', 'pr.id', 'p.premisesId')
      .select(['p.epc', 'pr.jurisdictionCode', 'p.parent', 'p.packedAt', 'p.firstSeen', 'p.lastSeen'])
      .where('p.epc', 'in', epcs.map(canonical))
      .orderBy('p.epc')
      .orderBy('p.firstSeen')
      .execute()
  ).map((r) => ({ ...r, packedAt: r.packedAt?.toISOString() ?? null, firstSeen: r.firstSeen.toISOString(), lastSeen: r.lastSeen.toISOString() }));

const at = (time: string) => ({ eventTime: time, eventTimeZoneOffset: '+08:00' });

describe('the places of identified objects, written by capture', () => {
  it('keeps one row per object, premises and parent: commissioned and packed at the factory is one row; the case travels on', async () => {
    const items = serials(2).map((s) => itemLink(maker.gtin, s));
    const box = ssccLink();
    const result = await captureDocument(
      { db: database.db, actor: maker.actor },
      epcisDocument([
        { ...commissioning(maker, items), ...at('2026-03-01T08:00:00.000+08:00') },
        // Packing has a read point only: the read point's premises is where it happened.
        { ...packing(maker, box, items), ...at('2026-03-01T09:00:00.000+08:00') },
        { ...shipping(maker, [box], shop.glnLocation), ...at('2026-03-02T10:00:00.000+08:00') },
      ]),
    );
    expect(result.status).toBe('done');
    const factory = maker.enterprise.jurisdictionCode;
    expect(await placesOf([...items, box])).toEqual(
      [
        ...items.map((item) => ({ epc: canonical(item), jurisdictionCode: factory, parent: canonical(box), packedAt: '2026-03-01T01:00:00.000Z', firstSeen: '2026-03-01T00:00:00.000Z', lastSeen: '2026-03-01T01:00:00.000Z' })),
        { epc: canonical(box), jurisdictionCode: factory, parent: null, packedAt: null, firstSeen: '2026-03-01T01:00:00.000Z', lastSeen: '2026-03-02T02:00:00.000Z' },
      ].sort((a, b) => (a.epc < b.epc ? -1 : 1)),
    );

    // The shop receives the case in a capture of its own: a row of its own.
    const received = await captureDocument(
      { db: database.db, actor: shop.actor },
      epcisDocument([{ type: 'ObjectEvent', ...at('2026-03-03T10:00:00.000+08:00'), action: 'OBSERVE', bizStep: 'receiving', epcList: [box], bizLocation: { id: shop.platformLocation } }]),
    );
    expect(received.status).toBe('done');
    expect((await placesOf([box])).map((r) => r.jurisdictionCode)).toEqual([factory, shop.enterprise.jurisdictionCode]);
  });

  it('derives the rows again when an error declaration retracts the packing', async () => {
    const items = serials(1).map((s) => itemLink(maker.gtin, s));
    const box = ssccLink();
    const packed = { ...packing(maker, box, items), ...at('2026-03-01T09:00:00.000+08:00'), eventID: `urn:uuid:${crypto.randomUUID()}` };
    await captureDocument({ db: database.db, actor: maker.actor }, epcisDocument([{ ...commissioning(maker, items), ...at('2026-03-01T08:00:00.000+08:00') }, packed]));
    expect((await placesOf(items)).map((r) => r.parent)).toEqual([canonical(box)]);

    const declared = await captureDocument(
      { db: database.db, actor: maker.actor },
      epcisDocument([{ ...packed, errorDeclaration: { declarationTime: '2026-03-04T08:00:00.000+08:00', reason: 'incorrect_data' } }]),
    );
    expect(declared.status).toBe('done');
    // Only the commissioning is left: the item was at the factory, in no case.
    expect(await placesOf([...items, box])).toEqual([{ epc: canonical(items[0] ?? ''), jurisdictionCode: maker.enterprise.jurisdictionCode, parent: null, packedAt: null, firstSeen: '2026-03-01T00:00:00.000Z', lastSeen: '2026-03-01T00:00:00.000Z' }]);
  });
});
