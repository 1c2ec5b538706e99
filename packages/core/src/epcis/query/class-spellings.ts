import type { ClassMatch } from './query-values.ts';

/**
 * The ways a class (a lot `…/01/{gtin}/10/{lot}` or a GTIN `…/01/{gtin}`) can be written in an event as it
 * was captured: the canonical Digital Link, a Digital Link on any host (GTIN-8/12/13 or 14, with or without a
 * CPV or a query string), and the EPC URNs (`urn:epc:class:lgtin:…`, `urn:epc:idpat:sgtin:…*`) for every
 * length of GS1 company prefix (the URN splits the GTIN where the prefix ends, which the GTIN alone does not
 * tell).
 *
 * Why: the stored row keeps every class the event touches in `any_classes` (canonical, GIN-indexed), but
 * not which role each came from (`quantityList` vs `inputQuantityList`…). The query narrows with the index
 * and then rechecks the role on the event document itself, whose quantity lists hold the classes as
 * captured; these spellings let that recheck run in SQL. Pure: no I/O.
 */
export interface ClassSpellings {
  /** Exact strings. */
  exact: string[];
  /** SQL `LIKE` patterns (`\` escapes). */
  like: string[];
}

/** Escapes `LIKE`'s wildcards and its escape character in a literal part. */
export const likeLiteral = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** GS1 company prefixes have 6 to 12 digits. */
const PREFIX_LENGTHS = [6, 7, 8, 9, 10, 11, 12];

/** The `{company prefix}.{indicator + item reference}` pairs a GTIN-14 can be written with in an EPC URN. */
export function urnGtinParts(gtin14: string): string[] {
  return PREFIX_LENGTHS.map((length) => `${gtin14.slice(1, 1 + length)}.${gtin14.charAt(0)}${gtin14.slice(1 + length, 13)}`);
}

/** The GTIN as a Digital Link may carry it: 14 digits, and shorter when the leading digits are zeros. */
function gtinForms(gtin14: string): string[] {
  const forms = [gtin14];
  if (gtin14.startsWith('0')) forms.push(gtin14.slice(1));
  if (gtin14.startsWith('00')) forms.push(gtin14.slice(2));
  if (gtin14.startsWith('000000')) forms.push(gtin14.slice(6));
  return forms;
}

/** A lot or serial as the EPC Tag Data Standard writes it in a URN: `"%&/<>?#` escaped as `%XX`. */
const tdsEscape = (value: string): string => value.replace(/["%&/<>?#]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

const unique = (values: string[]): string[] => [...new Set(values)];

/** Every spelling of a class for the recheck on the captured document. */
export function classSpellings(match: ClassMatch): ClassSpellings {
  if (match.gtin === null) return { exact: [match.uri], like: [] };
  const parts = urnGtinParts(match.gtin);
  if (match.lot !== null) {
    const lots = unique([encodeURIComponent(match.lot), match.lot]);
    return {
      exact: unique([match.uri, ...parts.flatMap((part) => unique([match.lot ?? '', tdsEscape(match.lot ?? '')]).map((lot) => `urn:epc:class:lgtin:${part}.${lot}`))]),
      like: unique(
        gtinForms(match.gtin).flatMap((gtin) =>
          lots.flatMap((lot) => {
            const tail = `/10/${likeLiteral(lot)}`;
            return [`%/01/${gtin}${tail}`, `%/01/${gtin}${tail}?%`, `%/01/${gtin}/22/%${tail}`, `%/01/${gtin}/22/%${tail}?%`];
          }),
        ),
      ),
    };
  }
  return {
    exact: [match.uri, ...parts.map((part) => `urn:epc:idpat:sgtin:${part}.*`)],
    like: [...parts.map((part) => `urn:epc:class:lgtin:${part}.%`), ...gtinForms(match.gtin).flatMap((gtin) => [`%/01/${gtin}`, `%/01/${gtin}?%`, `%/01/${gtin}/%`])],
  };
}
