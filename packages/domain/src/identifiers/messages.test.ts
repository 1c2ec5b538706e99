import { describe, expect, it } from 'vitest';
import { interpolate, LOCALES } from '../i18n/locale.ts';
import { IDENTIFIER_PROBLEM_MESSAGES } from './messages.ts';
import { validateUscc } from './uscc.ts';

describe('IDENTIFIER_PROBLEM_MESSAGES', () => {
  it('has a non-empty message in every locale for every problem', () => {
    for (const [code, messages] of Object.entries(IDENTIFIER_PROBLEM_MESSAGES)) {
      for (const locale of LOCALES) expect(messages[locale].length, `${code} ${locale}`).toBeGreaterThan(0);
    }
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const messages of Object.values(IDENTIFIER_PROBLEM_MESSAGES)) {
      expect(placeholders(messages['en-US'])).toEqual(placeholders(messages['zh-CN']));
    }
  });

  it('renders the check-character message from a validation result', () => {
    const result = validateUscc('91350203M0001QAY9B');
    const key = `uscc.${result.problem ?? 'format'}` as const;
    const text = interpolate(IDENTIFIER_PROBLEM_MESSAGES[key]['zh-CN'], { expected: result.expectedCheckChar ?? '' });
    expect(text).toContain('校验位错误（应为 9）');
  });
});
