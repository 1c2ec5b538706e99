import { randomBytes, randomUUID } from 'node:crypto';
import { makeSerialGenerator } from '@shian/domain';
import type { Ctx } from '../../db/transaction.ts';
import type { CaptureResult } from '../../epcis/capture/capture-document.ts';
import { locationIdOf, partyIdOf } from '../locations.ts';
import { FieldProblems, actingEnterprise, captureOperation, premisesOf, type OperationOptions } from './operation-context.ts';
import { DESADV_PREFIX, PLATFORM_CONTAINER_PREFIX, aggregationEvent, epcisDocument, shippingEvent, type LotQuantity } from './operation-documents.ts';
import { lotClassOf, readScannedCode, type ScannedCode } from './scanned-codes.ts';
import { itemStates, lotBalances } from './stock.ts';

/**
 * Trace operations (追溯作业) for enterprises without a system of their own: packing (装箱) and shipping (发货)
 * from the platform's pages. Each checks its input against the enterprise's premises and stock, builds a
 * standard EPCIS 2.0 document and sends it through capture, exactly as an enterprise system would with its API
 * key; receiving (收货) is in `receive-shipment.ts`.
 */

/** The result of an operation: the event it captured and capture's own answer. */
export interface OperationResult {
  eventId: string;
  capture: CaptureResult;
}

export interface AggregateInput {
  premisesId: string;
  /** The container scanned (SSCC, platform container); when packing without one, the platform makes one. */
  parent?: string | null | undefined;
  children: readonly string[];
  action: 'ADD' | 'DELETE';
}

const newContainerSerial = makeSerialGenerator((n) => randomBytes(n));

/** A new platform container id (`urn:shian:pack:{12 characters}`), printed as a label for enterprises without a GS1 prefix. */
export function newPlatformContainerId(): string {
  return `${PLATFORM_CONTAINER_PREFIX}${newContainerSerial()}`;
}

/** Reads scanned codes, noting unreadable and repeated ones on `{field}.{index}`. */
function readCodes(raw: readonly string[], field: string, problems: FieldProblems): (ScannedCode | null)[] {
  const seen = new Set<string>();
  return raw.map((text, index) => {
    const code = readScannedCode(text);
    if (!code) problems.add(`${field}.${index}`, 'field.trace_code_unrecognised');
    else if (seen.has(code.epc)) problems.add(`${field}.${index}`, 'field.trace_code_duplicate');
    else {
      seen.add(code.epc);
      return code;
    }
    return null;
  });
}

/** Checks that every code read is in the enterprise's stock (unknown and elsewhere are named apart). */
async function requireInStock(ctx: Ctx, enterpriseId: string, codes: readonly (ScannedCode | null)[], field: string, problems: FieldProblems): Promise<void> {
  const epcs = codes.flatMap((c) => (c ? [c.epc] : []));
  if (epcs.length === 0) return;
  const states = await itemStates(ctx.db, enterpriseId, epcs);
  codes.forEach((code, index) => {
    const state = code ? states.get(code.epc) : 'in_stock';
    if (state === 'unknown') problems.add(`${field}.${index}`, 'field.trace_code_unknown');
    else if (state === 'elsewhere') problems.add(`${field}.${index}`, 'field.trace_code_not_in_stock');
  });
}

/**
 * Packs scanned items or cases into a container (ADD) or takes them out (DELETE) at one of the enterprise's
 * premises: an AggregationEvent, bizStep packing / unpacking. Packing needs every child in stock; a scanned
 * parent may be new (a fresh SSCC label) but not someone else's. Unpacking needs the parent in stock; no
 * children means all of them.
 */
export async function aggregate(ctx: Ctx, input: AggregateInput, options: OperationOptions = {}): Promise<OperationResult & { parentId: string }> {
  const enterprise = await actingEnterprise(ctx, 'trace.write');
  const problems = new FieldProblems();
  const premises = await premisesOf(ctx.db, enterprise.id, input.premisesId, 'premisesId', problems, 'field.trace_premises_not_own');

  let parent: ScannedCode | null = null;
  if (input.parent) {
    parent = readScannedCode(input.parent);
    if (!parent) problems.add('parent', 'field.trace_code_unrecognised');
    else if (parent.kind !== 'container') {
      problems.add('parent', 'field.trace_code_not_container');
      parent = null;
    }
  } else if (input.action === 'DELETE') {
    problems.add('parent', 'field.required');
  }
  const children = readCodes(input.children, 'children', problems);
  if (input.action === 'ADD' && input.children.length === 0) problems.add('children', 'field.required');
  children.forEach((child, index) => {
    if (child && parent && child.epc === parent.epc) problems.add(`children.${index}`, 'field.trace_code_is_parent');
  });

  if (input.action === 'ADD') await requireInStock(ctx, enterprise.id, children, 'children', problems);
  if (parent) {
    const state = (await itemStates(ctx.db, enterprise.id, [parent.epc])).get(parent.epc);
    if (state === 'elsewhere' || (input.action === 'DELETE' && state === 'unknown')) {
      problems.add('parent', state === 'unknown' ? 'field.trace_code_unknown' : 'field.trace_code_not_in_stock');
    }
  }
  problems.throwIfAny();
  if (!premises) throw new Error('unreachable: premises problem not reported');

  const parentId = parent?.epc ?? newPlatformContainerId();
  const eventId = `urn:uuid:${randomUUID()}`;
  const now = new Date();
  const event = aggregationEvent({
    eventId,
    eventTime: now,
    locationId: locationIdOf(premises),
    action: input.action,
    parentId,
    childEpcs: children.flatMap((c) => (c ? [c.epc] : [])),
  });
  const capture = await captureOperation(ctx, epcisDocument([event], now), options);
  return { eventId, parentId, capture };
}

