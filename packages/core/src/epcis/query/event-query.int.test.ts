import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, PUBLIC_ACTOR, type Actor } from '@shian/domain';
import type { Database } from '../../db/connect.ts';
import { buildUser } from '../../testing/factories.ts';
import { createTestDatabase } from '../../testing/test-database.ts';
import { epcisSchemaValidator } from '../capture/validate-document.ts';
import { findEventsById, listEventTypes, queryEvents, type EventQueryOptions } from './event-query.ts';
import { toQueryDocument } from './query-document.ts';
import { EV, IDS, createTraceWorld, type TraceWorld } from './query-test-kit.ts';

/**
 * The query interface over events captured through `captureDocument`: every parameter filters as the
 * standard says (one table: parameters → the eventIDs expected), identifiers in any form find the same
 * events, scope keeps enterprises and districts apart, and the answer is a valid EPCISQueryDocument.
 */

let database: Database;
let world: TraceWorld;
const OPTIONS: EventQueryOptions = { pageTokenSecret: 'query-test-secret-0123456789abcdef', locale: 'en-US' };

beforeAll(async () => {
  database = await createTestDatabase();
  world = await createTraceWorld(database.db);
});
afterAll(async () => database?.close());

const ctxOf = (actor: Actor) => ({ db: database.db, actor });
const idsOf = (events: readonly Record<string, unknown>[]): string[] => events.map((e) => String(e.eventID)).sort();

/** The eventIDs a query answers for the maker (all on one page). */
async function makerSees(params: Record<string, string>): Promise<string[]> {
  const page = await queryEvents(ctxOf(world.maker.actor), { ...params, perPage: '1000' }, OPTIONS);
  expect(page.nextPageToken).toBeNull();
  return idsOf(page.events);
}

const { commission, commissionLot, pack, ship, blend, attachLogger, coldRoom, recall, reship } = EV;
/** The shipment twice: the event as captured and the error declaration that retracts it (same eventID). */
const SHIP_BOTH = [ship, ship];
const ALL_OF_MAKER = [commission, commissionLot, pack, ...SHIP_BOTH, blend, attachLogger, coldRoom, recall, reship];

