import { canonicalEpc, canonicalLotClass } from '@shian/domain';
import { PLATFORM_CONTAINER_PREFIX } from './operation-documents.ts';

/**
 * What a user scans or types on the trace pages (扫码): the QR code of one item (a GS1 Digital Link with a
 * serial, or an SGTIN URN), the label of a case or pallet (an SSCC, as Digital Link or URN), or a container
 * label the platform printed (`urn:shian:pack:…`). Everything is compared in canonical form.
 */
export type ScannedCode =
  | { kind: 'item'; epc: string; gtin: string; serial: string }
  | { kind: 'container'; epc: string };

const PLATFORM_CONTAINER = /^urn:shian:pack:[0-9A-Za-z]{8,40}$/;

/** Symbology identifiers a scanner may put in front (`]C1` GS1-128, `]d2` GS1 DataMatrix, `]Q3` GS1 QR). */
const SYMBOLOGY = /^\](C1|d2|Q3|e0)/;
const GROUP_SEPARATOR = String.fromCharCode(0x1d);

/**
 * A GS1 element string as a barcode scanner types it (GS1-128 case labels, GS1 DataMatrix), written in the
 * Digital Link form: `(00)069012345000000011` or `00069012345000000011` → `/00/…`; `(01)…(21)…` or
 * `01{14 digits}21{serial}` (the serial last) → `/01/…/21/…`. Anything else as given.
 */
function fromElementString(text: string): string {
  const plain = text.replace(SYMBOLOGY, '');
  const bracketed = /^\(00\)(\d{18})$/.exec(plain) ?? /^00(\d{18})$/.exec(plain);
  if (bracketed?.[1]) return `/00/${bracketed[1]}`;
  const item = /^\(01\)(\d{14})(?:\(10\)([^()]{1,20}))?\(21\)([^()]{1,20})$/.exec(plain);
  if (item?.[1] && item[3]) return `/01/${item[1]}/21/${encodeURIComponent(item[3])}`;
  // A trailing GS (group separator, 0x1D) some scanners send after a variable-length value is dropped.
  const raw = /^01(\d{14})21([^()]{1,20})$/.exec(plain.endsWith(GROUP_SEPARATOR) ? plain.slice(0, -1) : plain);
  if (raw?.[1] && raw[2]) return `/01/${raw[1]}/21/${encodeURIComponent(raw[2])}`;
  return text;
}

/** Reads a scanned code, or null when it names no item or container (a GTIN without serial, a GLN, noise). */
export function readScannedCode(raw: string): ScannedCode | null {
  const text = raw.trim();
  if (PLATFORM_CONTAINER.test(text)) return { kind: 'container', epc: text };
  const c = canonicalEpc(/^https?:|^urn:/i.test(text) ? text : fromElementString(text));
  if (c.kind === 'sgtin' && c.gtin !== null && c.serial !== null) return { kind: 'item', epc: c.epc, gtin: c.gtin, serial: c.serial };
  if (c.kind === 'sscc') return { kind: 'container', epc: c.epc };
  return null;
}

/** True for an identifier of a platform container (`urn:shian:pack:…`). */
export const isPlatformContainer = (epc: string): boolean => epc.startsWith(PLATFORM_CONTAINER_PREFIX);

/** The canonical lot class of a GTIN and lot, or null when either is not valid GS1. */
export function lotClassOf(gtin: string, lot: string): string | null {
  try {
    return canonicalLotClass(gtin, lot);
  } catch {
    return null;
  }
}
