import type { Question } from './question-types.ts';

/**
 * Drawing and scoring of a spot-check exam (抽查考核). Pure: the random source is passed in (the server uses
 * `Math.random`; tests a seeded one), so every attempt gets its own random draw in a random order.
 */

/** `count` distinct questions of `bank` in random order (partial Fisher–Yates); all of them when the bank is smaller. */
export function drawQuestions(bank: readonly Question[], count: number, random: () => number): Question[] {
  const pool = [...bank];
  const n = Math.min(count, pool.length);
  for (let i = 0; i < n; i += 1) {
    const j = i + Math.floor(random() * (pool.length - i));
    const picked = pool[j]!;
    pool[j] = pool[i]!;
    pool[i] = picked;
  }
  return pool.slice(0, n);
}

export interface ExamScore {
  correct: number;
  total: number;
  /** Per cent, rounded down (0–100). */
  score: number;
  passed: boolean;
}

/** An answer is right when it names exactly the correct keys (a multiple-choice question has no partial credit). */
export function isCorrect(question: Question, keys: readonly string[] | undefined): boolean {
  if (!keys) return false;
  const given = new Set(keys);
  return given.size === question.answer.length && question.answer.every((k) => given.has(k));
}

/** Scores answers (question id → chosen keys) against the drawn questions; unanswered questions are wrong. */
export function scoreExam(questions: readonly Question[], answers: Readonly<Record<string, readonly string[]>>, passMark: number): ExamScore {
  const correct = questions.filter((q) => isCorrect(q, answers[q.id])).length;
  const total = questions.length;
  const score = total === 0 ? 0 : Math.floor((correct * 100) / total);
  return { correct, total, score, passed: score >= passMark };
}
