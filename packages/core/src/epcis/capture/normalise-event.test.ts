import { describe, expect, it } from 'vitest';
import { canonicalLocation, cbvBareWord, hashEventId, normaliseEvent, withLotClasses, lotLookupKey } from './normalise-event.ts';

// GTIN 0614141 123452 (company prefix 0614141, item 12345, indicator 0) in its forms; SSCC and GLN likewise.
const GTIN = '00614141123452';
const ITEM_DL = `https://id.gs1.org/01/${GTIN}/21/400`;
const ITEM_URN = 'urn:epc:id:sgtin:0614141.012345.400';
const ITEM_WITH_LOT = `https://brand.example.com/01/${GTIN}/10/L7/21/401`;
const LOT_URN = 'urn:epc:class:lgtin:0614141.012345.L7';
const LOT_CLASS = `https://id.gs1.org/01/${GTIN}/10/L7`;
const GTIN_CLASS = `https://id.gs1.org/01/${GTIN}`;
const SSCC_URN = 'urn:epc:id:sscc:0614141.1234567890';
const SSCC = 'https://id.gs1.org/00/106141412345678908';
const GLN = 'https://id.gs1.org/414/0614141000036';

const at = new Date('2026-03-01T00:00:00Z');
const base = { eventTime: '2026-03-01T08:00:00+08:00', eventTimeZoneOffset: '+08:00', eventID: 'urn:uuid:6ad9ac31-0000-4000-8000-000000000001' };

describe('identifiers per role', () => {
  it('ObjectEvent: Digital Links on any host and EPC URNs give the same canonical item; classes of items and quantities', () => {
    const { row, lotless } = normaliseEvent(
      { ...base, type: 'ObjectEvent', action: 'OBSERVE', epcList: [ITEM_URN, ITEM_WITH_LOT], quantityList: [{ epcClass: LOT_URN, quantity: 2, uom: 'KGM' }] },
      '/e',
      at,
    );
    expect(row.epc_list).toEqual([ITEM_DL, `https://id.gs1.org/01/${GTIN}/21/401`]);
    expect(row.any_epcs).toEqual(row.epc_list);
    expect(new Set(row.any_classes)).toEqual(new Set([GTIN_CLASS, LOT_CLASS]));
    // The first item carried no lot: the platform may know it from the codes it issued.
    expect(lotless).toEqual([{ gtin: GTIN, serial: '400' }]);
  });

  it('AggregationEvent: parent and children; any_epcs gathers both', () => {
    const { row } = normaliseEvent({ ...base, type: 'AggregationEvent', action: 'ADD', parentID: SSCC_URN, childEPCs: [ITEM_DL], childQuantityList: [{ epcClass: LOT_CLASS }] }, '/e', at);
    expect(row.parent_id).toBe(SSCC);
    expect(row.child_epcs).toEqual([ITEM_DL]);
    expect(row.epc_list).toEqual([]);
    expect(new Set(row.any_epcs)).toEqual(new Set([SSCC, ITEM_DL]));
    expect(new Set(row.any_classes)).toEqual(new Set([GTIN_CLASS, LOT_CLASS]));
  });

  it('TransactionEvent: epcList and an optional parent', () => {
    const { row } = normaliseEvent(
      { ...base, type: 'TransactionEvent', action: 'ADD', bizTransactionList: [{ type: 'po', bizTransaction: 'urn:epcglobal:cbv:bt:0614141000036:PO1' }], parentID: SSCC, epcList: [ITEM_URN] },
      '/e',
      at,
    );
    expect(row.parent_id).toBe(SSCC);
    expect(row.epc_list).toEqual([ITEM_DL]);
    expect(row.action).toBe('ADD');
  });

  it('TransformationEvent: inputs and outputs, the transformation id, no action', () => {
    const { row, commissioned } = normaliseEvent(
      {
        ...base,
        type: 'TransformationEvent',
        inputEPCList: [ITEM_URN],
        inputQuantityList: [{ epcClass: 'urn:epc:class:lgtin:0614141.012345.RAW1', quantity: 100, uom: 'KGM' }],
        outputEPCList: [ITEM_WITH_LOT],
        transformationID: 'urn:uuid:7a1f0000-0000-4000-8000-000000000002',
      },
      '/e',
      at,
    );
    expect(row.input_epcs).toEqual([ITEM_DL]);
    expect(row.output_epcs).toEqual([`https://id.gs1.org/01/${GTIN}/21/401`]);
    expect(row.action).toBeNull();
    expect(row.transformation_id).toBe('urn:uuid:7a1f0000-0000-4000-8000-000000000002');
    expect(row.any_classes).toContain(`https://id.gs1.org/01/${GTIN}/10/RAW1`);
    // Outputs are brought into being: only the enterprise's own products may be.
    expect(commissioned).toEqual([{ path: '/e/outputEPCList/0', gtin: GTIN }]);
  });

  it('AssociationEvent: a sensor device (parent) and the pallet (child)', () => {
    const { row } = normaliseEvent({ ...base, type: 'AssociationEvent', action: 'ADD', parentID: 'urn:epc:id:giai:4000001.12345', childEPCs: [SSCC] }, '/e', at);
    expect(row.parent_id).toBe('urn:epc:id:giai:4000001.12345');
    expect(new Set(row.any_epcs)).toEqual(new Set(['urn:epc:id:giai:4000001.12345', SSCC]));
    expect(row.any_classes).toEqual([]);
  });

  it('commissioning is ObjectEvent ADD (epcList and quantityList), not OBSERVE', () => {
    const add = normaliseEvent({ ...base, type: 'ObjectEvent', action: 'ADD', epcList: [ITEM_DL], quantityList: [{ epcClass: LOT_CLASS }] }, '/e', at);
    expect(add.commissioned).toEqual([
      { path: '/e/epcList/0', gtin: GTIN },
      { path: '/e/quantityList/0/epcClass', gtin: GTIN },
    ]);
    expect(normaliseEvent({ ...base, type: 'ObjectEvent', action: 'OBSERVE', epcList: [ITEM_DL] }, '/e', at).commissioned).toEqual([]);
  });

  it('names GS1-looking identifiers that are not valid, and keeps other URIs as they are', () => {
    const { row, badIdentifiers } = normaliseEvent(
      { ...base, type: 'ObjectEvent', action: 'OBSERVE', epcList: [`https://id.gs1.org/01/00614141123453/21/1`, 'urn:epc:id:sgtin:0614141.12345.1', 'urn:example:thing:1'] },
      '/e',
      at,
    );
    expect(badIdentifiers).toEqual([
      { path: '/e/epcList/0', value: 'https://id.gs1.org/01/00614141123453/21/1', problem: 'check_digit' },
      { path: '/e/epcList/1', value: 'urn:epc:id:sgtin:0614141.12345.1', problem: 'format' },
    ]);
    expect(row.epc_list).toContain('urn:example:thing:1');
  });
});

