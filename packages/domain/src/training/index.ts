export * from './question-types.ts';
export { QUESTION_BANK, QUESTION_BANK_VERSION, findQuestion } from './question-bank.ts';
export * from './exam.ts';
export * from './training-rules.ts';
export * from './training-schemas.ts';
