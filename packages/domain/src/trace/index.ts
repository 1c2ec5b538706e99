/**
 * Traceability (追溯) identifiers: GS1 Digital Link URIs, GS1 dates, EPC URNs, the canonical identifier
 * capture compares, and serial numbers for one-item-one-code (一物一码) labels. Pure: no I/O.
 */
export type {
  DigitalLinkProblem,
  DigitalLinkResult,
  Gs1Attributes,
  Gs1GlnIdentifier,
  Gs1GtinIdentifier,
  Gs1Identifier,
  Gs1IdentifierInput,
  Gs1SsccIdentifier,
} from './types.ts';
export { buildDigitalLink, parseDigitalLink } from './digital-link.ts';
export { decodeGs1Date, encodeGs1Date, gs1FullYear } from './gs1-dates.ts';
export { parseEpcUrn } from './epc-urn.ts';
export type { EpcUrnIdentity } from './epc-urn.ts';
export {
  GS1_CANONICAL_HOST,
  canonicalEpc,
  canonicalGln,
  canonicalGtin,
  canonicalItem,
  canonicalLotClass,
  canonicalSscc,
} from './canonical-epc.ts';
export type { CanonicalEpc, EpcKind } from './canonical-epc.ts';
export { SERIAL_ALPHABET, SERIAL_ENTROPY_BITS, SERIAL_LENGTH, makeSerialGenerator, serialFromBytes } from './serials.ts';
export { COPY_RULES, clientNetwork, copyRuleFires, minScansForCopyRules } from './scan-rules.ts';
export type { CopyMeasure, CopyRule, ScanWindowCounts } from './scan-rules.ts';
export type * from './trace-shapes.ts';
