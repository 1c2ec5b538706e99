import { z } from 'zod';
import { computeGtinCheckDigit, validateGtin } from '../identifiers/gtin.ts';
import { parseLicenceNumber } from '../identifiers/licence-number.ts';
import { normaliseIdentifier } from '../identifiers/normalise.ts';
import { parseProductNumber } from '../identifiers/product-number.ts';
import { validateUscc } from '../identifiers/uscc.ts';
import { functionProblems, numberFitsCategory } from './product-rules.ts';
import {
  ENTERPRISE_KINDS,
  ENTERPRISE_STATUSES,
  LICENCE_KINDS,
  LICENCE_STATUSES,
  PERSON_ROLES,
  PREMISES_KINDS,
  PRODUCT_CATEGORIES,
} from './vocabulary.ts';

/**
 * Input schemas of the registry (一企一档). The same schemas validate API bodies, import rows and web forms.
 * Custom messages are keys of `FIELD_MESSAGES`, translated per user; everything else uses Zod's own locale.
 */
const text = (max: number) => z.string().trim().min(1, { message: 'field.required' }).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((v) => (v ? v : null));
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'field.date_format' }).refine((v) => !Number.isNaN(Date.parse(v)), {
  message: 'field.date_format',
});
const identifier = z.string().transform(normaliseIdentifier);

/**
 * Lets an object's cross-field refinement run although other fields failed, as long as the fields it
 * reads are themselves valid: the user then sees every problem in one answer.
 */
function whenFieldsParsed(fields: readonly string[]) {
  return (payload: { issues: readonly { path?: readonly PropertyKey[] | undefined }[] }): boolean =>
    !payload.issues.some((issue) => fields.includes(String(issue.path?.[0])));
}

export const jurisdictionCodeSchema = z.string().regex(/^31\d{4}(\d{3})?$/, { message: 'field.jurisdiction_unknown' });

export const usccSchema = identifier.refine((v) => validateUscc(v).problem !== 'format', { message: 'field.uscc_format' });

export const phoneSchema = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,30}$/, { message: 'field.phone_format' })
  .nullish()
  .transform((v) => v ?? null);

export const enterpriseCreateSchema = z.strictObject({
  uscc: usccSchema,
  /** Set to save a code whose check character fails; the record is then flagged for review. */
  confirmUscc: z.boolean().optional(),
  name: text(200),
  legalRepresentative: text(50),
  kinds: z.array(z.enum(ENTERPRISE_KINDS)).min(1, { message: 'field.required' }),
  jurisdictionCode: jurisdictionCodeSchema,
  address: text(300),
  phone: phoneSchema,
});
export type EnterpriseCreate = z.infer<typeof enterpriseCreateSchema>;

export const enterpriseUpdateSchema = z.strictObject({
  version: z.number().int().positive(),
  name: text(200).optional(),
  legalRepresentative: text(50).optional(),
  kinds: z.array(z.enum(ENTERPRISE_KINDS)).min(1, { message: 'field.required' }).optional(),
  jurisdictionCode: jurisdictionCodeSchema.optional(),
  address: text(300).optional(),
  phone: phoneSchema.optional(),
  status: z.enum(ENTERPRISE_STATUSES).optional(),
});
export type EnterpriseUpdate = z.infer<typeof enterpriseUpdateSchema>;

/**
 * A GS1 global location number (GLN, 全球位置码): 13 digits ending in the GS1 mod-10 check digit (the GTIN
 * algorithm). Empty means none; it names the premises as an EPCIS location (`https://id.gs1.org/414/{gln}`).
 */
export const glnSchema = identifier
  .superRefine((v, issue) => {
    if (v === '') return;
    if (!/^\d{13}$/.test(v)) issue.addIssue({ code: 'custom', message: 'field.gln_format' });
    else if (computeGtinCheckDigit(v.slice(0, 12)) !== Number(v.slice(12))) issue.addIssue({ code: 'custom', message: 'field.gln_check_digit', params: { value: v } });
  })
  .nullish()
  .transform((v) => (v ? v : null));

export const premisesCreateSchema = z.strictObject({
  name: text(200),
  address: text(300),
  kind: z.enum(PREMISES_KINDS),
  jurisdictionCode: jurisdictionCodeSchema,
  gln: glnSchema.optional(),
});

/** An edit of a premises: its name, address, kind or GLN (its jurisdiction stays; move it by a new premises). */
export const premisesUpdateSchema = z.strictObject({
  name: text(200).optional(),
  address: text(300).optional(),
  kind: z.enum(PREMISES_KINDS).optional(),
  gln: glnSchema.optional(),
});
export type PremisesUpdate = z.infer<typeof premisesUpdateSchema>;

