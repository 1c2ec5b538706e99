import { describe, expect, it } from 'vitest';
import { canonicalItem, canonicalLotClass, canonicalSscc } from '@shian/domain';
import { epcisSchemaValidator } from '../../epcis/capture/validate-document.ts';
import { aggregationEvent, epcisDocument, receivingEvent, shanghaiTime, shippingEvent, type JsonObject, type TransferContent } from './operation-documents.ts';
import { readScannedCode } from './scanned-codes.ts';

const AT = new Date('2026-03-01T01:30:00.000Z');
const ITEM = canonicalItem('06901234567892', 'ABC123');
const SSCC_A = canonicalSscc('069012345000000011');
const SSCC_B = canonicalSscc('069012345000000028');
const LOT = canonicalLotClass('06901234567892', 'L2026A');
const HERE = 'https://id.gs1.org/414/6901234000009';
const THERE = 'urn:shian:loc:0d9c4c55-2f34-4c0e-9a43-3d2f1f7c8a10';

const content: TransferContent = {
  epcs: [SSCC_A, SSCC_B],
  quantities: [{ epcClass: LOT, quantity: 120, uom: 'EA' }],
  desadv: 'urn:shian:desadv:6b0f5a3e-8d7c-4f0e-a1b2-c3d4e5f60718',
  from: { partyId: 'urn:shian:org:91310115MA1K4ABC3X', locationId: HERE },
  to: { partyId: 'urn:shian:org:91310101MA1K4XYZ8Q', locationId: THERE },
  reference: 'SH-2026-0301',
};

/** The standard's own JSON schema, as capture compiles it: the built documents must pass it unchanged. */
function expectValid(document: JsonObject): void {
  const validate = epcisSchemaValidator();
  const ok = validate(document);
  expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
  expect(ok).toBe(true);
}

const onlyEvent = (document: JsonObject): JsonObject => {
  const body = document.epcisBody as JsonObject;
  const [event] = body.eventList as JsonObject[];
  if (!event) throw new Error('no event');
  return event;
};

