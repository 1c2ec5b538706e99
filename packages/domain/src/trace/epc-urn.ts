/**
 * EPC pure-identity URNs of the GS1 EPC Tag Data Standard (TDS), as RFID readers and EPCIS partners send
 * them, read into GS1 keys (GTIN-14, SSCC-18, GLN-13) with the check digit the URN leaves out.
 */
import { decodePercent, isX20, withCheckDigit } from './gs1-values.ts';

/**
 * An EPC URN read into GS1 keys: `sgtin` an item (GTIN + serial), `lgtin` a lot class (GTIN + lot), `gtin`
 * a GTIN class (the `idpat` pattern with `*` serial), `sscc` a logistic unit, `sgln` a location (GLN with
 * its extension, or null for the extension `0`).
 */
export type EpcUrnIdentity =
  | { scheme: 'sgtin'; gtin: string; serial: string }
  | { scheme: 'lgtin'; gtin: string; lot: string }
  | { scheme: 'gtin'; gtin: string }
  | { scheme: 'sscc'; sscc: string }
  | { scheme: 'sgln'; gln: string; extension: string | null };

/** `urn:epc:{form}:{company prefix}.{reference}[.{rest}]`; the company prefix has 6 to 12 digits. */
const EPC_URN = /^urn:epc:(id:sgtin|class:lgtin|idpat:sgtin|id:sscc|id:sgln):(\d{6,12})\.(\d+)(?:\.(.*))?$/i;

/** The GTIN-14 of `urn:epc:…:sgtin:{cp}.{indicator + item ref}`: indicator, prefix, item ref, check digit. */
function gtinOf(companyPrefix: string, reference: string): string | null {
  if (companyPrefix.length + reference.length !== 13) return null;
  return withCheckDigit(reference.charAt(0) + companyPrefix + reference.slice(1));
}

/** A serial, lot or extension as written in a URN: TDS escapes `"%&/<>?` as `%XX`. */
function x20(encoded: string | undefined): string | null {
  const value = encoded === undefined ? null : decodePercent(encoded);
  return value !== null && isX20(value) ? value : null;
}

/**
 * Reads the EPC URNs traceability accepts, or returns null for anything else (another scheme, wrong digit
 * counts, a serial or lot outside the GS1 AI 82 set or longer than 20):
 * - `urn:epc:id:sgtin:{CompanyPrefix}.{Indicator+ItemRef}.{Serial}` → GTIN-14 = indicator + company prefix +
 *   item ref + check digit (`urn:epc:id:sgtin:0614141.812345.6789` → GTIN 80614141123458, serial 6789);
 * - `urn:epc:class:lgtin:{CompanyPrefix}.{Indicator+ItemRef}.{Lot}`;
 * - `urn:epc:idpat:sgtin:{CompanyPrefix}.{Indicator+ItemRef}.*`;
 * - `urn:epc:id:sscc:{CompanyPrefix}.{Extension+SerialRef}` → SSCC-18 = extension digit + company prefix +
 *   serial ref + check digit;
 * - `urn:epc:id:sgln:{CompanyPrefix}.{LocationRef}.{Extension}` → GLN-13 = company prefix + location ref +
 *   check digit; extension `0` means none.
 * The `urn:epc:` prefix and form are matched without regard to case; serials and lots are case-sensitive.
 */
export function parseEpcUrn(urn: string): EpcUrnIdentity | null {
  const match = EPC_URN.exec(urn);
  if (match === null) return null;
  const [, form = '', companyPrefix = '', reference = '', rest] = match;
  switch (form.toLowerCase()) {
    case 'id:sgtin': {
      const gtin = gtinOf(companyPrefix, reference);
      const serial = x20(rest);
      return gtin === null || serial === null ? null : { scheme: 'sgtin', gtin, serial };
    }
    case 'class:lgtin': {
      const gtin = gtinOf(companyPrefix, reference);
      const lot = x20(rest);
      return gtin === null || lot === null ? null : { scheme: 'lgtin', gtin, lot };
    }
    case 'idpat:sgtin': {
      const gtin = gtinOf(companyPrefix, reference);
      return gtin === null || rest !== '*' ? null : { scheme: 'gtin', gtin };
    }
    case 'id:sscc': {
      if (rest !== undefined || companyPrefix.length + reference.length !== 17) return null;
      return { scheme: 'sscc', sscc: withCheckDigit(reference.charAt(0) + companyPrefix + reference.slice(1)) };
    }
    default: {
      // id:sgln
      if (companyPrefix.length + reference.length !== 12) return null;
      const extension = rest === '0' ? null : x20(rest);
      if (rest !== '0' && extension === null) return null;
      return { scheme: 'sgln', gln: withCheckDigit(companyPrefix + reference), extension };
    }
  }
}
