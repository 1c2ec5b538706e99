import type { FormInstance } from 'antd';
import { ApiError, type ApiErrorDetail } from '../api/client.ts';

/** What a form shows above its fields after a failed submit. */
export interface FormServerError {
  code: string;
  message: string;
  /** Details whose path names no field of this form (shown in the alert so nothing is lost). */
  unmatched: ApiErrorDetail[];
}

/** The form field a detail path points at: `kinds.0` → `kinds`, `body.uscc` → `uscc`, `/uscc` → `uscc`. */
export function fieldOfPath(path: string): string {
  const segments = path
    .replace(/\[(\d+)\]/g, '.$1')
    .split(/[./]/)
    .filter((segment) => segment !== '');
  if (segments[0] === 'body' && segments.length > 1) segments.shift();
  return segments[0] ?? '';
}

/**
 * Puts each `details[].path` error on the form field of that name (`form.setFields` with errors only, so
 * what the user typed stays), and returns what the form should show above its fields.
 */
export function applyServerError(form: FormInstance, error: unknown, fields: readonly string[], fallbackMessage: string): FormServerError {
  if (!(error instanceof ApiError)) {
    return { code: 'unknown', message: error instanceof Error ? error.message : fallbackMessage, unmatched: [] };
  }
  const byField = new Map<string, string[]>();
  const unmatched: ApiErrorDetail[] = [];
  for (const detail of error.details) {
    const field = fieldOfPath(detail.path);
    if (fields.includes(field)) {
      byField.set(field, [...(byField.get(field) ?? []), detail.message]);
    } else {
      unmatched.push(detail);
    }
  }
  if (byField.size > 0) {
    form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
    const first = byField.keys().next().value;
    if (first) form.scrollToField(first, { block: 'center' });
  }
  return { code: error.code, message: error.message, unmatched };
}