describe('operation documents', () => {
  it('writes times in Shanghai local time with the +08:00 offset', () => {
    expect(shanghaiTime(AT)).toBe('2026-03-01T09:30:00.000+08:00');
    expect(new Date(shanghaiTime(AT)).getTime()).toBe(AT.getTime());
  });

  it('packing: an AggregationEvent ADD that the EPCIS 2.0 schema accepts', () => {
    const document = epcisDocument([aggregationEvent({ eventId: 'urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427', eventTime: AT, locationId: HERE, action: 'ADD', parentId: SSCC_A, childEpcs: [ITEM] })], AT);
    expectValid(document);
    expect(onlyEvent(document)).toMatchObject({
      type: 'AggregationEvent',
      action: 'ADD',
      bizStep: 'packing',
      disposition: 'in_progress',
      parentID: SSCC_A,
      childEPCs: [ITEM],
      readPoint: { id: HERE },
      bizLocation: { id: HERE },
      eventTimeZoneOffset: '+08:00',
    });
  });

  it('unpacking a platform container with no children named: DELETE without childEPCs, still valid', () => {
    const event = aggregationEvent({ eventId: 'urn:uuid:2b4e28ba-2fa1-11d2-883f-0016d3cca427', eventTime: AT, locationId: THERE, action: 'DELETE', parentId: 'urn:shian:pack:ABCDEFGH2345', childEpcs: [] });
    expectValid(epcisDocument([event], AT));
    expect(event).toMatchObject({ action: 'DELETE', bizStep: 'unpacking', parentID: 'urn:shian:pack:ABCDEFGH2345' });
    expect(event).not.toHaveProperty('childEPCs');
  });

  it('shipping: ObjectEvent OBSERVE in transit with codes, a lot quantity, parties, locations and the desadv', () => {
    const document = epcisDocument([shippingEvent({ eventId: 'urn:uuid:3b4e28ba-2fa1-11d2-883f-0016d3cca427', eventTime: AT, locationId: HERE }, content)], AT);
    expectValid(document);
    expect(document['@context']).toContain('https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld');
    expect(onlyEvent(document)).toEqual({
      type: 'ObjectEvent',
      eventTime: '2026-03-01T09:30:00.000+08:00',
      eventTimeZoneOffset: '+08:00',
      eventID: 'urn:uuid:3b4e28ba-2fa1-11d2-883f-0016d3cca427',
      action: 'OBSERVE',
      bizStep: 'shipping',
      disposition: 'in_transit',
      readPoint: { id: HERE },
      bizLocation: { id: HERE },
      epcList: [SSCC_A, SSCC_B],
      quantityList: [{ epcClass: LOT, quantity: 120, uom: 'EA' }],
      bizTransactionList: [{ type: 'desadv', bizTransaction: content.desadv }],
      sourceList: [
        { type: 'owning_party', source: content.from.partyId },
        { type: 'location', source: HERE },
      ],
      destinationList: [
        { type: 'owning_party', destination: content.to.partyId },
        { type: 'location', destination: THERE },
      ],
      'shian:reference': 'SH-2026-0301',
    });
  });

  it('shipping lots only: no epcList, the quantityList alone satisfies the standard', () => {
    const event = shippingEvent({ eventId: 'urn:uuid:4b4e28ba-2fa1-11d2-883f-0016d3cca427', eventTime: AT, locationId: HERE }, { ...content, epcs: [], reference: null });
    expectValid(epcisDocument([event], AT));
    expect(event).not.toHaveProperty('epcList');
    expect(event).not.toHaveProperty('shian:reference');
  });

  it('receiving: the same desadv and parties, in progress at the receiving premises', () => {
    const event = receivingEvent({ eventId: 'urn:uuid:5b4e28ba-2fa1-11d2-883f-0016d3cca427', eventTime: AT, locationId: THERE }, content);
    expectValid(epcisDocument([event], AT));
    expect(event).toMatchObject({
      action: 'OBSERVE',
      bizStep: 'receiving',
      disposition: 'in_progress',
      bizLocation: { id: THERE },
      bizTransactionList: [{ type: 'desadv', bizTransaction: content.desadv }],
      sourceList: [
        { type: 'owning_party', source: content.from.partyId },
        { type: 'location', source: HERE },
      ],
    });
  });

  it('the schema check can fail: a shipping event without action or with a bad offset is refused', () => {
    const event = shippingEvent({ eventId: 'urn:uuid:7b4e28ba-2fa1-11d2-883f-0016d3cca427', eventTime: AT, locationId: HERE }, content);
    const { action: _action, ...withoutAction } = event;
    const validate = epcisSchemaValidator();
    expect(validate(epcisDocument([withoutAction], AT))).toBe(false);
    expect(validate(epcisDocument([{ ...event, eventTimeZoneOffset: '+8' }], AT))).toBe(false);
  });

  it('an unknown sender location is left out of the sourceList rather than invented', () => {
    const event = receivingEvent({ eventId: 'urn:uuid:6b4e28ba-2fa1-11d2-883f-0016d3cca427', eventTime: AT, locationId: THERE }, { ...content, from: { partyId: content.from.partyId, locationId: null } });
    expectValid(epcisDocument([event], AT));
    expect(event.sourceList).toEqual([{ type: 'owning_party', source: content.from.partyId }]);
  });
});

describe('scanned codes', () => {
  it('reads an item QR code on any host (with its lot and query) as the canonical item', () => {
    expect(readScannedCode('https://qr.example.cn/01/06901234567892/10/L2026A/21/ABC123?17=271231')).toEqual({
      kind: 'item',
      epc: ITEM,
      gtin: '06901234567892',
      serial: 'ABC123',
    });
    expect(readScannedCode('urn:epc:id:sgtin:6901234.056789.ABC123')?.kind).toBe('item');
  });

  it('reads GS1 element strings as a scanner gun types them (GS1-128 case labels, DataMatrix)', () => {
    expect(readScannedCode('(00)069012345000000011')).toEqual({ kind: 'container', epc: SSCC_A });
    expect(readScannedCode(']C100069012345000000011')).toEqual({ kind: 'container', epc: SSCC_A });
    expect(readScannedCode('(01)06901234567892(10)L2026A(21)ABC123')?.epc).toBe(ITEM);
    expect(readScannedCode(']d20106901234567892' + '21ABC123')?.epc).toBe(ITEM);
    expect(readScannedCode('(00)069012345000000012')).toBeNull();
  });

  it('reads SSCC labels and platform containers as containers; refuses GTINs, lots and noise', () => {
    expect(readScannedCode(' https://id.gs1.org/00/069012345000000011 ')).toEqual({ kind: 'container', epc: SSCC_A });
    expect(readScannedCode('urn:shian:pack:ABCDEFGH2345')).toEqual({ kind: 'container', epc: 'urn:shian:pack:ABCDEFGH2345' });
    expect(readScannedCode('https://id.gs1.org/01/06901234567892')).toBeNull();
    expect(readScannedCode(LOT)).toBeNull();
    expect(readScannedCode('https://id.gs1.org/01/06901234567893/21/ABC123')).toBeNull();
    expect(readScannedCode('hello')).toBeNull();
  });
});
