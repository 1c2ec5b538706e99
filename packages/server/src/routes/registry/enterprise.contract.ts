import { z } from 'zod';
import { ENTERPRISE_KINDS, FLAG_CODES, PRODUCT_CATEGORIES } from '@shian/domain';
import { pageQuery, pageSchema, jurisdictionCodeSchema } from '../common.contract.ts';

export const enterpriseSchema = z
  .object({
    id: z.string(),
    uscc: z.string(),
    usccCheckFailed: z.boolean(),
    needsReview: z.boolean(),
    name: z.string(),
    legalRepresentative: z.string(),
    kinds: z.array(z.string()),
    jurisdictionCode: z.string(),
    jurisdictionName: z.string(),
    address: z.string(),
    phone: z.string().nullable(),
    status: z.string(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Enterprise' });

export const flagSchema = z.object({ code: z.string(), message: z.string() });

export const enterpriseListItemSchema = enterpriseSchema
  .extend({ licenceCount: z.number().int(), productCount: z.number().int(), flags: z.array(z.string()) })
  .meta({ id: 'EnterpriseListItem' });

export const enterpriseListQuerySchema = z.strictObject({
  q: z.string().trim().max(100).optional(),
  district: jurisdictionCodeSchema.optional(),
  kind: z.enum(ENTERPRISE_KINDS).optional(),
  category: z.union([z.enum(PRODUCT_CATEGORIES), z.string().regex(/^[12]\d{2}$/)]).optional(),
  flag: z.enum(FLAG_CODES).optional(),
  ...pageQuery,
});

export const enterprisePageSchema = pageSchema(enterpriseListItemSchema);

export const premisesSchema = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  kind: z.string(),
  /** GS1 global location number (全球位置码), when the premises has one. */
  gln: z.string().nullable(),
  jurisdictionCode: z.string(),
  jurisdictionName: z.string(),
});

export const licenceSchema = z
  .object({
    id: z.string(),
    enterpriseId: z.string(),
    number: z.string(),
    kind: z.enum(['SC', 'JY']),
    categories: z.array(z.string()),
    categoryNames: z.array(z.string()),
    issuingAuthority: z.string(),
    issuedOn: z.string(),
    validUntil: z.string(),
    status: z.string(),
    expiresInDays: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'Licence' });

export const productSchema = z
  .object({
    id: z.string(),
    enterpriseId: z.string(),
    licenceId: z.string().nullable(),
    name: z.string(),
    category: z.string(),
    registrationNumber: z.string(),
    registrationKind: z.string(),
    legacy: z.boolean(),
    functions: z.array(z.string()),
    gtins: z.array(z.string()),
    specification: z.string().nullable(),
    status: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'Product' });

export const personSchema = z
  .object({
    id: z.string(),
    enterpriseId: z.string(),
    name: z.string(),
    role: z.string(),
    roleName: z.string(),
    appointedOn: z.string(),
    endedOn: z.string().nullable(),
    phone: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Person' });

export const dossierSchema = z
  .object({
    enterprise: enterpriseSchema,
    premises: z.array(premisesSchema),
    licences: z.array(licenceSchema),
    products: z.array(productSchema),
    people: z.array(personSchema),
    flags: z.array(flagSchema),
    abilities: z.array(z.string()),
  })
  .meta({ id: 'Dossier' });
