import dayjs from 'dayjs';

/** `2026-03-01` style date, or the placeholder when missing. */
export function formatDate(value: string | null | undefined, placeholder = '—'): string {
  if (!value) return placeholder;
  const parsed = dayjs(value);
  return parsed.isValid() ? parsed.format('YYYY-MM-DD') : value;
}

export function formatDateTime(value: string | null | undefined, placeholder = '—'): string {
  if (!value) return placeholder;
  const parsed = dayjs(value);
  return parsed.isValid() ? parsed.format('YYYY-MM-DD HH:mm:ss') : value;
}

/** A value from an audit or import change, as text: lists joined, booleans in words, objects as JSON. */
export function formatChangeValue(value: unknown, words: { yes: string; no: string; none: string }): string {
  if (value == null || value === '') return words.none;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (Array.isArray(value)) return value.length === 0 ? words.none : value.map((item) => formatChangeValue(item, words)).join('、');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Dates for the API: `YYYY-MM-DD`, or null when empty. */
export function toIsoDate(value: dayjs.Dayjs | null | undefined): string | null {
  return value ? value.format('YYYY-MM-DD') : null;
}

export function fromIsoDate(value: string | null | undefined): dayjs.Dayjs | undefined {
  return value ? dayjs(value) : undefined;
}
