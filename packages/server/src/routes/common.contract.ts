import { z } from 'zod';

/** Shapes shared by many routes. */
export const errorBodySchema = z
  .object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })),
    requestId: z.string(),
    data: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'ErrorBody' });

export const idParamsSchema = z.strictObject({ id: z.uuid() });

export const pageQuery = {
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
};

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable(), total: z.number().int(), totalIsEstimate: z.boolean() });
}

/** The error responses every authenticated route may give, for the OpenAPI document. */
export const commonErrors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema, 422: errorBodySchema };

/** A Shanghai division code (district or street, GB/T 2260 + street digits), with a message a person can read. */
export const jurisdictionCodeSchema = z.string().regex(/^31\d{4}(\d{3})?$/, { message: 'field.jurisdiction_unknown' });

/** A KPI of the work plans (`Kpi` of the domain): counts, rate, target, whether met, and the target's source. */
export const kpiSchema = z.object({ numerator: z.number().int(), denominator: z.number().int(), rate: z.number(), target: z.number(), met: z.boolean(), basis: z.string() }).meta({ id: 'Kpi' });