/** Parameter(s) → the maker's events that match (eventIDs; order does not matter here). */
const CASES: [string, Record<string, string>, string[]][] = [
  ['no parameter', {}, ALL_OF_MAKER],
  ['eventType', { eventType: 'AggregationEvent' }, [pack]],
  ['eventType, pipe-delimited', { eventType: 'TransactionEvent|TransformationEvent' }, [...SHIP_BOTH, blend, reship]],
  ['GE_eventTime inclusive, LT_eventTime exclusive', { GE_eventTime: '2026-03-01T09:00:00+08:00', LT_eventTime: '2026-03-01T02:00:00Z' }, [pack, attachLogger, coldRoom]],
  ['EQ_action', { EQ_action: 'ADD' }, [commission, commissionLot, pack, ...SHIP_BOTH, attachLogger, reship]],
  ['EQ_action, pipe-delimited', { EQ_action: 'OBSERVE|DELETE' }, [coldRoom, recall]],
  ['EQ_bizStep (captured as a CBV URI)', { EQ_bizStep: 'shipping' }, [...SHIP_BOTH, reship]],
  ['EQ_bizStep as a CBV URI', { EQ_bizStep: 'https://ref.gs1.org/cbv/BizStep-commissioning' }, [commission, commissionLot, blend]],
  ['EQ_bizStep, pipe-delimited', { EQ_bizStep: 'shipping|packing' }, [pack, ...SHIP_BOTH, reship]],
  ['EQ_disposition', { EQ_disposition: 'in_transit' }, [...SHIP_BOTH, reship]],
  ['EQ_persistentDisposition_set', { EQ_persistentDisposition_set: 'recalled' }, [recall]],
  ['EQ_persistentDisposition_unset', { EQ_persistentDisposition_unset: 'urn:epcglobal:cbv:disp:active' }, [recall]],
  ['EQ_readPoint (EPC URN of the GLN)', { EQ_readPoint: IDS.factoryUrn }, [commission, commissionLot]],
  ['WD_readPoint: the GLN and its /254/ sub-locations', { WD_readPoint: `https://brand.example.cn/414/${IDS.factory}` }, [commission, commissionLot, blend]],
  ['EQ_bizLocation', { EQ_bizLocation: IDS.glnUri(IDS.warehouse) }, [pack, coldRoom, recall]],
  ['WD_bizLocation', { WD_bizLocation: IDS.glnUri(IDS.warehouse) }, [pack, attachLogger, coldRoom, recall]],
  ['EQ_transformationID', { EQ_transformationID: IDS.transformation }, [blend]],
  ['MATCH_epc: epcList and childEPCs', { MATCH_epc: IDS.item('S1') }, [commission, pack, ...SHIP_BOTH, recall, reship]],
  ['MATCH_epc: an SSCC in epcList and childEPCs, not as parent', { MATCH_epc: IDS.ssccUri }, [attachLogger, coldRoom]],
  ['MATCH_epc: every item of a GTIN (idpat)', { MATCH_epc: IDS.g1Pattern }, [commission, pack, ...SHIP_BOTH, recall, reship]],
  ['MATCH_parentID', { MATCH_parentID: IDS.ssccUrn }, [pack, ...SHIP_BOTH, reship]],
  ['MATCH_parentID: another scheme', { MATCH_parentID: IDS.logger }, [attachLogger]],
  ['MATCH_inputEPC', { MATCH_inputEPC: IDS.rawDrum }, [blend]],
  ['MATCH_outputEPC', { MATCH_outputEPC: IDS.item('S3') }, [blend]],
  ['MATCH_outputEPC: not an input or epcList item', { MATCH_outputEPC: IDS.item('S1') }, []],
  ['MATCH_anyEPC: every role', { MATCH_anyEPC: IDS.ssccUri }, [pack, ...SHIP_BOTH, attachLogger, coldRoom, reship]],
  ['MATCH_anyEPC: a GTIN pattern in every role', { MATCH_anyEPC: IDS.g1Pattern }, [commission, pack, ...SHIP_BOTH, blend, recall, reship]],
  ['MATCH_epcClass: a lot, as quantity (URN) and child quantity', { MATCH_epcClass: IDS.lotUrn('L2') }, [commissionLot, pack, ...SHIP_BOTH, reship]],
  ['MATCH_epcClass: the lot of items captured with it', { MATCH_epcClass: IDS.lot('L1') }, [commission, pack, recall]],
  ['MATCH_epcClass: a GTIN class, items and quantities', { MATCH_epcClass: IDS.g1Pattern }, [commission, commissionLot, pack, ...SHIP_BOTH, recall, reship]],
  ['MATCH_inputEPCClass', { MATCH_inputEPCClass: IDS.rawLot }, [blend]],
  ['MATCH_inputEPCClass: an output class is not an input', { MATCH_inputEPCClass: IDS.lot('L3') }, []],
  ['MATCH_outputEPCClass', { MATCH_outputEPCClass: IDS.lotUrn('L3') }, [blend]],
  ['MATCH_outputEPCClass: a GTIN class by its output item', { MATCH_outputEPCClass: IDS.gtinClass }, [blend]],
  ['MATCH_outputEPCClass: an input class is not an output', { MATCH_outputEPCClass: IDS.rawLotUrn }, []],
  ['MATCH_anyEPCClass', { MATCH_anyEPCClass: IDS.lot('L3') }, [blend]],
  ['MATCH_anyEPCClass: a GTIN', { MATCH_anyEPCClass: IDS.gtinClass }, [commission, commissionLot, pack, ...SHIP_BOTH, blend, recall, reship]],
  ['EQ_eventID', { EQ_eventID: `${blend}|${coldRoom}` }, [blend, coldRoom]],
  ['EQ_eventID: the event and its error declaration', { EQ_eventID: ship }, SHIP_BOTH],
  ['EXISTS_errorDeclaration', { EXISTS_errorDeclaration: 'true' }, [ship]],
  ['EQ_errorReason', { EQ_errorReason: 'incorrect_data' }, [ship]],
  ['EQ_errorReason: another reason', { EQ_errorReason: 'did_not_occur' }, []],
  ['EQ_correctiveEventID', { EQ_correctiveEventID: reship }, [ship]],
  ['GE_errorDeclarationTime', { GE_errorDeclarationTime: '2026-03-06T00:00:00+08:00' }, [ship]],
  ['LT_errorDeclarationTime', { LT_errorDeclarationTime: '2026-03-06T00:00:00+08:00' }, []],
  ['EQ_quantity', { EQ_quantity: '24' }, [pack, ...SHIP_BOTH, reship]],
  ['GT_quantity', { GT_quantity: '300' }, [commissionLot]],
  ['GE_quantity with LE_quantity: one element within both', { GE_quantity: '120.5', LE_quantity: '300' }, [blend]],
  ['LT_quantity', { LT_quantity: '100' }, [pack, ...SHIP_BOTH, reship]],
  ['EXISTS_sensorElementList', { EXISTS_sensorElementList: '' }, [coldRoom]],
  ['EQ_type', { EQ_type: 'Temperature' }, [coldRoom]],
  ['EQ_type: captured as gs1:RelativeHumidity', { EQ_type: 'https://gs1.org/voc/RelativeHumidity' }, [coldRoom]],
  ['EQ_type: a type not measured', { EQ_type: 'Pressure' }, []],
  ['EQ_deviceID', { EQ_deviceID: IDS.logger }, [coldRoom]],
  ['EQ_dataProcessingMethod', { EQ_dataProcessingMethod: 'https://example.com/dpm/average-5min' }, [coldRoom]],
  ['EQ_microorganism', { EQ_microorganism: 'https://www.ncbi.nlm.nih.gov/taxonomy/28901' }, [coldRoom]],
  ['EQ_chemicalSubstance', { EQ_chemicalSubstance: 'https://identifiers.org/inchikey:KMJRBSYFFVNPPK-UHFFFAOYSA-N' }, [coldRoom]],
  ['EQ_bizRules', { EQ_bizRules: 'https://example.com/rules/cold-chain-2-8|https://example.com/rules/other' }, [coldRoom]],
  ['two parameters AND together', { EQ_bizStep: 'commissioning', eventType: 'ObjectEvent' }, [commission, commissionLot]],
];

