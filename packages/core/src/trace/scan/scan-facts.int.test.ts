import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, canonicalItem, canonicalLotClass, canonicalSscc, computeGtinCheckDigit, findJurisdiction, qaReleaseCreateSchema } from '@shian/domain';
import { recordQaRelease } from '../../qa-release/qa-release-service.ts';
import { createPerson } from '../../registry/person-service.ts';
import type { Database } from '../../db/connect.ts';
import { createTestDatabase } from '../../testing/test-database.ts';
import type { CodeBatchView } from '../codes/code-batch-service.ts';
import { buildProducer, issuedBatch, type Producer } from '../codes/codes-test-kit.ts';
import { locationIdOf, premisesByLocationIds } from '../locations.ts';
import { NO_BOUND, boundOf, createScanFactsReader, findScanFacts, gtinSpellings } from './scan-facts.ts';
import { insertEvent, insertPremises, insertRecall } from './scan-test-kit.ts';

let database: Database;
let producer: Producer;
let batch: CodeBatchView;
let serials: string[];
const withCheck = (body: string): string => body + String(computeGtinCheckDigit(body));
const CASE = canonicalSscc(withCheck('06901234500000001'));
const PALLET = canonicalSscc(withCheck('06901234500000002'));
const GLN = withCheck('690123450000');

beforeAll(async () => {
  database = await createTestDatabase();
  producer = await buildProducer(database.db, '310115007');
  batch = await issuedBatch(database.db, producer, { quantity: 4, lot: 'A/B,1' });
  serials = (await database.db.selectFrom('traceCodes').select('serial').where('batchId', '=', batch.id).orderBy('seq').execute()).map((r) => r.serial);
});
afterAll(async () => database?.close());

const itemKey = (serial: string) => ({ gtin: batch.gtin, lot: batch.lot, serial });
const serialAt = (i: number): string => serials[i] ?? '';

