import { z } from 'zod';
import {
  ERROR_MESSAGES,
  FIELD_MESSAGES,
  interpolate,
  isFieldMessageKey,
  type ErrorCode,
  type ErrorDetail,
  type Locale,
} from '@shian/domain';

const zodLocales: Record<Locale, ReturnType<typeof z.locales.zhCN>> = { 'zh-CN': z.locales.zhCN(), 'en-US': z.locales.en() };

/** The text of an error code in a language. */
export function errorMessage(code: ErrorCode, locale: Locale, params: Record<string, string | number> = {}): string {
  return interpolate(ERROR_MESSAGES[code][locale], params);
}

/** A detail message: a field-message key, an error code, or already text. */
export function detailMessage(message: string, locale: Locale, params: Record<string, string | number> = {}): string {
  if (isFieldMessageKey(message)) return interpolate(FIELD_MESSAGES[message][locale], params);
  if (message in ERROR_MESSAGES) return errorMessage(message as ErrorCode, locale, params);
  return message;
}

/** A Zod issue as it reaches us (from our validator compiler or a thrown ZodError). */
export interface RawIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  [key: string]: unknown;
}

/** One detail per invalid field; an unknown-keys issue becomes one detail per unknown key. */
export function issuesToDetails(issues: readonly RawIssue[], locale: Locale, prefix: readonly PropertyKey[] = []): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  for (const issue of issues) {
    const base = [...prefix, ...issue.path].map(String);
    if (issue.code === 'unrecognized_keys' && Array.isArray(issue.keys)) {
      for (const key of issue.keys as string[]) {
        details.push({ path: [...base, key].join('.'), message: locale === 'zh-CN' ? '未知字段' : 'Unknown field' });
      }
      continue;
    }
    details.push({ path: base.join('.') || '(body)', message: issueMessage(issue, locale) });
  }
  return details;
}

function issueMessage(issue: RawIssue, locale: Locale): string {
  if (isFieldMessageKey(issue.message) || issue.message in ERROR_MESSAGES) {
    const params = (issue.params ?? {}) as Record<string, string | number>;
    return detailMessage(issue.message, locale, params);
  }
  if (issue.code === 'invalid_value' && Array.isArray(issue.values)) {
    return interpolate(FIELD_MESSAGES['field.enum'][locale], { options: (issue.values as unknown[]).join(', ') });
  }
  // Zod's own locale gives the message for built-in checks (types, lengths, formats).
  const localised = zodLocales[locale].localeError(issue as unknown as Parameters<(typeof zodLocales)['zh-CN']['localeError']>[0]);
  if (typeof localised === 'string') return localised;
  return localised?.message ?? issue.message;
}
