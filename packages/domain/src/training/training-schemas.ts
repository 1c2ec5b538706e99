import { z } from 'zod';
import { jurisdictionCodeSchema } from '../registry/schemas.ts';

/** Inputs of training records and spot-check exams; field errors are message keys (`field.*`). */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'field.date_format' }).refine((v) => !Number.isNaN(Date.parse(v)), { message: 'field.date_format' });

export const ZTrainingRecordCreate = z.strictObject({
  personId: z.uuid({ message: 'field.required' }),
  course: z.string().trim().min(2, { message: 'field.required' }).max(200),
  provider: z.string().trim().max(200).nullish(),
  hours: z.number({ message: 'field.required' }).positive({ message: 'field.training_hours' }).max(100, { message: 'field.training_hours' }),
  attendedOn: isoDate,
});
export type TrainingRecordCreate = z.infer<typeof ZTrainingRecordCreate>;

export const ZExamSessionCreate = z
  .strictObject({
    title: z.string().trim().min(2, { message: 'field.required' }).max(200),
    jurisdictionCode: jurisdictionCodeSchema,
    /** Either named enterprises, or a share (per cent) of the jurisdiction's enterprises drawn at random. */
    enterpriseIds: z.array(z.uuid()).max(500).optional(),
    drawPercent: z.number().int().min(1, { message: 'field.exam_draw_percent' }).max(100, { message: 'field.exam_draw_percent' }).optional(),
    questionCount: z.number().int().min(5, { message: 'field.exam_question_count' }).max(60, { message: 'field.exam_question_count' }),
    timeLimitMinutes: z.number().int().min(5, { message: 'field.exam_time_limit' }).max(180, { message: 'field.exam_time_limit' }),
    passMark: z.number().int().min(1, { message: 'field.exam_pass_mark' }).max(100, { message: 'field.exam_pass_mark' }),
    maxAttempts: z.number().int().min(1, { message: 'field.exam_max_attempts' }).max(5, { message: 'field.exam_max_attempts' }),
    closesOn: isoDate,
  })
  .refine((v) => (v.enterpriseIds !== undefined && v.enterpriseIds.length > 0) !== (v.drawPercent !== undefined), {
    message: 'field.exam_targets',
    path: ['enterpriseIds'],
  });
export type ExamSessionCreate = z.infer<typeof ZExamSessionCreate>;

export const ZExamSubmit = z.strictObject({
  /** Question id → chosen option keys. */
  answers: z.record(z.string().max(40), z.array(z.string().max(2)).max(6)),
});
export type ExamSubmit = z.infer<typeof ZExamSubmit>;
