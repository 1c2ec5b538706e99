import { z } from 'zod';
import { DUTY_FREQUENCIES } from './templates.ts';

/** Input schemas of the enterprise duties (主体责任). Custom messages are keys of `FIELD_MESSAGES`. */
const text = (max: number) => z.string().trim().min(1, { message: 'field.required' }).max(max);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'field.date_format' }).refine((v) => !Number.isNaN(Date.parse(v)), { message: 'field.date_format' });

export const riskItemCreateSchema = z.strictObject({
  area: text(50),
  hazard: text(300),
  control: text(300),
  frequency: z.enum(DUTY_FREQUENCIES),
});
export type RiskItemCreate = z.infer<typeof riskItemCreateSchema>;

/** Edit an item (send the version you edited); `retired: true` takes it off the list, kept for history. */
export const riskItemUpdateSchema = z.strictObject({
  version: z.number().int().positive(),
  area: text(50).optional(),
  hazard: text(300).optional(),
  control: text(300).optional(),
  frequency: z.enum(DUTY_FREQUENCIES).optional(),
  retired: z.boolean().optional(),
});
export type RiskItemUpdate = z.infer<typeof riskItemUpdateSchema>;

export const riskListStartSchema = z.strictObject({ templateId: text(60) });

/** One problem found in the daily check: it becomes a hazard (隐患) with an owner and a deadline. */
export const dailyProblemSchema = z.strictObject({
  riskItemId: z.uuid().nullish(),
  description: text(500),
  ownerName: text(50),
  dueOn: isoDate,
});

/** Today's check (日管控): no problems is the one-tap "未发现问题" and still a record (零风险). */
export const dailyCheckSchema = z.strictObject({
  problems: z.array(dailyProblemSchema).max(50).default([]),
  note: z.string().trim().max(500).nullish(),
});
export type DailyCheckInput = z.infer<typeof dailyCheckSchema>;

export const hazardCloseSchema = z.strictObject({ fixNote: text(500) });

export const weeklyReportSchema = z.strictObject({
  week: z.string().regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, { message: 'field.iso_week' }),
  summary: text(2000),
  /** The director who signs (签发): a current 食品安全总监 of the enterprise. */
  signedByPersonId: z.uuid(),
});
export type WeeklyReportInput = z.infer<typeof weeklyReportSchema>;

export const monthlyMinutesSchema = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'field.month' }),
  meetingOn: isoDate,
  attendees: z.array(text(50)).min(1, { message: 'field.required' }).max(30),
  decisions: text(2000),
  nextFocus: text(2000),
});
export type MonthlyMinutesInput = z.infer<typeof monthlyMinutesSchema>;
