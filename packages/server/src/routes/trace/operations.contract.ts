import { z } from 'zod';
import { canonicalEpc } from '@shian/domain';
import type { InboundShipment, LotStockLine, OperationResult, TradingPartner } from '@shian/core';

/** Shapes of the trace operations API (追溯作业): pack, ship, receive, and what the pages choose from. */

/** A scanned code as the scanner gun or camera gave it (a Digital Link, an EPC URN, a platform container). */
const scannedCode = z.string().trim().min(1, { message: 'field.required' }).max(300);
const codeList = z.array(scannedCode).max(1000);

const lotLineSchema = z.strictObject({
  gtin: z.string().trim().regex(/^\d{8,14}$/, { message: 'field.gtin_format' }),
  lot: z.string().trim().min(1, { message: 'field.required' }).max(20),
  quantity: z.number().int().min(1).max(10_000_000),
});

export const aggregateBodySchema = z.strictObject({
  premisesId: z.uuid(),
  /** The container scanned; leave it out when packing to have the platform make one. */
  parent: scannedCode.nullish(),
  children: codeList,
  action: z.enum(['ADD', 'DELETE']).default('ADD'),
});

export const shipBodySchema = z.strictObject({
  premisesId: z.uuid(),
  to: z.strictObject({ enterpriseId: z.uuid(), premisesId: z.uuid() }),
  items: codeList.optional(),
  lots: z.array(lotLineSchema).max(200).optional(),
  reference: z.string().trim().max(100).nullish(),
});

export const receiveBodySchema = z.strictObject({
  shipmentEventId: z.string().trim().min(1).max(300),
  premisesId: z.uuid(),
  accept: z.union([z.literal('all'), z.strictObject({ items: codeList.optional(), lots: z.array(lotLineSchema).max(200).optional() })]).default('all'),
});

const captureResultSchema = z.object({
  captureId: z.uuid(),
  status: z.enum(['done', 'failed']),
  eventCount: z.number().int(),
  captured: z.number().int(),
  errors: z.array(z.object({ eventIndex: z.number().int().nullable(), path: z.string(), code: z.string(), message: z.string() })),
});

export const operationResultSchema = z
  .object({
    /** The eventID of the captured event. */
    eventId: z.string(),
    /** Packing: the container (scanned, or made by the platform: `urn:shian:pack:…`, to print as a label). */
    parentId: z.string().optional(),
    /** Shipping and receiving: the shipment's desadv (`urn:shian:desadv:…`). */
    desadv: z.string().optional(),
    capture: captureResultSchema,
  })
  .meta({ id: 'TraceOperationResult' });

export function presentOperation(result: OperationResult & { parentId?: string; desadv?: string }): z.infer<typeof operationResultSchema> {
  return {
    eventId: result.eventId,
    ...(result.parentId ? { parentId: result.parentId } : {}),
    ...(result.desadv ? { desadv: result.desadv } : {}),
    capture: result.capture,
  };
}

const lotSchema = z.object({ epcClass: z.string(), gtin: z.string().nullable(), lot: z.string().nullable(), quantity: z.number(), uom: z.string() });

export const inboundShipmentSchema = z
  .object({
    eventId: z.string(),
    shipmentKey: z.string(),
    eventTime: z.string(),
    sender: z.object({ enterpriseId: z.string().nullable(), name: z.string() }),
    fromLocation: z.string().nullable(),
    to: z.object({ locationId: z.string().nullable(), premisesId: z.string().nullable(), premisesName: z.string().nullable() }),
    items: z.array(z.string()),
    lots: z.array(lotSchema),
    reference: z.string().nullable(),
  })
  .meta({ id: 'InboundShipment' });

export function presentInbound(s: InboundShipment): z.infer<typeof inboundShipmentSchema> {
  return {
    ...s,
    eventTime: s.eventTime.toISOString(),
    lots: s.lots.map((l) => {
      const c = canonicalEpc(l.epcClass);
      return { ...l, gtin: c.gtin, lot: c.lot };
    }),
  };
}

export const tradingPartnerSchema = z
  .object({
    id: z.uuid(),
    uscc: z.string(),
    name: z.string(),
    jurisdictionCode: z.string(),
    premises: z.array(z.object({ id: z.uuid(), name: z.string(), address: z.string(), kind: z.string(), gln: z.string().nullable(), locationId: z.string() })),
  })
  .meta({ id: 'TradingPartner' });

export const presentPartner = (p: TradingPartner): z.infer<typeof tradingPartnerSchema> => p;

export const lotStockSchema = z
  .object({ epcClass: z.string(), gtin: z.string(), lot: z.string(), available: z.number(), productName: z.string().nullable() })
  .meta({ id: 'LotStock' });

export const presentLotStock = (l: LotStockLine): z.infer<typeof lotStockSchema> => l;
