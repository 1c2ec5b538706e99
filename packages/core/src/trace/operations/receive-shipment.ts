import { randomUUID } from 'node:crypto';
import { AppError } from '@shian/domain';
import type { Ctx } from '../../db/transaction.ts';
import { locationIdOf } from '../locations.ts';
import { readEventDoc } from '../trace-event-doc.ts';
import { findInboundShipment } from './inbound-shipments.ts';
import { FieldProblems, actingEnterprise, captureOperation, premisesOf, type OperationOptions } from './operation-context.ts';
import { epcisDocument, receivingEvent, type LotQuantity } from './operation-documents.ts';
import type { LotLine, OperationResult } from './operations-service.ts';
import { lotClassOf, readScannedCode } from './scanned-codes.ts';

export interface ReceiveInput {
  /** The shipping event's eventID (from the inbound list). */
  shipmentEventId: string;
  /** The enterprise's premises where the goods arrive. */
  premisesId: string;
  /** Everything shipped, or a part of it: some of the codes, some of each lot's quantity. */
  accept: 'all' | { items?: readonly string[] | undefined; lots?: readonly LotLine[] | undefined };
}

/** The part of a shipment accepted: codes it named, lot quantities up to what it carried. */
function acceptedPart(accept: ReceiveInput['accept'], shipped: { items: readonly string[]; lots: readonly LotQuantity[] }, problems: FieldProblems) {
  if (accept === 'all') return { epcs: [...shipped.items], quantities: [...shipped.lots] };
  const epcs: string[] = [];
  (accept.items ?? []).forEach((text, index) => {
    const code = readScannedCode(text);
    if (!code || !shipped.items.includes(code.epc)) problems.add(`accept.items.${index}`, 'field.trace_not_in_shipment');
    else if (epcs.includes(code.epc)) problems.add(`accept.items.${index}`, 'field.trace_code_duplicate');
    else epcs.push(code.epc);
  });
  const quantities: LotQuantity[] = [];
  (accept.lots ?? []).forEach((line, index) => {
    const epcClass = lotClassOf(line.gtin, line.lot);
    const carried = shipped.lots.find((l) => l.epcClass === epcClass);
    if (!epcClass || !carried) problems.add(`accept.lots.${index}`, 'field.trace_not_in_shipment');
    else if (quantities.some((q) => q.epcClass === epcClass)) problems.add(`accept.lots.${index}`, 'field.trace_lot_duplicate');
    else if (line.quantity > carried.quantity) problems.add(`accept.lots.${index}.quantity`, 'field.trace_quantity_exceeds_shipment');
    else quantities.push({ epcClass, quantity: line.quantity, uom: carried.uom });
  });
  if (epcs.length === 0 && quantities.length === 0 && !problems.any) problems.add('accept', 'field.trace_nothing_to_ship');
  return { epcs, quantities };
}

/**
 * Receives a shipment addressed to the enterprise (收货) at one of its premises: an ObjectEvent OBSERVE, bizStep
 * receiving, disposition in_progress, with the accepted codes and quantities, the shipment's desadv (how a
 * receipt refers to its shipment) and the shipment's source and destination parties; the destination location
 * is the premises where the goods arrived. A shipment is received once.
 */
export async function receive(ctx: Ctx, input: ReceiveInput, options: OperationOptions = {}): Promise<OperationResult & { desadv: string }> {
  const enterprise = await actingEnterprise(ctx, 'trace.write');
  const found = await findInboundShipment(ctx.db, enterprise, input.shipmentEventId);
  if (!found) throw new AppError('resource.not_found');
  if (found.received) throw new AppError('trace.already_received');
  const problems = new FieldProblems();
  const premises = await premisesOf(ctx.db, enterprise.id, input.premisesId, 'premisesId', problems, 'field.trace_premises_not_own');
  const { shipment } = found;
  const part = acceptedPart(input.accept, shipment, problems);
  problems.throwIfAny();
  if (!premises) throw new Error('unreachable: premises problem not reported');

  const shipped = readEventDoc(found.doc);
  const senderParty = shipped.sources.find((s) => s.type === 'owning_party')?.id ?? null;
  const senderLocation = shipped.sources.find((s) => s.type === 'location')?.id ?? shipment.fromLocation;
  const eventId = `urn:uuid:${randomUUID()}`;
  const now = new Date();
  const locationId = locationIdOf(premises);
  const event = receivingEvent(
    { eventId, eventTime: now, locationId },
    {
      epcs: part.epcs,
      quantities: part.quantities,
      desadv: shipment.shipmentKey,
      from: { partyId: senderParty, locationId: senderLocation },
      to: { partyId: enterprise.partyId, locationId },
      reference: shipment.reference,
    },
  );
  const capture = await captureOperation(ctx, epcisDocument([event], now), options);
  return { eventId, desadv: shipment.shipmentKey, capture };
}
