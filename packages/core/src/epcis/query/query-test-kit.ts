import { randomUUID } from 'node:crypto';
import { computeGtinCheckDigit, type Actor } from '@shian/domain';
import type { Db } from '../../db/connect.ts';
import type { EnterpriseRow } from '../../db/schema.ts';
import { buildEnterprise, buildUser } from '../../testing/factories.ts';
import { captureDocument } from '../capture/capture-document.ts';

/**
 * A small traceability world for the query tests (查询测试), captured through the real capture path:
 * maker A (浦东 周家渡) commissions infant formula (婴幼儿配方乳粉) cans, packs them onto a pallet, ships,
 * blends a lot from raw material, logs a cold room, holds a recalled can, and later retracts its shipment
 * with an error declaration and a corrective event; distributor B (黄浦) receives a can. Every document is
 * written to the EPCIS 2.0 JSON binding, with identifiers in the forms partners really send (Digital Links
 * on a brand's own host, EPC URNs, canonical Digital Links).
 */

const withCheck = (body: string): string => `${body}${computeGtinCheckDigit(body)}`;

/** Maker A's GS1 company prefix and keys. */
export const IDS = (() => {
  const g1 = `0${withCheck('690123400001')}`; // A's infant formula, GTIN-14
  const raw = `0${withCheck('690999900001')}`; // another maker's milk powder (raw material)
  const gln = (body: string) => withCheck(body);
  const factory = gln('690123400010');
  const warehouse = gln('690123400020');
  const store = gln('690555500010');
  const sscc = withCheck('06901234000000001');
  const canonical = (path: string) => `https://id.gs1.org${path}`;
  return {
    g1,
    raw,
    factory,
    warehouse,
    store,
    sscc,
    /** Items of G1, canonical. */
    item: (serial: string) => canonical(`/01/${g1}/21/${serial}`),
    lot: (lot: string) => canonical(`/01/${g1}/10/${lot}`),
    rawLot: canonical(`/01/${raw}/10/R1`),
    gtinClass: canonical(`/01/${g1}`),
    ssccUri: canonical(`/00/${sscc}`),
    glnUri: (value: string) => canonical(`/414/${value}`),
    /** The URN and brand-host forms partners send. */
    itemUrn: (serial: string) => `urn:epc:id:sgtin:6901234.000001.${serial}`,
    brandItem: (lot: string, serial: string) => `https://brand.example.cn/p/01/${g1}/10/${lot}/21/${serial}`,
    lotUrn: (lot: string) => `urn:epc:class:lgtin:6901234.000001.${lot}`,
    rawLotUrn: 'urn:epc:class:lgtin:6909999.000001.R1',
    rawDrum: canonical(`/01/${raw}/21/DRUM7`),
    g1Pattern: 'urn:epc:idpat:sgtin:6901234.000001.*',
    ssccUrn: 'urn:epc:id:sscc:6901234.0000000001',
    factoryUrn: 'urn:epc:id:sgln:6901234.00010.0',
    logger: 'urn:epc:id:giai:6901234.LOGGER7',
    transformation: 'urn:uuid:3f0d6c1e-7a51-4f0e-9b7e-6a7d0f1c2b01',
  };
})();

/** Event IDs of the world, by name. */
export const EV = {
  commission: 'urn:uuid:6b1c0000-0000-4000-8000-000000000001',
  commissionLot: 'urn:uuid:6b1c0000-0000-4000-8000-000000000002',
  pack: 'urn:uuid:6b1c0000-0000-4000-8000-000000000003',
  ship: 'urn:uuid:6b1c0000-0000-4000-8000-000000000004',
  blend: 'urn:uuid:6b1c0000-0000-4000-8000-000000000005',
  attachLogger: 'urn:uuid:6b1c0000-0000-4000-8000-000000000006',
  coldRoom: 'urn:uuid:6b1c0000-0000-4000-8000-000000000007',
  recall: 'urn:uuid:6b1c0000-0000-4000-8000-000000000008',
  reship: 'urn:uuid:6b1c0000-0000-4000-8000-000000000009',
  receive: 'urn:uuid:6b1c0000-0000-4000-8000-000000000010',
} as const;

export const EPCIS_CONTEXT = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';

