import { randomUUID } from 'node:crypto';

/**
 * A realistic EPCIS 2.0 document of an infant-formula maker (婴幼儿配方乳粉, 一罐一码), for the capture benchmark:
 * per production lot, one transformation (base powder and vitamin premix into the lot), one commissioning
 * ObjectEvent with ILMD per can, cans packed into cases (SSCC), cases onto pallets (SSCC), and each pallet
 * shipped from the factory dock and received at the maker's distribution centre, with source and destination
 * lists and a despatch advice. About 92 % of the events are commissioning, as on a real line.
 */
export interface MakerIdentity {
  /** GTIN-14s of the maker's products (cans of different stages). */
  gtins: string[];
  /** The factory's GLN and the distribution centre's. */
  factoryGln: string;
  dcGln: string;
  /** GS1 company prefix digits used for SSCCs. */
  companyPrefix: string;
}

const CANS_PER_CASE = 12;
const CASES_PER_PALLET = 40;
const PALLETS_PER_LOT = 5;

function checkDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += (body.charCodeAt(body.length - 1 - i) - 48) * (i % 2 === 0 ? 3 : 1);
  return String((10 - (sum % 10)) % 10);
}

/** Builds a document of exactly `count` events (the last lot is cut short). */
export function makerDocument(maker: MakerIdentity, count: number): Record<string, unknown> {
  const events: Record<string, unknown>[] = [];
  const gln = (g: string) => `https://id.gs1.org/414/${g}`;
  const factory = gln(maker.factoryGln);
  const dc = gln(maker.dcGln);
  let serial = 0;
  let sscc = 0;
  let second = 0;
  const start = Date.UTC(2026, 2, 1, 0, 0, 0);
  const time = () => {
    second += 1;
    // Shanghai time: the instant shifted by eight hours, written with its offset.
    return { eventTime: new Date(start + second * 1000 + 8 * 3600_000).toISOString().replace('Z', '+08:00'), eventTimeZoneOffset: '+08:00' };
  };
  const nextSscc = () => {
    sscc += 1;
    const body = `0${maker.companyPrefix}${String(sscc).padStart(16 - maker.companyPrefix.length, '0')}`;
    return `https://id.gs1.org/00/${body}${checkDigit(body)}`;
  };
  const push = (event: Record<string, unknown>) => {
    if (events.length < count) events.push({ eventID: `urn:uuid:${randomUUID()}`, ...time(), ...event });
  };

  const basePowder = `0692000000001${checkDigit('0692000000001')}`;
  const premix = `0692000000002${checkDigit('0692000000002')}`;
  for (let lotNo = 1; events.length < count; lotNo++) {
    const gtin = maker.gtins[lotNo % maker.gtins.length] ?? '';
    const lot = `F${String(lotNo).padStart(6, '0')}`;
    push({
      type: 'TransformationEvent',
      bizStep: 'commissioning',
      disposition: 'active',
      transformationID: `urn:uuid:${randomUUID()}`,
      inputQuantityList: [
        { epcClass: `https://id.gs1.org/01/${basePowder}/10/BP${lotNo}`, quantity: 1200, uom: 'KGM' },
        { epcClass: `https://id.gs1.org/01/${premix}/10/VP${lotNo}`, quantity: 18.5, uom: 'KGM' },
      ],
      outputQuantityList: [{ epcClass: `https://id.gs1.org/01/${gtin}/10/${lot}`, quantity: 2400, uom: 'H87' }],
      readPoint: { id: `${factory}/254/BLEND1` },
      bizLocation: { id: factory },
      ilmd: { 'cbvmda:lotNumber': lot, 'cbvmda:productionDate': '2026-03-01', 'cbvmda:itemExpirationDate': '2027-08-31' },
    });
    for (let p = 0; p < PALLETS_PER_LOT && events.length < count; p++) {
      const cases: string[] = [];
      for (let c = 0; c < CASES_PER_PALLET && events.length < count; c++) {
        const cans: string[] = [];
        for (let n = 0; n < CANS_PER_CASE && events.length < count; n++) {
          serial += 1;
          const can = `https://id.gs1.org/01/${gtin}/21/C${serial.toString(36).toUpperCase().padStart(9, '0')}`;
          cans.push(can);
          push({
            type: 'ObjectEvent',
            action: 'ADD',
            bizStep: 'commissioning',
            disposition: 'active',
            epcList: [can],
            readPoint: { id: `${factory}/254/LINE1` },
            bizLocation: { id: factory },
            ilmd: { 'cbvmda:lotNumber': lot, 'cbvmda:itemExpirationDate': '2027-08-31', 'cbvmda:bestBeforeDate': '2027-08-31' },
          });
        }
        const caseId = nextSscc();
        cases.push(caseId);
        push({ type: 'AggregationEvent', action: 'ADD', bizStep: 'packing', disposition: 'in_progress', parentID: caseId, childEPCs: cans, readPoint: { id: `${factory}/254/PACK1` } });
      }
      const pallet = nextSscc();
      push({ type: 'AggregationEvent', action: 'ADD', bizStep: 'packing', disposition: 'in_progress', parentID: pallet, childEPCs: cases, readPoint: { id: `${factory}/254/PACK1` } });
      const despatch = { bizTransactionList: [{ type: 'desadv', bizTransaction: `urn:epcglobal:cbv:bt:${maker.factoryGln}:D${lotNo}-${p}` }] };
      const route = {
        sourceList: [{ type: 'owning_party', source: `https://id.gs1.org/417/${maker.factoryGln}` }, { type: 'location', source: factory }],
        destinationList: [{ type: 'owning_party', destination: `https://id.gs1.org/417/${maker.factoryGln}` }, { type: 'location', destination: dc }],
      };
      push({ type: 'ObjectEvent', action: 'OBSERVE', bizStep: 'shipping', disposition: 'in_transit', epcList: [pallet], readPoint: { id: `${factory}/254/DOCK1` }, ...despatch, ...route });
      push({ type: 'ObjectEvent', action: 'OBSERVE', bizStep: 'receiving', disposition: 'in_progress', epcList: [pallet], readPoint: { id: dc }, bizLocation: { id: dc }, ...despatch, ...route });
    }
  }
  return {
    '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: new Date(start).toISOString(),
    epcisBody: { eventList: events },
  };
}
