import { describe, expect, it } from 'vitest';
import { parseEventQuery } from './query-params.ts';

const GTIN = '09521234543213';
const CANONICAL_ITEM = `https://id.gs1.org/01/${GTIN}/21/A1`;

describe('parseEventQuery', () => {
  it('reads pipe-delimited lists and normalises CBV URIs to bare words', () => {
    const { query, problems } = parseEventQuery({
      EQ_bizStep: 'shipping|https://ref.gs1.org/cbv/BizStep-receiving|urn:epcglobal:cbv:bizstep:commissioning|https://example.com/steps/blend',
      EQ_disposition: 'https://ref.gs1.org/cbv/Disp-recalled',
      EQ_errorReason: 'urn:epcglobal:cbv:er:did_not_occur',
      eventType: 'ObjectEvent|AggregationEvent',
    });
    expect(problems).toEqual([]);
    expect(query.EQ_bizStep).toEqual(['shipping', 'receiving', 'commissioning', 'https://example.com/steps/blend']);
    expect(query.EQ_disposition).toEqual(['recalled']);
    expect(query.EQ_errorReason).toEqual(['did_not_occur']);
    expect(query.eventType).toEqual(['ObjectEvent', 'AggregationEvent']);
  });

  it('canonicalises identifiers written as a Digital Link on any host, an EPC URN or an EPC pattern', () => {
    const { query, problems } = parseEventQuery({
      MATCH_epc: `https://brand.example.cn/p/01/${GTIN}/10/L1/21/A1|urn:epc:id:sgtin:952123.0454321.A1|${CANONICAL_ITEM}`,
      MATCH_anyEPC: 'urn:epc:idpat:sgtin:952123.0454321.*',
      MATCH_epcClass: `urn:epc:class:lgtin:952123.0454321.L1|https://example.com/01/${GTIN}`,
      EQ_bizLocation: 'urn:epc:id:sgln:952123.456789.0|urn:shian:loc:4c0a7a1e-0d4e-4d4b-9b8e-2b9c0c3f6e11',
    });
    expect(problems).toEqual([]);
    expect(query.MATCH_epc).toEqual([
      { kind: 'exact', epc: CANONICAL_ITEM },
      { kind: 'exact', epc: CANONICAL_ITEM },
      { kind: 'exact', epc: CANONICAL_ITEM },
    ]);
    expect(query.MATCH_anyEPC).toEqual([{ kind: 'gtin', gtin: GTIN, classUri: `https://id.gs1.org/01/${GTIN}` }]);
    expect(query.MATCH_epcClass).toEqual([
      { uri: `https://id.gs1.org/01/${GTIN}/10/L1`, gtin: GTIN, lot: 'L1' },
      { uri: `https://id.gs1.org/01/${GTIN}`, gtin: GTIN, lot: null },
    ]);
    expect(query.EQ_bizLocation?.[0]).toMatch(/^https:\/\/id\.gs1\.org\/414\/\d{13}$/);
    expect(query.EQ_bizLocation?.[1]).toBe('urn:shian:loc:4c0a7a1e-0d4e-4d4b-9b8e-2b9c0c3f6e11');
  });

  it('reads times, numbers, flags and the result-shaping parameters', () => {
    const { query, problems } = parseEventQuery({
      GE_eventTime: '2026-03-01T08:00:00+08:00',
      LT_recordTime: '2026-03-02T00:00:00.123456Z',
      GT_quantity: '2.5',
      EQ_quantity: '10|12.75',
      EXISTS_errorDeclaration: '',
      orderBy: 'eventTime',
      orderDirection: 'ASC',
      eventCountLimit: '5',
      perPage: '10',
    });
    expect(problems).toEqual([]);
    expect(query).toMatchObject({ GE_eventTime: '2026-03-01T08:00:00+08:00', GT_quantity: 2.5, EQ_quantity: [10, 12.75], EXISTS_errorDeclaration: true, orderBy: 'eventTime', eventCountLimit: 5, perPage: 10 });
  });

  it('names every bad parameter at once, each with the value at fault', () => {
    const { problems } = parseEventQuery({
      EQ_bizStep: 'shipping|shiping',
      GE_eventTime: '2026-02-30T00:00:00Z',
      EQ_action: 'ADDED',
      MATCH_epc: `https://id.gs1.org/01/09521234543214/21/A1`,
      MATCH_epcClass: CANONICAL_ITEM,
      MATCH_anyEPC: 'urn:epc:idpat:sscc:952123.*',
      perPage: '5000',
      EQ_quantity: 'ten',
      EQ_deviceID: 'not a uri',
      colour: 'red',
      EQ_bizTransaction_po: 'urn:epcglobal:cbv:bt:0614141073467:1152',
      orderBy: ['eventTime', 'recordTime'],
      EQ_readPoint: '',
    });
    const named = problems.map((p) => [p.parameter, p.message]);
    expect(named).toEqual([
      ['EQ_bizStep', 'field.schema_vocabulary'],
      ['GE_eventTime', 'field.epcis_query_time'],
      ['EQ_action', 'field.epcis_query_one_of'],
      ['MATCH_epc', 'field.epcis_query_identifier'],
      ['MATCH_epcClass', 'field.epcis_query_not_class'],
      ['MATCH_anyEPC', 'field.epcis_query_pattern'],
      ['perPage', 'field.epcis_query_integer'],
      ['EQ_quantity', 'field.epcis_query_number'],
      ['EQ_deviceID', 'field.epcis_query_uri'],
      ['colour', 'field.epcis_query_unknown'],
      ['EQ_bizTransaction_po', 'field.epcis_query_unsupported'],
      ['orderBy', 'field.epcis_query_repeated'],
      ['EQ_readPoint', 'field.epcis_query_empty'],
    ]);
    expect(problems[0]?.params).toMatchObject({ value: 'shiping' });
  });

  it('keeps the rules between parameters: eventCountLimit needs orderBy and excludes maxEventCount', () => {
    expect(parseEventQuery({ eventCountLimit: '1' }).problems.map((p) => p.parameter)).toEqual(['eventCountLimit']);
    const both = parseEventQuery({ eventCountLimit: '1', maxEventCount: '3', orderBy: 'recordTime' });
    expect(both.problems).toEqual([{ parameter: 'maxEventCount', message: 'field.epcis_query_exclusive', params: { other: 'eventCountLimit' } }]);
  });

  it('accepts a repeated list parameter as more values, and EXISTS_ flags as true, false or bare', () => {
    const { query, problems } = parseEventQuery({ EQ_bizStep: ['shipping', 'receiving'], EXISTS_sensorElementList: 'false', EXISTS_errorDeclaration: 'yes' });
    expect(query.EQ_bizStep).toEqual(['shipping', 'receiving']);
    expect(query.EXISTS_sensorElementList).toBe(false);
    expect(problems.map((p) => [p.parameter, p.message])).toEqual([['EXISTS_errorDeclaration', 'field.epcis_query_boolean']]);
  });
});