const licenceNumberSchema = identifier.refine((v) => parseLicenceNumber(v).ok, { message: 'field.licence_format' });

const licenceFields = {
  number: licenceNumberSchema,
  categories: z.array(z.string().regex(/^\d{3}$/)).default([]),
  issuingAuthority: text(100),
  issuedOn: isoDate,
  validUntil: isoDate.optional(),
  premisesId: z.uuid().nullish(),
  status: z.enum(LICENCE_STATUSES).optional(),
};

export const licenceCreateSchema = z
  .strictObject({ ...licenceFields, kind: z.enum(LICENCE_KINDS).optional() })
  .superRefine((value, issue) => {
    if (value.kind && !value.number.startsWith(value.kind)) {
      issue.addIssue({ code: 'custom', path: ['kind'], message: 'field.licence_kind_mismatch' });
    }
    if (value.validUntil && value.validUntil <= value.issuedOn) {
      issue.addIssue({ code: 'custom', path: ['validUntil'], message: 'field.date_order' });
    }
  });
export type LicenceCreate = z.infer<typeof licenceCreateSchema>;

export const licenceUpdateSchema = z.strictObject({
  version: z.number().int().positive(),
  categories: licenceFields.categories.optional(),
  issuingAuthority: licenceFields.issuingAuthority.optional(),
  issuedOn: isoDate.optional(),
  validUntil: isoDate.optional(),
  status: z.enum(LICENCE_STATUSES).optional(),
});
export type LicenceUpdate = z.infer<typeof licenceUpdateSchema>;

const gtinSchema = identifier.superRefine((v, issue) => {
  const result = validateGtin(v);
  if (!result.ok) {
    issue.addIssue({ code: 'custom', message: result.problem === 'format' ? 'field.gtin_format' : 'field.gtin_check_digit', params: { value: v } });
  }
});

const productFields = {
  name: text(200),
  category: z.enum(PRODUCT_CATEGORIES),
  registrationNumber: identifier.refine((v) => parseProductNumber(v).ok, { message: 'field.product_number_format' }),
  functions: z.array(z.string().trim().min(1)).max(10).default([]),
  gtins: z.array(gtinSchema).max(50).default([]),
  specification: optionalText(200),
  licenceId: z.uuid().nullish(),
};

// Cross-field rules run with the field checks (`when` lets them run on partly invalid input), so one
// answer lists every problem: a number of the wrong kind for the category, a claim not permitted.
export const productCreateSchema = z.strictObject(productFields).superRefine((value, issue) => {
  if (parseProductNumber(value.registrationNumber).ok && !numberFitsCategory(value.category, value.registrationNumber)) {
    issue.addIssue({ code: 'custom', path: ['registrationNumber'], message: 'field.product_number_category' });
  }
  for (const problem of functionProblems(value.category, value.functions)) {
    issue.addIssue({ code: 'custom', path: problem.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), message: problem.message });
  }
}, { when: whenFieldsParsed(['category', 'registrationNumber', 'functions']) });
export type ProductCreate = z.infer<typeof productCreateSchema>;

export const productUpdateSchema = z.strictObject({
  version: z.number().int().positive(),
  name: text(200).optional(),
  functions: productFields.functions.optional(),
  gtins: z.array(gtinSchema).max(50).optional(),
  specification: optionalText(200).optional(),
  licenceId: z.uuid().nullish(),
  status: z.enum(['active', 'discontinued', 'cancelled']).optional(),
});
export type ProductUpdate = z.infer<typeof productUpdateSchema>;

export const personCreateSchema = z
  .strictObject({
    name: text(50),
    role: z.enum(PERSON_ROLES),
    appointedOn: isoDate,
    endedOn: isoDate.nullish(),
    phone: phoneSchema,
  })
  .superRefine((value, issue) => {
    if (value.endedOn && value.endedOn < value.appointedOn) issue.addIssue({ code: 'custom', path: ['endedOn'], message: 'field.end_before_start' });
  }, { when: whenFieldsParsed(['appointedOn', 'endedOn']) });
export type PersonCreate = z.infer<typeof personCreateSchema>;

export const personUpdateSchema = z.strictObject({
  version: z.number().int().positive(),
  name: text(50).optional(),
  appointedOn: isoDate.optional(),
  endedOn: isoDate.nullish(),
  phone: phoneSchema.optional(),
});
export type PersonUpdate = z.infer<typeof personUpdateSchema>;
