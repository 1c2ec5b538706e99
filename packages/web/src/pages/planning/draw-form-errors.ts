import { ApiError } from '../../api/client.ts';
import { fieldOfPath } from '../../lib/form-errors.ts';

export type SizeMode = 'count' | 'proportion';

/** The draw form's fields: flat, where the request nests them (`filters.kinds`, `size.count`). */
export const DRAW_FIELDS = [
  'title',
  'jurisdictionCode',
  'kinds',
  'grades',
  'creditClasses',
  'specialFoodProducersOnly',
  'sizeMode',
  'count',
  'proportion',
  'inspectorsPerTarget',
  'weighted',
  'scheduledOn',
] as const;

/** Errors that name no request field but belong to one form field. */
const FIELD_OF_CODE: Record<string, string> = { 'draw.too_few_inspectors': 'inspectorsPerTarget' };

/**
 * The form field a `POST /draws` detail path points at: `filters.kinds.0` → `kinds`, `body.size.count` →
 * `count`, `size` (the union itself) → the field of the chosen mode, `title` → `title`.
 */
export function drawFieldOfPath(path: string, sizeMode: SizeMode): string {
  const segments = path
    .replace(/\[(\d+)\]/g, '.$1')
    .split(/[./]/)
    .filter((segment) => segment !== '');
  if (segments[0] === 'body') segments.shift();
  const [first, second] = segments;
  if (first === 'filters' && second && !/^\d+$/.test(second)) return second;
  if (first === 'size') return second === 'count' || second === 'proportion' ? second : sizeMode;
  return fieldOfPath(segments.join('.'));
}

/** The server's error with its detail paths rewritten to the form's field names (for `applyServerError`). */
export function toDrawFormError(error: unknown, sizeMode: SizeMode): unknown {
  if (!(error instanceof ApiError)) return error;
  const details = error.details.map((detail) => ({ ...detail, path: drawFieldOfPath(detail.path, sizeMode) }));
  const field = FIELD_OF_CODE[error.code];
  if (field && details.length === 0) details.push({ path: field, message: error.message });
  return new ApiError(error.status, error.code, error.message, details, error.requestId);
}