describe('the scan page facts (one query)', () => {
  it('gives the product, the maker with its licence, the batch and the code', async () => {
    const facts = await findScanFacts(database.db, itemKey(serialAt(0)));
    expect(facts).toMatchObject({
      product: { id: producer.product.id, name: producer.product.name, registrationNumber: producer.product.registrationNumber, category: 'health_food' },
      maker: { id: producer.enterprise.id, name: producer.enterprise.name, licenceNumber: producer.licenceNumber },
      batch: { id: batch.id, number: batch.number, lot: 'A/B,1', productionDate: '2026-03-01', expiryDate: '2028-02-29' },
      code: { serial: serialAt(0), seq: 1, scanCount: 0, firstScannedAt: null },
      recalls: [],
      release: null,
      places: [],
    });
  });

  it('answers null for a serial the platform never issued', async () => {
    expect(await findScanFacts(database.db, itemKey('ZZZZZZZZZZZZ'))).toBeNull();
    expect(await findScanFacts(database.db, { gtin: '06900000000008', lot: null, serial: null })).toBeNull();
  });

  it("reads the maker's latest release inspection of the lot, ignoring others' and retracted ones", async () => {
    const lotClass = canonicalLotClass(batch.gtin, batch.lot);
    const other = await buildProducer(database.db, '310101002');
    await insertEvent(database.db, { at: '2026-03-02T09:00:00+08:00', enterpriseId: producer.enterprise.id, bizStep: 'inspecting', disposition: 'conformant', classes: [lotClass] });
    // Later, but by someone else: not the maker's release.
    await insertEvent(database.db, { at: '2026-03-05T09:00:00+08:00', enterpriseId: other.enterprise.id, bizStep: 'inspecting', disposition: 'non_conformant', classes: [lotClass] });
    // Later and the maker's, but retracted by an error declaration.
    const wrong = await insertEvent(database.db, { at: '2026-03-04T09:00:00+08:00', enterpriseId: producer.enterprise.id, bizStep: 'inspecting', disposition: 'non_conformant', classes: [lotClass] });
    await insertEvent(database.db, { eventId: wrong, errorReason: 'incorrect_data', at: '2026-03-04T09:00:00+08:00', enterpriseId: producer.enterprise.id, bizStep: 'inspecting', disposition: 'non_conformant', classes: [lotClass] });
    const facts = await findScanFacts(database.db, itemKey(serialAt(0)));
    expect(facts?.release?.disposition).toBe('conformant');
    expect(new Date(facts?.release?.eventTime ?? '').toISOString()).toBe('2026-03-02T01:00:00.000Z');
    // The lot page reads it too.
    expect((await findScanFacts(database.db, { gtin: batch.gtin, lot: batch.lot, serial: null }))?.release?.disposition).toBe('conformant');
  });

  it("takes the lot's release from the quality authorised person's release record, over the inspections, and its correction", async () => {
    const other = await buildProducer(database.db, '310115007');
    const otherBatch = await issuedBatch(database.db, other, { quantity: 1, lot: 'QA-1' });
    const [serial = ''] = (await database.db.selectFrom('traceCodes').select('serial').where('batchId', '=', otherBatch.id).execute()).map((r) => r.serial);
    const key = { gtin: otherBatch.gtin, lot: 'QA-1', serial };
    await insertEvent(database.db, { at: '2026-03-02T09:00:00+08:00', enterpriseId: other.enterprise.id, bizStep: 'inspecting', disposition: 'conformant', classes: [canonicalLotClass(otherBatch.gtin, 'QA-1')] });
    expect((await findScanFacts(database.db, key))?.release?.disposition).toBe('conformant');
    const ctx = { db: database.db, actor: SYSTEM_ACTOR };
    const person = await createPerson(ctx, other.enterprise.id, { name: '钱受权', role: 'quality_authorised_person', appointedOn: '2024-01-02', endedOn: null, phone: null });
    const decision = (d: 'release' | 'reject', extra: object = {}) =>
      qaReleaseCreateSchema.parse({ productId: other.product.id, lot: 'QA-1', tests: [d === 'reject' ? { name: '菌落总数', result: '2000 CFU/g', conclusion: 'fail' } : { name: '菌落总数', result: '<10 CFU/g', conclusion: 'pass' }], decision: d, personId: person.id, decidedAt: '2026-03-03T10:00:00+08:00', ...extra });
    const rejected = await recordQaRelease({ db: database.db, actor: other.admin }, decision('reject'));
    expect((await findScanFacts(database.db, key))?.release).toEqual({ disposition: 'non_conformant', eventTime: expect.any(String) });
    await recordQaRelease({ db: database.db, actor: other.admin }, decision('release', { correctsId: rejected.id, note: '复检合格', decidedAt: '2026-03-04T10:00:00+08:00' }));
    const facts = await findScanFacts(database.db, key);
    expect([facts?.release?.disposition, new Date(facts?.release?.eventTime ?? '').toISOString()]).toEqual(['conformant', '2026-03-04T02:00:00.000Z']);
  });

  it('follows the item into its case and pallet and lists the streets it has been at, first visit first', async () => {
    const item = canonicalItem(batch.gtin, serialAt(1));
    const maker = producer.enterprise.id;
    await insertPremises(database.db, maker, '310115007', GLN);
    const shop = await insertPremises(database.db, maker, '310101002');
    const elsewhere = await insertPremises(database.db, maker, '310104003');
    const factory = `https://id.gs1.org/414/${GLN}/254/dock1`;
    const shopLocation = locationIdOf({ id: shop, gln: null });
    // The pallet was somewhere else before the case was put on it: that does not concern the item.
    await insertEvent(database.db, { at: '2026-03-01T08:00:00+08:00', enterpriseId: maker, epcs: [PALLET], bizStep: 'receiving', bizLocation: locationIdOf({ id: elsewhere, gln: null }) });
    await insertEvent(database.db, { at: '2026-03-03T08:00:00+08:00', enterpriseId: maker, type: 'AggregationEvent', action: 'ADD', parentId: CASE, childEpcs: [item, canonicalItem(batch.gtin, serialAt(2))], bizStep: 'packing', bizLocation: factory });
    await insertEvent(database.db, { at: '2026-03-03T09:00:00+08:00', enterpriseId: maker, type: 'AggregationEvent', action: 'ADD', parentId: PALLET, childEpcs: [CASE], bizStep: 'packing', bizLocation: factory });
    await insertEvent(database.db, { at: '2026-03-06T10:00:00+08:00', enterpriseId: maker, epcs: [PALLET], bizStep: 'receiving', bizLocation: shopLocation });
    // An unknown location (outside the platform) is left out.
    await insertEvent(database.db, { at: '2026-03-07T10:00:00+08:00', enterpriseId: maker, epcs: [item], bizStep: 'retail_selling', bizLocation: 'urn:epc:id:sgln:0000000.00000.0' });

    const facts = await findScanFacts(database.db, itemKey(serialAt(1)));
    const street = (code: string) => findJurisdiction(code);
    expect(facts?.places).toEqual([
      expect.objectContaining({ jurisdictionCode: '310115007', districtZh: street('310115')?.nameZh, streetZh: street('310115007')?.nameZh, streetEn: street('310115007')?.nameEn }),
      expect.objectContaining({ jurisdictionCode: '310101002', districtZh: street('310101')?.nameZh, streetZh: street('310101002')?.nameZh }),
    ]);
    expect(new Date(facts?.places[0]?.firstSeenAt ?? '').toISOString()).toBe('2026-03-03T00:00:00.000Z');
    // The SQL reads locations as locations.ts does.
    const mapped = await premisesByLocationIds(database.db, [factory, shopLocation]);
    expect([...mapped.values()].map((p) => p.jurisdictionCode)).toEqual(['310115007', '310101002']);
    // Another item of the same lot never went anywhere.
    expect((await findScanFacts(database.db, itemKey(serialAt(3))))?.places).toEqual([]);
  });

  it('shows open recalls of the lot or of the serial at once, not closed ones nor other serials', async () => {
    const maker = { enterpriseId: producer.enterprise.id, jurisdictionCode: '310115007', gtin: batch.gtin };
    await insertRecall(database.db, { ...maker, lot: batch.lot, status: 'closed' });
    await insertRecall(database.db, { ...maker, lot: null, serials: [serialAt(2)] });
    expect((await findScanFacts(database.db, itemKey(serialAt(0))))?.recalls).toEqual([]);
    expect((await findScanFacts(database.db, itemKey(serialAt(2))))?.recalls).toHaveLength(1);
    await insertRecall(database.db, { ...maker, lot: batch.lot, level: '1' });
    const recalls = (await findScanFacts(database.db, itemKey(serialAt(0))))?.recalls ?? [];
    expect(recalls).toEqual([expect.objectContaining({ level: '1', lot: batch.lot, reason: '菌落总数超标' })]);
    // The GTIN page lists every open recall of the GTIN; the lot page those of the lot.
    expect((await findScanFacts(database.db, { gtin: batch.gtin, lot: null, serial: null }))?.recalls).toHaveLength(2);
    expect((await findScanFacts(database.db, { gtin: batch.gtin, lot: batch.lot, serial: null }))?.recalls).toHaveLength(1);
    expect((await findScanFacts(database.db, { gtin: batch.gtin, lot: 'OTHER', serial: null }))?.recalls).toEqual([]);
  });

  it('finds the product of a GTIN page by its registered GTIN-13, without batch or code', async () => {
    const facts = await findScanFacts(database.db, { gtin: batch.gtin, lot: null, serial: null });
    expect(facts).toMatchObject({ product: { id: producer.product.id }, batch: null, code: null, release: null, places: [] });
    expect(gtinSpellings('00012345678905')).toEqual(['00012345678905', '0012345678905', '012345678905']);
  });

  it("keeps a lot's facts for a while in the scan page reader, never its recalls, and skips months before the lot was made", async () => {
    expect(boundOf('2026-03-01')).toBe('2026-02-01T00:00:00Z');
    expect(boundOf('2026-03-15')).toBe('2026-03-01T00:00:00Z');
    expect(NO_BOUND).toBe('-infinity');
    let clock = 0;
    const reader = createScanFactsReader(database.db, undefined, { ttlMs: 30_000, now: () => clock });
    for (const serial of serials) {
      expect(await reader.find(itemKey(serial))).toEqual(await findScanFacts(database.db, itemKey(serial)));
    }
    const lotClass = canonicalLotClass(batch.gtin, batch.lot);
    // An inspection recorded before the batch existed is not about its lot: the bound leaves it out.
    await database.db.insertInto('epcisEvents').values({
      recordTime: new Date('2020-01-01T00:00:00Z'), eventTime: new Date('2026-12-01T00:00:00Z'), eventTimeZoneOffset: '+08:00',
      eventId: `urn:uuid:${crypto.randomUUID()}`, eventType: 'ObjectEvent', action: 'OBSERVE', bizStep: 'inspecting', disposition: 'damaged',
      readPoint: null, bizLocation: null, transformationId: null, errorReason: null, parentId: null,
      anyClasses: [lotClass], enterpriseId: producer.enterprise.id, jurisdictionCode: '310115', captureId: crypto.randomUUID(), doc: '{}',
    }).execute();
    expect((await findScanFacts(database.db, itemKey(serialAt(3))))?.release?.disposition).toBe('conformant');
    // A later release inspection: read at once without the reader; by the reader once the lot's kept facts expire.
    await insertEvent(database.db, { at: '2026-03-10T09:00:00+08:00', enterpriseId: producer.enterprise.id, bizStep: 'inspecting', disposition: 'non_conformant', classes: [lotClass] });
    expect((await findScanFacts(database.db, itemKey(serialAt(3))))?.release?.disposition).toBe('non_conformant');
    expect((await reader.find(itemKey(serialAt(3))))?.release?.disposition).toBe('conformant');
    // A recall is never kept: it shows at once.
    const before = (await reader.find(itemKey(serialAt(3))))?.recalls.length ?? 0;
    await insertRecall(database.db, { enterpriseId: producer.enterprise.id, jurisdictionCode: '310115007', gtin: batch.gtin, lot: null, serials: [serialAt(3)] });
    expect((await reader.find(itemKey(serialAt(3))))?.recalls).toHaveLength(before + 1);
    clock += 30_001;
    expect((await reader.find(itemKey(serialAt(3))))?.release?.disposition).toBe('non_conformant');
    expect(await reader.find(itemKey(serialAt(3)))).toEqual(await findScanFacts(database.db, itemKey(serialAt(3))));
  });
});
