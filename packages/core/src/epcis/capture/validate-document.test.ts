import { describe, expect, it } from 'vitest';
import { localiseCaptureError } from './capture-errors.ts';
import { checkDocument } from './capture-pipeline.ts';
import { EPCIS_CONTEXT, epcisDocument } from './capture-test-kit.ts';

const ITEM = 'https://id.gs1.org/01/00614141123452/21/400';
const when = { eventTime: '2026-03-01T08:00:00+08:00', eventTimeZoneOffset: '+08:00' };
const observe = { type: 'ObjectEvent', ...when, action: 'OBSERVE', epcList: [ITEM] };

/** The errors of a one-event document, as [pointer below the event, message key or code]. */
function problemsOf(event: Record<string, unknown>): [string, string][] {
  const { errors } = checkDocument(epcisDocument([event]), 'en-US');
  return errors.map((e) => [e.path.replace('/epcisBody/eventList/0', ''), e.messageKey ?? e.code]);
}

describe('a document checked against the standard', () => {
  it('accepts the five event types written to the standard', () => {
    const events = [
      { ...observe, action: 'ADD', bizStep: 'commissioning', ilmd: { 'cbvmda:lotNumber': 'L1' } },
      { type: 'AggregationEvent', ...when, action: 'ADD', parentID: 'https://id.gs1.org/00/106141412345678908', childEPCs: [ITEM] },
      { type: 'TransactionEvent', ...when, action: 'ADD', bizTransactionList: [{ type: 'po', bizTransaction: 'urn:epcglobal:cbv:bt:0614141000036:PO1' }], epcList: [ITEM] },
      { type: 'TransformationEvent', ...when, inputEPCList: [ITEM], outputQuantityList: [{ epcClass: 'https://id.gs1.org/01/00614141123452/10/L2', quantity: 10, uom: 'KGM' }] },
      { type: 'AssociationEvent', ...when, action: 'ADD', parentID: 'urn:epc:id:giai:4000001.12345', childEPCs: ['https://id.gs1.org/00/106141412345678908'] },
      { ...observe, bizStep: 'sensor_reporting', sensorElementList: [{ sensorMetadata: { time: '2026-03-01T08:00:00+08:00' }, sensorReport: [{ type: 'Temperature', value: 4.5, uom: 'CEL' }] }] },
    ];
    expect(checkDocument(epcisDocument(events), 'zh-CN').errors).toEqual([]);
  });

  it('names each bad field once, by JSON pointer, however many schema branches it failed', () => {
    expect(problemsOf({ ...observe, eventTime: 'yesterday', eventTimeZoneOffset: '+8', bizStep: 'shiping', readPoint: { id: 'not a uri' }, colour: 'red' })).toEqual([
      ['/eventTime', 'field.schema_format_date_time'],
      ['/eventTimeZoneOffset', 'field.schema_time_zone_offset'],
      ['/colour', 'field.schema_unknown_property'],
      ['/bizStep', 'field.schema_vocabulary'],
      ['/readPoint/id', 'field.schema_format_uri'],
    ]);
  });

  it('ILMD on an event that is not ADD is one error on /ilmd', () => {
    expect(problemsOf({ ...observe, ilmd: { 'cbvmda:lotNumber': 'L1' } })).toEqual([['/ilmd', 'field.schema_ilmd_only_add']]);
  });

  it('an event with no "what" asks for one of the lists', () => {
    const { epcList: _list, ...bare } = observe;
    const { errors } = checkDocument(epcisDocument([bare]), 'en-US');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ eventIndex: 0, path: '/epcisBody/eventList/0', messageKey: 'field.schema_one_of' });
    expect(errors[0]?.params?.options).toBe('epcList, quantityList, sensorElementList, readPoint');
  });

  it('a missing property is named at its own pointer; bad list items at theirs', () => {
    const { action: _action, ...noAction } = observe;
    expect(problemsOf({ ...noAction, epcList: ['x y'] })).toEqual([
      ['/action', 'field.schema_required'],
      ['/epcList/0', 'field.schema_format_uri'],
    ]);
    expect(problemsOf({ ...observe, quantityList: [{ epcClass: ITEM, quantity: 'two', uom: 'kg' }] })).toEqual([
      ['/quantityList/0/quantity', 'field.schema_type'],
      ['/quantityList/0/uom', 'field.schema_pattern'],
    ]);
  });

  it('refuses what is not an EPCIS 2.0 document, naming the field', () => {
    expect(checkDocument({ type: 'EPCISQueryDocument' }, 'en-US').errors.map((e) => [e.path, e.code])).toEqual([['/type', 'epcis.not_a_document']]);
    expect(checkDocument([], 'en-US').errors.map((e) => [e.path, e.code])).toEqual([['', 'epcis.not_a_document']]);
    const old = { ...epcisDocument([observe]), schemaVersion: '1.2' };
    expect(checkDocument(old, 'en-US').errors.map((e) => [e.path, e.code])).toEqual([['/schemaVersion', 'epcis.unsupported_schema_version']]);
    const missing = checkDocument({ type: 'EPCISDocument', '@context': [EPCIS_CONTEXT] }, 'en-US').errors.map((e) => e.path);
    expect(missing).toEqual(['/schemaVersion', '/creationDate', '/epcisBody']);
  });

  it('writes messages in the user language, and can say them again in another', () => {
    const [zh] = checkDocument(epcisDocument([{ ...observe, bizStep: 'shiping' }]), 'zh-CN').errors;
    expect(zh?.message).toContain('既不是 CBV 标准词汇');
    expect(zh && localiseCaptureError(zh, 'en-US').message).toBe('"shiping" is neither a CBV word (such as accepting, arriving, assembling) nor a custom URI');
  });
});