/** An EPCISDocument around events. */
export function epcisDocument(events: readonly Record<string, unknown>[]): Record<string, unknown> {
  return { '@context': [EPCIS_CONTEXT], type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-03-06T12:00:00+08:00', epcisBody: { eventList: events } };
}

const at = (time: string) => ({ eventTime: time, eventTimeZoneOffset: '+08:00' });
const place = (id: string) => ({ id });

/** The shipment of the pallet (later retracted): kept apart because the error declaration repeats it. */
function shipment(): Record<string, unknown> {
  return {
    type: 'TransactionEvent',
    eventID: EV.ship,
    ...at('2026-03-01T10:00:00+08:00'),
    action: 'ADD',
    bizTransactionList: [{ type: 'po', bizTransaction: 'urn:epcglobal:cbv:bt:6905555000107:PO-2026-001' }],
    parentID: `https://id.gs1.org/00/${IDS.sscc}`,
    epcList: [IDS.itemUrn('S1')],
    quantityList: [{ epcClass: IDS.lot('L2'), quantity: 24 }],
    bizStep: 'https://ref.gs1.org/cbv/BizStep-shipping',
    disposition: 'in_transit',
    readPoint: place(IDS.glnUri(IDS.warehouse)),
    destinationList: [{ type: 'owning_party', destination: IDS.glnUri(IDS.store) }],
  };
}

/** Maker A's first document: eight events of one working day, and a recall hold four days later. */
export function makerDocument(): Record<string, unknown> {
  return epcisDocument([
    {
      type: 'ObjectEvent',
      eventID: EV.commission,
      ...at('2026-03-01T08:00:00+08:00'),
      action: 'ADD',
      epcList: [IDS.brandItem('L1', 'S1'), IDS.brandItem('L1', 'S2')],
      bizStep: 'commissioning',
      disposition: 'active',
      readPoint: place(IDS.glnUri(IDS.factory)),
      bizLocation: place(IDS.glnUri(IDS.factory)),
      ilmd: { 'cbvmda:lotNumber': 'L1', 'cbvmda:bestBeforeDate': '2027-09-01', 'cbvmda:countryOfOrigin': 'CN' },
    },
    {
      type: 'ObjectEvent',
      eventID: EV.commissionLot,
      ...at('2026-03-01T08:10:00+08:00'),
      action: 'ADD',
      quantityList: [{ epcClass: IDS.lotUrn('L2'), quantity: 1200 }],
      bizStep: 'commissioning',
      disposition: 'active',
      readPoint: place(IDS.factoryUrn),
      ilmd: { 'cbvmda:lotNumber': 'L2' },
    },
    {
      type: 'AggregationEvent',
      eventID: EV.pack,
      ...at('2026-03-01T09:00:00+08:00'),
      action: 'ADD',
      parentID: IDS.ssccUrn,
      childEPCs: [IDS.brandItem('L1', 'S1'), IDS.brandItem('L1', 'S2')],
      childQuantityList: [{ epcClass: IDS.lot('L2'), quantity: 24 }],
      bizStep: 'packing',
      disposition: 'in_progress',
      readPoint: place(IDS.glnUri(IDS.warehouse)),
      bizLocation: place(IDS.glnUri(IDS.warehouse)),
    },
    shipment(),
    {
      type: 'TransformationEvent',
      eventID: EV.blend,
      ...at('2026-03-01T07:00:00+08:00'),
      transformationID: IDS.transformation,
      inputEPCList: [IDS.rawDrum],
      inputQuantityList: [{ epcClass: IDS.rawLotUrn, quantity: 120.5, uom: 'KGM' }],
      outputEPCList: [IDS.itemUrn('S3')],
      outputQuantityList: [{ epcClass: `https://brand.example.cn/01/${IDS.g1}/10/L3`, quantity: 300 }],
      bizStep: 'commissioning',
      disposition: 'active',
      readPoint: place(`${IDS.glnUri(IDS.factory)}/254/line1`),
      bizLocation: place(IDS.glnUri(IDS.factory)),
      ilmd: { 'cbvmda:lotNumber': 'L3' },
    },
    {
      type: 'AssociationEvent',
      eventID: EV.attachLogger,
      ...at('2026-03-01T09:30:00+08:00'),
      action: 'ADD',
      parentID: IDS.logger,
      childEPCs: [IDS.ssccUri],
      bizStep: 'installing',
      readPoint: place(IDS.glnUri(IDS.warehouse)),
      bizLocation: place(`${IDS.glnUri(IDS.warehouse)}/254/dock2`),
    },
    {
      type: 'ObjectEvent',
      eventID: EV.coldRoom,
      ...at('2026-03-01T09:45:00+08:00'),
      action: 'OBSERVE',
      epcList: [IDS.ssccUri],
      bizStep: 'sensor_reporting',
      readPoint: place(`${IDS.glnUri(IDS.warehouse)}/254/cold1`),
      bizLocation: place(IDS.glnUri(IDS.warehouse)),
      sensorElementList: [
        {
          sensorMetadata: {
            time: '2026-03-01T09:45:00+08:00',
            deviceID: IDS.logger,
            dataProcessingMethod: 'https://example.com/dpm/average-5min',
            bizRules: 'https://example.com/rules/cold-chain-2-8',
          },
          sensorReport: [
            { type: 'Temperature', value: 4.2, uom: 'CEL' },
            { type: 'gs1:RelativeHumidity', value: 55, uom: 'P1' },
          ],
        },
        {
          sensorReport: [
            { type: 'Count', microorganism: 'https://www.ncbi.nlm.nih.gov/taxonomy/28901', value: 0, uom: 'C62' },
            { type: 'MassConcentration', chemicalSubstance: 'https://identifiers.org/inchikey:KMJRBSYFFVNPPK-UHFFFAOYSA-N', value: 0.01, uom: 'GL' },
          ],
        },
      ],
    },
    {
      type: 'ObjectEvent',
      eventID: EV.recall,
      ...at('2026-03-05T14:00:00+08:00'),
      action: 'OBSERVE',
      epcList: [IDS.brandItem('L1', 'S1')],
      bizStep: 'holding',
      disposition: 'recalled',
      persistentDisposition: { set: ['recalled'], unset: ['active'] },
      readPoint: place(IDS.glnUri(IDS.warehouse)),
      bizLocation: place(IDS.glnUri(IDS.warehouse)),
    },
  ]);
}

/** Maker A's second document: the shipment declared wrong (incorrect_data), and the corrected shipment. */
export function correctionDocument(): Record<string, unknown> {
  return epcisDocument([
    { ...shipment(), errorDeclaration: { declarationTime: '2026-03-06T10:00:00+08:00', reason: 'incorrect_data', correctiveEventIDs: [EV.reship] } },
    {
      ...shipment(),
      eventID: EV.reship,
      ...at('2026-03-01T10:05:00+08:00'),
      bizTransactionList: [{ type: 'po', bizTransaction: 'urn:epcglobal:cbv:bt:6905555000107:PO-2026-002' }],
    },
  ]);
}

/** Distributor B receives can S1 at its store. */
export function distributorDocument(): Record<string, unknown> {
  return epcisDocument([
    {
      type: 'ObjectEvent',
      eventID: EV.receive,
      ...at('2026-03-02T15:00:00+08:00'),
      action: 'OBSERVE',
      epcList: [IDS.item('S1')],
      bizStep: 'receiving',
      disposition: 'sellable_not_accessible',
      readPoint: place(IDS.glnUri(IDS.store)),
      bizLocation: place(IDS.glnUri(IDS.store)),
    },
  ]);
}

/** An enterprise with premises (by GLN) and, for a maker, its registered product. */
async function enterpriseWith(db: Db, jurisdictionCode: string, glns: readonly string[], gtins: readonly string[]): Promise<{ enterprise: EnterpriseRow; actor: Actor }> {
  const enterprise = await buildEnterprise(db, { jurisdictionCode });
  for (const gln of glns) {
    await db.insertInto('premises').values({ id: randomUUID(), enterpriseId: enterprise.id, name: `场所${gln}`, address: '上海市测试路1号', kind: 'warehouse', gln, jurisdictionCode }).execute();
  }
  if (gtins.length > 0) {
    await db
      .insertInto('products')
      .values({
        id: randomUUID(),
        enterpriseId: enterprise.id,
        licenceId: null,
        name: '测试牌婴幼儿配方乳粉',
        category: 'infant_formula',
        registrationNumber: `国食注字YP${String(Date.now()).slice(-8)}`,
        registrationKind: 'registration',
        functions: [],
        gtins: [...gtins],
        specification: '800克/罐',
        jurisdictionCode,
      })
      .execute();
  }
  const { actor } = await buildUser(db, 'enterprise_staff', { enterpriseId: enterprise.id });
  return { enterprise, actor };
}

export interface TraceWorld {
  maker: { enterprise: EnterpriseRow; actor: Actor };
  distributor: { enterprise: EnterpriseRow; actor: Actor };
  /** An instant after the first document's record time and before the correction's. */
  between: string;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Creates A (浦东, street 310115007) and B (黄浦, street 310101002) and captures their documents. */
export async function createTraceWorld(db: Db): Promise<TraceWorld> {
  const maker = await enterpriseWith(db, '310115007', [IDS.factory, IDS.warehouse], [IDS.g1]);
  const distributor = await enterpriseWith(db, '310101002', [IDS.store], []);
  const capture = async (actor: Actor, document: Record<string, unknown>) => {
    const result = await captureDocument({ db, actor }, document);
    if (result.status !== 'done') throw new Error(`capture failed: ${JSON.stringify(result.errors)}`);
  };
  await capture(maker.actor, makerDocument());
  await capture(distributor.actor, distributorDocument());
  await pause(5);
  const between = new Date().toISOString();
  await pause(5);
  await capture(maker.actor, correctionDocument());
  return { maker, distributor, between };
}
