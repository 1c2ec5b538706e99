/**
 * Trace operations (追溯作业) for enterprises without a system of their own: pack, ship, receive from the
 * platform's pages, through the same capture as machine-sent EPCIS documents.
 */
export { aggregate, newPlatformContainerId, ship, type AggregateInput, type LotLine, type OperationResult, type ShipInput } from './operations-service.ts';
export { receive, type ReceiveInput } from './receive-shipment.ts';
export { INBOUND_LIMIT, listInboundShipments, type InboundShipment } from './inbound-shipments.ts';
export { listLotStock, type LotStockLine } from './lot-stock.ts';
export { PARTNER_LIMIT, searchTradingPartners, type TradingPartner } from './trading-partners.ts';
export { itemStates, lotBalances, type ItemState, type LotBalance } from './stock.ts';
export type { OperationOptions } from './operation-context.ts';
export {
  DESADV_PREFIX,
  PLATFORM_CONTAINER_PREFIX,
  aggregationEvent,
  epcisDocument,
  receivingEvent,
  shippingEvent,
  shanghaiTime,
  type JsonObject,
  type LotQuantity,
  type TransferContent,
} from './operation-documents.ts';
export { readScannedCode, type ScannedCode } from './scanned-codes.ts';
