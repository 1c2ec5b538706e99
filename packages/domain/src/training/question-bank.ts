import { DUTIES_QUESTIONS } from './question-bank-duties.ts';
import { LABEL_QUESTIONS } from './question-bank-labels.ts';
import { SAMPLING_QUESTIONS } from './question-bank-sampling.ts';
import { SUPERVISION_QUESTIONS } from './question-bank-supervision.ts';
import type { Question } from './question-types.ts';

/**
 * The question bank (题库) of the spot-check exams, versioned: an exam session records the version it drew
 * from, and question ids never change once released (a corrected question gets a new id).
 */
export const QUESTION_BANK_VERSION = 'shian-question-bank/1';

export const QUESTION_BANK: readonly Question[] = [...DUTIES_QUESTIONS, ...LABEL_QUESTIONS, ...SAMPLING_QUESTIONS, ...SUPERVISION_QUESTIONS];

const BY_ID = new Map(QUESTION_BANK.map((q) => [q.id, q]));

export function findQuestion(id: string): Question | undefined {
  return BY_ID.get(id);
}
