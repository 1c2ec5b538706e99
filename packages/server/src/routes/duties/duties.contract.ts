import { z } from 'zod';
import type { HazardRow, RiskItemRow } from '@shian/core';
import { DUTY_FREQUENCIES, type DutyHazard, type DutyRiskItem } from '@shian/domain';
import { kpiSchema } from '../common.contract.ts';

/**
 * Shapes of the duties API (主体责任): an enterprise's overview (appointments, risk-control list, daily
 * checks, hazards, weekly reports, monthly minutes, rates), the district KPIs and the producers without a
 * director. Request bodies are the domain's schemas (`@shian/domain` duties/schemas.ts).
 */

const localised = z.object({ 'zh-CN': z.string(), 'en-US': z.string() });
const rateSchema = z.object({ numerator: z.number().int(), denominator: z.number().int(), rate: z.number(), missing: z.array(z.string()) });

export const riskItemSchema = z
  .object({
    id: z.uuid(),
    templateKey: z.string().nullable(),
    area: z.string(),
    hazard: z.string(),
    control: z.string(),
    frequency: z.enum(DUTY_FREQUENCIES),
    retiredOn: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'DutyRiskItem' });

export const hazardSchema = z
  .object({
    id: z.uuid(),
    foundOn: z.string(),
    riskItemId: z.uuid().nullable(),
    riskItemArea: z.string().nullable(),
    description: z.string(),
    ownerName: z.string(),
    dueOn: z.string(),
    standing: z.enum(['open', 'escalated', 'fixed']),
    fixNote: z.string().nullable(),
    fixedOn: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'DutyHazard' });

const dailyCheckSchema = z.object({
  id: z.uuid(),
  checkDate: z.string(),
  outcome: z.enum(['no_problem', 'problems']),
  note: z.string().nullable(),
  checkedByName: z.string(),
  amendments: z.number().int(),
  hazardCount: z.number().int(),
  recordedAt: z.string(),
});

export const dutyOverviewSchema = z
  .object({
    enterprise: z.object({ id: z.uuid(), name: z.string(), jurisdictionCode: z.string(), kinds: z.array(z.string()) }),
    asOf: z.string(),
    missingDirector: z.boolean(),
    appointments: z.array(
      z.object({
        personId: z.uuid(),
        name: z.string(),
        role: z.enum(['food_safety_director', 'food_safety_officer']),
        phone: z.string().nullable(),
        appointedOn: z.string(),
        endedOn: z.string().nullable(),
        current: z.boolean(),
        version: z.number().int(),
      }),
    ),
    list: z.object({ templateId: z.string(), templateName: localised.nullable(), startedOn: z.string(), source: z.string().nullable() }).nullable(),
    suggestedTemplateId: z.string(),
    riskItems: z.array(riskItemSchema),
    today: dailyCheckSchema.nullable(),
    recentChecks: z.array(dailyCheckSchema),
    hazards: z.array(hazardSchema),
    weeklyReports: z.array(
      z.object({ id: z.uuid(), week: z.string(), weekStart: z.string(), summary: z.string(), hazardsFound: z.number().int(), hazardsFixed: z.number().int(), signedByName: z.string(), updatedAt: z.string() }),
    ),
    monthlyMinutes: z.array(
      z.object({ id: z.uuid(), month: z.string(), meetingOn: z.string(), attendees: z.array(z.string()), decisions: z.string(), nextFocus: z.string(), updatedAt: z.string() }),
    ),
    rates: z.object({ daily: rateSchema, weekly: rateSchema, monthly: rateSchema }).nullable(),
  })
  .meta({ id: 'DutyOverview' });

export const dutyTemplatesSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      version: z.number().int(),
      name: localised,
      source: z.string(),
      confirmed: z.boolean(),
      items: z.array(z.object({ key: z.string(), area: z.string(), hazard: z.string(), control: z.string(), frequency: z.enum(DUTY_FREQUENCIES) })),
    }),
  ),
});

const kpiSet = z.object({ daily: kpiSchema, weekly: kpiSchema, monthly: kpiSchema });

export const dutyKpisSchema = z
  .object({
    jurisdictionCode: z.string(),
    asOf: z.string(),
    ruleSetId: z.string(),
    total: kpiSet,
    districts: z.array(kpiSet.extend({ districtCode: z.string(), nameZh: z.string(), nameEn: z.string(), enterprises: z.number().int() })),
    lowest: z.array(
      z.object({
        enterpriseId: z.uuid(),
        name: z.string(),
        jurisdictionCode: z.string(),
        startedOn: z.string(),
        daily: z.number(),
        weekly: z.number(),
        monthly: z.number(),
        missingDays: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'DutyKpis' });

export const producersWithoutDirectorSchema = z.object({
  items: z.array(z.object({ enterpriseId: z.uuid(), name: z.string(), uscc: z.string(), jurisdictionCode: z.string(), lastDirectorEndedOn: z.string().nullable() })),
});

export const dailyCheckResultSchema = z.object({ check: dailyCheckSchema, hazards: z.array(hazardSchema) }).meta({ id: 'DutyDailyCheckResult' });

export function presentRiskItem(row: RiskItemRow): DutyRiskItem {
  return { id: row.id, templateKey: row.templateKey, area: row.area, hazard: row.hazard, control: row.control, frequency: row.frequency, retiredOn: row.retiredOn, version: row.version };
}

export function presentHazard(row: HazardRow, standing: DutyHazard['standing']): DutyHazard {
  return {
    id: row.id,
    foundOn: row.foundOn,
    riskItemId: row.riskItemId,
    riskItemArea: null,
    description: row.description,
    ownerName: row.ownerName,
    dueOn: row.dueOn,
    standing,
    fixNote: row.fixNote,
    fixedOn: row.fixedOn,
    version: row.version,
  };
}