describe('CBV values and locations', () => {
  it.each([
    ['bizStep', 'shipping', 'shipping'],
    ['bizStep', 'https://ref.gs1.org/cbv/BizStep-shipping', 'shipping'],
    ['bizStep', 'urn:epcglobal:cbv:bizstep:receiving', 'receiving'],
    ['bizStep', 'https://example.com/steps/blending', 'https://example.com/steps/blending'],
    ['disposition', 'https://ref.gs1.org/cbv/Disp-in_transit', 'in_transit'],
    ['disposition', 'urn:epcglobal:cbv:disp:recalled', 'recalled'],
    ['errorReason', 'https://ref.gs1.org/cbv/ER-incorrect_data', 'incorrect_data'],
    ['errorReason', 'urn:epcglobal:cbv:er:did_not_occur', 'did_not_occur'],
  ] as const)('%s %s → %s', (kind, value, word) => {
    expect(cbvBareWord(kind, value)).toBe(word);
  });

  it('stores bizStep, disposition and persistent dispositions as bare words', () => {
    const { row } = normaliseEvent(
      {
        ...base,
        type: 'ObjectEvent',
        action: 'OBSERVE',
        epcList: [ITEM_DL],
        bizStep: 'https://ref.gs1.org/cbv/BizStep-holding',
        disposition: 'https://ref.gs1.org/cbv/Disp-recalled',
        persistentDisposition: { set: ['https://ref.gs1.org/cbv/Disp-recalled'], unset: ['active'] },
      },
      '/e',
      at,
    );
    expect([row.biz_step, row.disposition, row.persistent_set, row.persistent_unset]).toEqual(['holding', 'recalled', ['recalled'], ['active']]);
  });

  it.each([
    [GLN, GLN],
    ['https://example.com/414/0614141000036', GLN],
    ['urn:epc:id:sgln:0614141.00003.0', GLN],
    ['urn:epc:id:sgln:0614141.00003.DOCK1', `${GLN}/254/DOCK1`],
    ['https://id.gs1.org/414/0614141000036/254/COLD', `${GLN}/254/COLD`],
    ['urn:shian:loc:0b8e5a52-6f0c-4a8e-9d5e-1f2a3b4c5d6e', 'urn:shian:loc:0b8e5a52-6f0c-4a8e-9d5e-1f2a3b4c5d6e'],
  ])('location %s → %s', (given, canonical) => {
    expect(canonicalLocation(given)).toBe(canonical);
    const { row, locations } = normaliseEvent({ ...base, type: 'ObjectEvent', action: 'OBSERVE', epcList: [ITEM_DL], readPoint: { id: given }, bizLocation: { id: given } }, '/e', at);
    expect([row.read_point, row.biz_location]).toEqual([canonical, canonical]);
    expect(locations).toEqual([
      { path: '/e/readPoint/id', id: canonical },
      { path: '/e/bizLocation/id', id: canonical },
    ]);
  });

  it('destinations are the destinationList ids, GLN forms canonical', () => {
    const { row } = normaliseEvent(
      { ...base, type: 'ObjectEvent', action: 'OBSERVE', epcList: [ITEM_DL], destinationList: [{ type: 'location', destination: 'urn:epc:id:sgln:0614141.00003.0' }, { type: 'owning_party', destination: 'https://id.gs1.org/417/0614141000036' }] },
      '/e',
      at,
    );
    expect(row.destinations).toEqual([GLN, 'https://id.gs1.org/417/0614141000036']);
  });
});