export interface LotLine {
  gtin: string;
  lot: string;
  quantity: number;
}

export interface ShipInput {
  /** The enterprise's premises the goods leave. */
  premisesId: string;
  to: { enterpriseId: string; premisesId: string };
  /** Scanned codes: items, cases, pallets. */
  items?: readonly string[] | undefined;
  /** Lots by quantity (counted in EA). */
  lots?: readonly LotLine[] | undefined;
  /** The sender's own reference (送货单号). */
  reference?: string | null | undefined;
}

/** Reads lot lines, noting invalid and repeated lots. */
function readLots(lines: readonly LotLine[], problems: FieldProblems): (LotQuantity | null)[] {
  const seen = new Set<string>();
  return lines.map((line, index) => {
    const epcClass = lotClassOf(line.gtin, line.lot);
    if (!epcClass) problems.add(`lots.${index}.lot`, 'field.trace_lot_invalid');
    else if (seen.has(epcClass)) problems.add(`lots.${index}`, 'field.trace_lot_duplicate');
    else {
      seen.add(epcClass);
      return { epcClass, quantity: line.quantity, uom: 'EA' };
    }
    return null;
  });
}

/**
 * Ships goods to another enterprise's premises (or between one's own): an ObjectEvent OBSERVE, bizStep
 * shipping, disposition in_transit, with the scanned codes (epcList) and lots (quantityList), the sender and
 * receiver as owning party and location, and a new desadv (`urn:shian:desadv:{uuid}`) naming the shipment.
 */
export async function ship(ctx: Ctx, input: ShipInput, options: OperationOptions = {}): Promise<OperationResult & { desadv: string }> {
  const enterprise = await actingEnterprise(ctx, 'trace.write');
  const problems = new FieldProblems();
  const from = await premisesOf(ctx.db, enterprise.id, input.premisesId, 'premisesId', problems, 'field.trace_premises_not_own');
  // The receiver is named by the sender: any registered enterprise may be shipped to (its name is not secret).
  const receiver = await ctx.db.selectFrom('enterprises').select(['id', 'uscc']).where('id', '=', input.to.enterpriseId).executeTakeFirst();
  if (!receiver) problems.add('to.enterpriseId', 'field.trace_enterprise_unknown');
  const to = receiver ? await premisesOf(ctx.db, receiver.id, input.to.premisesId, 'to.premisesId', problems, 'field.trace_premises_not_of_enterprise') : null;
  if (from && to && from.id === to.id) problems.add('to.premisesId', 'field.trace_same_premises');

  const items = readCodes(input.items ?? [], 'items', problems);
  const lots = readLots(input.lots ?? [], problems);
  if (items.length === 0 && lots.length === 0) problems.add('items', 'field.trace_nothing_to_ship');
  await requireInStock(ctx, enterprise.id, items, 'items', problems);
  const wanted = lots.flatMap((l) => (l ? [l.epcClass] : []));
  if (wanted.length > 0) {
    const balances = await lotBalances(ctx.db, enterprise.id, wanted);
    lots.forEach((line, index) => {
      if (line && line.quantity > (balances.get(line.epcClass)?.available ?? 0)) problems.add(`lots.${index}.quantity`, 'field.trace_lot_not_in_stock');
    });
  }
  problems.throwIfAny();
  if (!from || !to || !receiver) throw new Error('unreachable: premises problem not reported');

  const desadv = `${DESADV_PREFIX}${randomUUID()}`;
  const eventId = `urn:uuid:${randomUUID()}`;
  const now = new Date();
  const event = shippingEvent(
    { eventId, eventTime: now, locationId: locationIdOf(from) },
    {
      epcs: items.flatMap((c) => (c ? [c.epc] : [])),
      quantities: lots.flatMap((l) => (l ? [l] : [])),
      desadv,
      from: { partyId: enterprise.partyId, locationId: locationIdOf(from) },
      to: { partyId: partyIdOf(receiver), locationId: locationIdOf(to) },
      reference: input.reference,
    },
  );
  const capture = await captureOperation(ctx, epcisDocument([event], now), options);
  return { eventId, desadv, capture };
}
