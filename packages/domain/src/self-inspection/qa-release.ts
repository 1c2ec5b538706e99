import { z } from 'zod';

/**
 * QA release records (出厂放行记录) of the quality authorised person (质量安全受权人): per lot, the tests done
 * and the decision. One decision per lot; a later correction is a new record that names the one it corrects.
 */
export const QA_RELEASE_DECISIONS = ['release', 'reject'] as const;
export type QaReleaseDecision = (typeof QA_RELEASE_DECISIONS)[number];
export const QA_TEST_CONCLUSIONS = ['pass', 'fail'] as const;

const text = (max: number) => z.string().trim().min(1, { message: 'field.required' }).max(max);
/** The GS1 AI 82 character set, 1–20 characters (the lot as it is printed and encoded). */
const lot = z.string().trim().regex(/^[!"%-?A-Z_a-z]{1,20}$/, { message: 'field.trace_lot_format' });

export const qaTestSchema = z.strictObject({
  /** 检验项目, e.g. 菌落总数. */
  name: text(100),
  /** 检验结果 as reported, e.g. "<10 CFU/g". */
  result: text(200),
  conclusion: z.enum(QA_TEST_CONCLUSIONS),
});
export type QaTest = z.infer<typeof qaTestSchema>;

export const qaReleaseCreateSchema = z
  .strictObject({
    productId: z.uuid(),
    lot,
    tests: z.array(qaTestSchema).min(1, { message: 'field.qa_release_no_tests' }).max(100),
    decision: z.enum(QA_RELEASE_DECISIONS),
    /** The quality authorised person (a person of the enterprise with that role). */
    personId: z.uuid(),
    decidedAt: z.iso.datetime({ offset: true }),
    note: z.string().trim().max(2000).default(''),
    /** The record this one corrects (更正); a reason is then required. */
    correctsId: z.uuid().nullish().transform((v) => v ?? null),
  })
  .superRefine((value, issue) => {
    if (value.decision === 'release' && value.tests.some((t) => t.conclusion === 'fail')) {
      issue.addIssue({ code: 'custom', path: ['decision'], message: 'field.qa_release_failed_test' });
    }
    if (value.correctsId && !value.note) issue.addIssue({ code: 'custom', path: ['note'], message: 'field.qa_release_correction_reason' });
  });
export type QaReleaseCreate = z.output<typeof qaReleaseCreateSchema>;