describe('event id, time, error declaration, doc', () => {
  it('keeps the given eventID; generates a content hash when there is none, the same for the same content', () => {
    const { eventID: _id, ...without } = base;
    const event = { ...without, type: 'ObjectEvent', action: 'OBSERVE', epcList: [ITEM_DL] };
    const first = normaliseEvent(event, '/e', at).row;
    const again = normaliseEvent({ ...event, recordTime: '2020-01-01T00:00:00Z' }, '/e', new Date()).row;
    expect(first.event_id).toMatch(/^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/);
    expect(again.event_id).toBe(first.event_id);
    expect(hashEventId({ ...event, epcList: [ITEM_URN] })).not.toBe(first.event_id);
    expect(normaliseEvent({ ...event, eventID: 'urn:uuid:x-1' }, '/e', at).row.event_id).toBe('urn:uuid:x-1');
  });

  it('doc is the event as captured with eventID and recordTime; times as given', () => {
    const event = { ...base, type: 'ObjectEvent', action: 'OBSERVE', epcList: [ITEM_URN], 'example:note': 'x' };
    const { row } = normaliseEvent(event, '/e', at);
    expect(row.doc).toEqual({ ...event, recordTime: '2026-03-01T00:00:00.000Z' });
    expect([row.event_time, row.event_time_zone_offset]).toEqual(['2026-03-01T08:00:00+08:00', '+08:00']);
  });

  it('an error declaration keeps the eventID it retracts and stores its reason as a bare word', () => {
    const { row } = normaliseEvent(
      { ...base, type: 'ObjectEvent', action: 'OBSERVE', epcList: [ITEM_DL], errorDeclaration: { declarationTime: '2026-03-02T08:00:00+08:00', reason: 'https://ref.gs1.org/cbv/ER-did_not_occur' } },
      '/e',
      at,
    );
    expect([row.event_id, row.error_reason]).toEqual([base.eventID, 'did_not_occur']);
    const noReason = normaliseEvent({ ...base, type: 'ObjectEvent', action: 'OBSERVE', epcList: [ITEM_DL], errorDeclaration: { declarationTime: '2026-03-02T08:00:00+08:00' } }, '/e', at);
    expect(noReason.row.error_reason).toBe('');
  });

  it('adds the lot classes the platform knows to items captured without a lot', () => {
    const event = normaliseEvent({ ...base, type: 'ObjectEvent', action: 'OBSERVE', epcList: [ITEM_DL] }, '/e', at);
    withLotClasses(event, new Map([[lotLookupKey(GTIN, '400'), LOT_CLASS]]));
    expect(new Set(event.row.any_classes)).toEqual(new Set([GTIN_CLASS, LOT_CLASS]));
  });
});
