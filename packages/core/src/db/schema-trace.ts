import type { Generated } from 'kysely';
import type { DateString, DefaultTimestamp, Json, Timestamp } from './schema.ts';

/** The traceability tables (migration 0003-trace): API keys, codes, scans, EPCIS captures and events, recalls. */

export interface ApiKeysTable {
  id: string;
  enterpriseId: string;
  jurisdictionCode: string;
  name: string;
  /** The first characters of the key, shown so a user can tell keys apart. */
  prefix: string;
  /** SHA-256 of the whole key (keys are 256-bit random, so a plain hash is enough). */
  keyHash: string;
  createdBy: string | null;
  createdAt: DefaultTimestamp;
  lastUsedAt: Timestamp | null;
  revokedAt: Timestamp | null;
}

export interface TraceCodeBatchesTable {
  id: string;
  number: string;
  enterpriseId: string;
  productId: string;
  jurisdictionCode: string;
  /** GTIN-14. */
  gtin: string;
  lot: string;
  productionDate: DateString;
  expiryDate: DateString;
  quantity: number;
  issued: Generated<number>;
  status: Generated<'queued' | 'issuing' | 'issued' | 'failed'>;
  jobId: number | null;
  requestedBy: string | null;
  createdAt: DefaultTimestamp;
  finishedAt: Timestamp | null;
}

export interface TraceCodesTable {
  gtin: string;
  serial: string;
  batchId: string;
  /** Position in the batch (1…quantity), the order of downloads and label sheets. */
  seq: number;
  scanCount: Generated<number>;
  firstScannedAt: Timestamp | null;
  lastScannedAt: Timestamp | null;
}

export interface TraceScansTable {
  gtin: string;
  serial: string;
  scannedAt: Timestamp;
  /** A salted hash of the client's network and browser: tells scanners apart without keeping who they are. */
  client: string;
  region: string | null;
}

export interface TraceAlertsTable {
  id: string;
  kind: 'possible_copy' | 'unknown_code';
  gtin: string;
  serial: string | null;
  lot: string | null;
  batchId: string | null;
  enterpriseId: string | null;
  jurisdictionCode: string;
  reason: Json;
  status: Generated<'open' | 'closed'>;
  createdAt: DefaultTimestamp;
  closedAt: Timestamp | null;
  closedBy: string | null;
}

export interface EpcisCapturesTable {
  /** The captureID of the standard's capture interface. */
  id: string;
  enterpriseId: string | null;
  jurisdictionCode: string;
  apiKeyId: string | null;
  userId: string | null;
  errorBehaviour: 'rollback' | 'proceed';
  /** The document as received: kept as evidence and so that an acknowledged capture survives a crash. */
  document: string;
  documentSha256: string;
  eventCount: number;
  capturedCount: Generated<number>;
  status: Generated<'queued' | 'running' | 'done' | 'failed'>;
  errors: Generated<Json>;
  jobId: number | null;
  createdAt: DefaultTimestamp;
  finishedAt: Timestamp | null;
}

export type EpcisEventType = 'ObjectEvent' | 'AggregationEvent' | 'TransactionEvent' | 'TransformationEvent' | 'AssociationEvent';

export interface EpcisEventsTable {
  id: Generated<number>;
  recordTime: Timestamp;
  eventTime: Timestamp;
  eventTimeZoneOffset: string;
  eventId: string;
  eventType: EpcisEventType;
  action: 'ADD' | 'OBSERVE' | 'DELETE' | null;
  /** CBV bare word (`shipping`) or the URI of a custom step. */
  bizStep: string | null;
  disposition: string | null;
  readPoint: string | null;
  bizLocation: string | null;
  transformationId: string | null;
  /** Set on an error declaration (`did_not_occur`, `incorrect_data`, or a URI): the copy that retracts an event. */
  errorReason: string | null;
  persistentSet: Generated<string[]>;
  persistentUnset: Generated<string[]>;
  /** Identifiers in canonical GS1 Digital Link form (`https://id.gs1.org/…`), per role. */
  epcList: Generated<string[]>;
  parentId: string | null;
  childEpcs: Generated<string[]>;
  inputEpcs: Generated<string[]>;
  outputEpcs: Generated<string[]>;
  /** Every identifier of every role, for the GIN index. */
  anyEpcs: Generated<string[]>;
  /** Every class (lot `…/01/g/10/l`, GTIN `…/01/g`) the event touches, by instance or quantity. */
  anyClasses: Generated<string[]>;
  /** Destination ids (parties and locations) of the destinationList. */
  destinations: Generated<string[]>;
  enterpriseId: string | null;
  jurisdictionCode: string;
  captureId: string;
  /** The event as captured, with its recordTime and eventID filled in. */
  doc: Json;
}

export interface RecallsTable {
  id: string;
  number: string;
  /** The maker. */
  enterpriseId: string;
  productId: string | null;
  jurisdictionCode: string;
  gtin: string;
  lot: string | null;
  serials: Generated<string[]>;
  /** 召回级别: 一级 / 二级 / 三级 (食品召回管理办法). */
  level: '1' | '2' | '3';
  reason: string;
  initiator: 'regulator' | 'maker';
  status: Generated<'open' | 'closed'>;
  /** The forward/backward trace computed when the recall was made (a snapshot). */
  trace: Json | null;
  traceJobId: number | null;
  createdBy: string | null;
  createdAt: DefaultTimestamp;
  closedAt: Timestamp | null;
  version: Generated<number>;
  updatedAt: DefaultTimestamp;
}

export interface RecallNoticesTable {
  id: string;
  recallId: string;
  /** The downstream enterprise that received items of the recalled lot. */
  enterpriseId: string;
  jurisdictionCode: string;
  locations: Generated<string[]>;
  quantity: number;
  uom: string | null;
  acknowledgedAt: Timestamp | null;
  acknowledgedBy: string | null;
  createdAt: DefaultTimestamp;
}

/** Where an identified object has been (migration 0007-trace-scan-reads): one row per object, premises and parent. */
export interface TraceEpcPlacesTable {
  epc: string;
  premisesId: string | null;
  parent: string | null;
  packedAt: Timestamp | null;
  firstSeen: Timestamp;
  lastSeen: Timestamp;
}
