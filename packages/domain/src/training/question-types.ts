import type { Localised } from '../i18n/locale.ts';

/**
 * A question of the question bank (题库) for the food-safety managers' spot-check exams (抽查考核). Every
 * question names its legal source and how sure that source is, in the tags of `reference/china-rules.md`:
 * `V` checked against the text, `S` secondary sources, `R` recalled (not used for questions).
 */
export type QuestionKind = 'single' | 'multiple' | 'true_false';

export interface QuestionOption {
  /** `A`…`E`; `T` / `F` for true-or-false questions. */
  key: string;
  text: Localised;
}

export interface Question {
  /** Stable id, `<topic>-<nn>`: answers are stored by it, so it never changes once released. */
  id: string;
  topic: QuestionTopic;
  kind: QuestionKind;
  stem: Localised;
  options: readonly QuestionOption[];
  /** The keys of the correct options (exactly one but for `multiple`). */
  answer: readonly string[];
  explanation: Localised;
  /** The law and article the answer rests on. */
  source: string;
  confidence: 'V' | 'S';
}

export type QuestionTopic = 'duties' | 'labels' | 'sampling' | 'supervision';

export const QUESTION_TOPICS: Record<QuestionTopic, Localised> = {
  duties: { 'zh-CN': '主体责任与生产规范', 'en-US': 'Enterprise duties and GMP' },
  labels: { 'zh-CN': '标签、功能声称与广告', 'en-US': 'Labels, claims and advertising' },
  sampling: { 'zh-CN': '抽检、追溯与信用', 'en-US': 'Sampling, traceability and credit' },
  supervision: { 'zh-CN': '监督检查与行政处罚', 'en-US': 'Inspection and penalties' },
};

/** The two options of every true-or-false question. */
export const TRUE_FALSE: readonly QuestionOption[] = [
  { key: 'T', text: { 'zh-CN': '正确', 'en-US': 'True' } },
  { key: 'F', text: { 'zh-CN': '错误', 'en-US': 'False' } },
];

/** Shorthand for the bank files: options `A`, `B`, … from pairs of [zh-CN, en-US]. */
export function choices(...pairs: readonly (readonly [string, string])[]): QuestionOption[] {
  return pairs.map(([zh, en], i) => ({ key: String.fromCharCode(65 + i), text: { 'zh-CN': zh, 'en-US': en } }));
}

/** Shorthand for a Localised text. */
export const t = (zh: string, en: string): Localised => ({ 'zh-CN': zh, 'en-US': en });
