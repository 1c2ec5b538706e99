import { describe, expect, it } from 'vitest';
import { QUESTION_BANK, QUESTION_TOPICS, findQuestion } from '../index.ts';

describe('question bank (题库)', () => {
  it('holds at least 60 questions with unique ids', () => {
    expect(QUESTION_BANK.length).toBeGreaterThanOrEqual(60);
    expect(new Set(QUESTION_BANK.map((q) => q.id)).size).toBe(QUESTION_BANK.length);
  });

  it('has every kind and every topic', () => {
    expect(new Set(QUESTION_BANK.map((q) => q.kind))).toEqual(new Set(['single', 'multiple', 'true_false']));
    expect(new Set(QUESTION_BANK.map((q) => q.topic))).toEqual(new Set(Object.keys(QUESTION_TOPICS)));
  });

  it.each(QUESTION_BANK.map((q) => [q.id, q] as const))('%s: answers among its options, texts in both languages, a source', (id, q) => {
    expect(q.id.startsWith(`${q.topic}-`)).toBe(true);
    const keys = q.options.map((o) => o.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(q.answer.length).toBeGreaterThan(0);
    for (const key of q.answer) expect(keys).toContain(key);
    if (q.kind === 'multiple') expect(q.answer.length).toBeGreaterThan(1);
    else expect(q.answer).toHaveLength(1);
    if (q.kind === 'true_false') expect(keys).toEqual(['T', 'F']);
    else expect(q.options.length).toBeGreaterThanOrEqual(3);
    for (const text of [q.stem, q.explanation, ...q.options.map((o) => o.text)]) {
      expect(text['zh-CN'].trim()).not.toBe('');
      expect(text['en-US'].trim()).not.toBe('');
    }
    expect(q.source).toMatch(/第|§|号|规定|目录|指南/);
    expect(findQuestion(id)).toBe(q);
  });
});
