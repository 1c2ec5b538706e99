import epcisSchema from '../standard/EPCIS-JSON-Schema.json' with { type: 'json' };

/**
 * The closed vocabularies the query interface (查询) checks values against, read from the standard's own JSON
 * schema (the copy in `../standard/`) rather than typed out again: CBV 2.0 business steps (业务步骤),
 * dispositions (状态), error reasons, and the GS1 Web Vocabulary's measurement types for sensor data.
 */

/** The five standard event types; the platform stores no extension types. */
export const EVENT_TYPES = ['ObjectEvent', 'AggregationEvent', 'TransactionEvent', 'TransformationEvent', 'AssociationEvent'] as const;

/** The definitions of the schema whose second `anyOf` branch is the bare-word enum. */
type VocabularyDefinition = 'bizStep' | 'disposition' | 'error-reason' | 'measurementType';

/** The bare words of one vocabulary, as the schema lists them. */
function wordsOf(name: VocabularyDefinition): readonly string[] {
  // The schema file is JSON: each of these definitions is `{anyOf: [{$ref: <custom URI>}, {enum: [...]}]}`.
  const definition = (epcisSchema.definitions as Record<string, { anyOf?: { enum?: string[] }[] }>)[name];
  const words = definition?.anyOf?.flatMap((branch) => branch.enum ?? []) ?? [];
  if (words.length === 0) throw new Error(`the EPCIS schema has no word list for ${name}`);
  return words;
}

/** A CBV vocabulary: its bare words and the prefixes of the URI forms that name the same words. */
export interface CbvVocabulary {
  words: ReadonlySet<string>;
  /** `https://ref.gs1.org/cbv/BizStep-` (Web URI) and `urn:epcglobal:cbv:bizstep:` (the URN of EPCIS 1.x). */
  prefixes: readonly string[];
}

const cbv = (name: VocabularyDefinition, webName: string, urnName: string): CbvVocabulary => ({
  words: new Set(wordsOf(name)),
  prefixes: [`https://ref.gs1.org/cbv/${webName}-`, `http://ref.gs1.org/cbv/${webName}-`, `cbv:${webName}-`, `urn:epcglobal:cbv:${urnName}:`],
});

/** Business steps (业务步骤): `shipping`, `receiving`, … */
export const BIZ_STEPS: CbvVocabulary = cbv('bizStep', 'BizStep', 'bizstep');
/** Dispositions (状态): `active`, `recalled`, … */
export const DISPOSITIONS: CbvVocabulary = cbv('disposition', 'Disp', 'disp');
/** Why an event was declared wrong: `did_not_occur`, `incorrect_data`. */
export const ERROR_REASONS: CbvVocabulary = cbv('error-reason', 'ER', 'er');

/** Measurement types (`Temperature`), also written `gs1:Temperature` or `https://gs1.org/voc/Temperature`. */
export const MEASUREMENT_TYPES: CbvVocabulary = {
  words: new Set(wordsOf('measurementType')),
  prefixes: ['https://gs1.org/voc/', 'http://gs1.org/voc/', 'https://www.gs1.org/voc/', 'gs1:'],
};
