import { describe, expect, it } from 'vitest';
import { QUESTION_BANK, drawQuestions, isCorrect, scoreExam, type Question } from '../index.ts';

/** A small deterministic random source (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const byId = (id: string): Question => {
  const q = QUESTION_BANK.find((x) => x.id === id);
  if (!q) throw new Error(id);
  return q;
};

describe('drawQuestions', () => {
  it('draws the asked number of distinct questions of the bank', () => {
    const drawn = drawQuestions(QUESTION_BANK, 20, seeded(1));
    expect(drawn).toHaveLength(20);
    expect(new Set(drawn.map((q) => q.id)).size).toBe(20);
    for (const q of drawn) expect(QUESTION_BANK).toContain(q);
  });

  it('draws everything, reordered, when asked for more than the bank holds', () => {
    const bank = QUESTION_BANK.slice(0, 5);
    const drawn = drawQuestions(bank, 10, seeded(2));
    expect(new Set(drawn.map((q) => q.id))).toEqual(new Set(bank.map((q) => q.id)));
  });

  it('gives different draws and orders for different random sources, the same for the same', () => {
    const ids = (seed: number) => drawQuestions(QUESTION_BANK, 20, seeded(seed)).map((q) => q.id);
    expect(ids(3)).toEqual(ids(3));
    expect(ids(3)).not.toEqual(ids(4));
  });

  it('reaches every question over many draws and leaves the bank untouched', () => {
    const before = QUESTION_BANK.map((q) => q.id);
    const seen = new Set<string>();
    const random = seeded(5);
    for (let i = 0; i < 200; i += 1) for (const q of drawQuestions(QUESTION_BANK, 10, random)) seen.add(q.id);
    expect(seen.size).toBe(QUESTION_BANK.length);
    expect(QUESTION_BANK.map((q) => q.id)).toEqual(before);
  });
});

describe('scoreExam', () => {
  const single = byId('duties-05'); // B
  const multiple = byId('labels-09'); // A, B, D
  const trueFalse = byId('duties-02'); // F

  it('needs exactly the correct keys; a multiple choice has no partial credit', () => {
    expect(isCorrect(single, ['B'])).toBe(true);
    expect(isCorrect(single, ['A'])).toBe(false);
    expect(isCorrect(multiple, ['D', 'A', 'B'])).toBe(true);
    expect(isCorrect(multiple, ['A', 'B'])).toBe(false);
    expect(isCorrect(multiple, ['A', 'B', 'C', 'D'])).toBe(false);
    expect(isCorrect(trueFalse, undefined)).toBe(false);
  });

  it('scores per cent rounded down and passes at the mark', () => {
    const questions = [single, multiple, trueFalse];
    expect(scoreExam(questions, { [single.id]: ['B'], [multiple.id]: ['A', 'B', 'D'], [trueFalse.id]: ['F'] }, 100)).toEqual({ correct: 3, total: 3, score: 100, passed: true });
    expect(scoreExam(questions, { [single.id]: ['B'], [multiple.id]: ['A', 'B', 'D'] }, 67)).toEqual({ correct: 2, total: 3, score: 66, passed: false });
    expect(scoreExam(questions, { [single.id]: ['B'], [multiple.id]: ['A', 'B', 'D'] }, 66).passed).toBe(true);
    expect(scoreExam(questions, {}, 1)).toEqual({ correct: 0, total: 3, score: 0, passed: false });
  });

  it('ignores answers to questions not drawn', () => {
    expect(scoreExam([single], { [single.id]: ['A'], [trueFalse.id]: ['F'] }, 50)).toEqual({ correct: 0, total: 1, score: 0, passed: false });
  });
});
