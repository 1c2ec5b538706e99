import { z } from 'zod';
import { validateGtin } from '@shian/domain';
import { kpiSchema } from '../common.contract.ts';

/** Shapes of the trace API (追溯查询): a lot's forward and backward trace, its spreadsheet, the KPIs. */

/** A GTIN-8/12/13/14 with a right check digit. */
export const gtinSchema = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const result = validateGtin(value);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: result.problem === 'format' ? 'field.gtin_format' : 'field.gtin_check_digit', params: { value } });
  });

/** The GS1 AI 82 character set, 1–20 characters: lots (AI 10) and serials (AI 21). */
const AI82 = /^[!"%-?A-Z_a-z]{1,20}$/;
export const lotSchema = z.string().trim().regex(AI82, { message: 'field.trace_lot_format' });
export const serialSchema = z.string().trim().regex(AI82, { message: 'field.trace_serial_format' });

const district = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() });
const enterprise = z.object({ id: z.uuid(), name: z.string(), uscc: z.string(), jurisdictionCode: z.string(), district: district.nullable() }).meta({ id: 'TraceEnterprise' });
const location = z.object({ id: z.string(), premisesId: z.uuid().nullable(), name: z.string().nullable() });
const lotRef = z.object({ classKey: z.string().nullable(), gtin: z.string().nullable(), lot: z.string().nullable(), productName: z.string().nullable() });
const lotCount = lotRef.extend({ items: z.number().int() });
const quantity = lotRef.extend({ uom: z.string().nullable(), quantity: z.number() });

export const lotTraceSchema = z
  .object({
    subject: z.object({
      gtin: z.string(),
      lot: z.string().nullable(),
      serials: z.array(z.string()),
      classKey: z.string().nullable(),
      product: z.object({ id: z.uuid(), name: z.string() }).nullable(),
      maker: enterprise.nullable(),
    }),
    computedAt: z.string(),
    truncated: z.boolean(),
    levels: z.number().int(),
    trackedIds: z.number().int(),
    items: z.number().int(),
    timeline: z.object({ events: z.number().int(), firstAt: z.string().nullable(), lastAt: z.string().nullable(), byStep: z.record(z.string(), z.number().int()) }),
    downstream: z.array(
      z.object({
        enterprise: enterprise.nullable(),
        location: location.nullable(),
        basis: z.enum(['receiving', 'shipping']),
        items: z.number().int(),
        lots: z.array(lotCount),
        quantities: z.array(quantity),
        firstAt: z.string(),
        lastAt: z.string(),
        eventCount: z.number().int(),
      }),
    ),
    outputs: z.array(
      z.object({
        eventId: z.string(),
        eventTime: z.string(),
        enterprise: enterprise.nullable(),
        location: location.nullable(),
        inputItems: z.number().int(),
        inputQuantities: z.array(quantity),
        lots: z.array(lotCount),
        quantities: z.array(quantity),
        followed: z.boolean(),
      }),
    ),
    inputs: z.array(
      z.object({
        depth: z.number().int(),
        eventId: z.string(),
        eventTime: z.string(),
        transformer: enterprise.nullable(),
        location: location.nullable(),
        madeInto: lotRef,
        lot: lotRef,
        maker: enterprise.nullable(),
        items: z.number().int(),
        quantities: z.array(z.object({ uom: z.string().nullable(), quantity: z.number() })),
      }),
    ),
  })
  .meta({ id: 'LotTrace' });

export const lotParamsSchema = z.strictObject({ gtin: gtinSchema, lot: lotSchema });

const kpiSet = z.object({ coverage: kpiSchema, upload: kpiSchema, codeAssignment: kpiSchema });

export const traceKpisSchema = z
  .object({
    year: z.number().int(),
    jurisdictionCode: z.string(),
    ruleSetId: z.string(),
    total: kpiSet,
    districts: z.array(kpiSet.extend({ districtCode: z.string(), nameZh: z.string(), nameEn: z.string() })),
  })
  .meta({ id: 'TraceKpis' });