describe('every parameter filters as the standard says', () => {
  it.each(CASES)('%s', async (_name, params, expected) => {
    expect(await makerSees(params)).toEqual([...expected].sort());
  });

  it('matches the same events whatever form the identifier is written in', async () => {
    const forms = [IDS.item('S1'), IDS.itemUrn('S1'), IDS.brandItem('L1', 'S1'), `http://resolver.example.org/01/${IDS.g1.slice(1)}/21/S1?17=271231`];
    const answers = await Promise.all(forms.map((form) => makerSees({ MATCH_anyEPC: form })));
    expect(answers[0]?.length).toBeGreaterThan(0);
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    const classes = await Promise.all([IDS.lot('L2'), IDS.lotUrn('L2'), `https://brand.example.cn/01/${IDS.g1}/10/L2`].map((form) => makerSees({ MATCH_anyEPCClass: form })));
    for (const answer of classes) expect(answer).toEqual([commissionLot, pack, ...SHIP_BOTH, reship].sort());
  });

  it('separates record time from event time (the correction was recorded after the first document)', async () => {
    expect(await makerSees({ GE_recordTime: world.between })).toEqual([ship, reship].sort());
    expect(await makerSees({ LT_recordTime: world.between })).toEqual([commission, commissionLot, pack, ship, blend, attachLogger, coldRoom, recall].sort());
  });

  it('orders and limits: the latest event of an item', async () => {
    const page = await queryEvents(ctxOf(world.maker.actor), { MATCH_anyEPC: IDS.item('S1'), orderBy: 'eventTime', orderDirection: 'DESC', eventCountLimit: '1' }, OPTIONS);
    expect(idsOf(page.events)).toEqual([recall]);
    expect(page.nextPageToken).toBeNull();
  });

  it('raises QueryTooLargeException when more events match than maxEventCount', async () => {
    await expect(queryEvents(ctxOf(world.maker.actor), { EQ_bizStep: 'commissioning', maxEventCount: '2' }, OPTIONS)).rejects.toMatchObject({ code: 'epcis.query_too_large', params: { max: 2 } });
    const page = await queryEvents(ctxOf(world.maker.actor), { EQ_bizStep: 'commissioning', maxEventCount: '3' }, OPTIONS);
    expect(page.events).toHaveLength(3);
  });

  it('names every bad parameter at once, in the caller’s language', async () => {
    const error = await queryEvents(ctxOf(world.maker.actor), { EQ_bizStep: 'shiping', perPage: '0', colour: 'red' }, { ...OPTIONS, locale: 'zh-CN' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('epcis.query_parameter');
    expect((error as AppError).details).toEqual([
      { path: 'EQ_bizStep', message: expect.stringContaining('“shiping”既不是 CBV 标准词汇') },
      { path: 'perPage', message: '应为 1 到 1000 之间的整数' },
      { path: 'colour', message: '未知的查询参数（参数名区分大小写）' },
    ]);
  });
});

describe('scope: who sees which events', () => {
  it('an enterprise sees only the events it captured', async () => {
    const asDistributor = await queryEvents(ctxOf(world.distributor.actor), { MATCH_anyEPC: IDS.item('S1'), perPage: '100' }, OPTIONS);
    expect(idsOf(asDistributor.events)).toEqual([EV.receive]);
    expect(await makerSees({ EQ_eventID: EV.receive })).toEqual([]);
    await expect(findEventsById(ctxOf(world.distributor.actor), commission)).rejects.toMatchObject({ code: 'resource.not_found' });
  });

  it('a district regulator sees the events of its district only; the city sees all', async () => {
    const pudong = (await buildUser(database.db, 'district_supervisor', { jurisdictionCode: '310115' })).actor;
    const huangpu = (await buildUser(database.db, 'inspector', { jurisdictionCode: '310101' })).actor;
    const city = (await buildUser(database.db, 'city_supervisor', { jurisdictionCode: '310000' })).actor;
    const seen = async (actor: Actor) => idsOf((await queryEvents(ctxOf(actor), { MATCH_anyEPC: IDS.item('S1'), perPage: '100' }, OPTIONS)).events);
    const makerS1 = [commission, pack, ...SHIP_BOTH, recall, reship];
    expect(await seen(pudong)).toEqual([...makerS1].sort());
    expect(await seen(huangpu)).toEqual([EV.receive]);
    expect(await seen(city)).toEqual([...makerS1, EV.receive].sort());
  });

  it('the public sees nothing', async () => {
    await expect(queryEvents(ctxOf(PUBLIC_ACTOR), {}, OPTIONS)).rejects.toMatchObject({ code: 'auth.unauthenticated' });
    await expect(findEventsById(ctxOf(PUBLIC_ACTOR), commission)).rejects.toMatchObject({ code: 'auth.unauthenticated' });
    expect(() => listEventTypes(ctxOf(PUBLIC_ACTOR))).toThrow(AppError);
  });
});

describe('one event by its eventID', () => {
  it('answers a retracted event together with the error declaration that retracts it', async () => {
    const events = await findEventsById(ctxOf(world.maker.actor), ship);
    expect(events).toHaveLength(2);
    expect(events[0]).not.toHaveProperty('errorDeclaration');
    expect(events[1]).toMatchObject({ eventID: ship, errorDeclaration: { reason: 'incorrect_data', correctiveEventIDs: [reship] } });
  });

  it('answers events as captured (identifiers untranslated), with recordTime and eventID', async () => {
    const [event] = await findEventsById(ctxOf(world.maker.actor), commission);
    expect(event).toMatchObject({ eventID: commission, epcList: [IDS.brandItem('L1', 'S1'), IDS.brandItem('L1', 'S2')], ilmd: { 'cbvmda:lotNumber': 'L1' } });
    expect(typeof event?.recordTime).toBe('string');
  });
});

describe('the query document', () => {
  it('validates against the standard’s JSON schema', async () => {
    const page = await queryEvents(ctxOf(world.maker.actor), { perPage: '1000' }, OPTIONS);
    const document = toQueryDocument(page.events, new Date());
    const validate = epcisSchemaValidator();
    expect(validate(document), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(document.epcisBody.queryResults.resultsBody.eventList).toHaveLength(ALL_OF_MAKER.length);
  });

  it('lists the five event types', () => {
    expect(listEventTypes(ctxOf(world.maker.actor))).toEqual(['ObjectEvent', 'AggregationEvent', 'TransactionEvent', 'TransformationEvent', 'AssociationEvent']);
  });
});
