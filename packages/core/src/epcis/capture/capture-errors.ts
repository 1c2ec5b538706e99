import { ERROR_MESSAGES, FIELD_MESSAGES, interpolate, isFieldMessageKey, type ErrorCode, type Locale } from '@shian/domain';

/**
 * One problem of a captured document (采集错误): which event (its index in `eventList`, or null for the
 * document itself), where (a JSON pointer into the document, RFC 6901), a stable code, and a message in the
 * user's language. `messageKey` and `params` keep what the message was made from, so a capture job's errors,
 * stored once, can be shown later in another language (`localiseCaptureError`).
 */
export interface CaptureError {
  eventIndex: number | null;
  path: string;
  code: string;
  message: string;
  /** A field-message key (`field.schema_required`) when the message is more specific than the code's. */
  messageKey?: string;
  params?: Record<string, string | number>;
}

/** The text of a capture error in a language, from its message key (or code) and parameters. */
export function captureErrorText(code: string, messageKey: string | undefined, params: Record<string, string | number>, locale: Locale): string {
  if (messageKey && isFieldMessageKey(messageKey)) return interpolate(FIELD_MESSAGES[messageKey][locale], params);
  if (code in ERROR_MESSAGES) return interpolate(ERROR_MESSAGES[code as ErrorCode][locale], params);
  return code;
}

/** Builds a capture error with its message in `locale`. */
export function captureError(
  locale: Locale,
  fields: { eventIndex: number | null; path: string; code: ErrorCode; messageKey?: string; params?: Record<string, string | number> },
): CaptureError {
  const params = fields.params ?? {};
  const error: CaptureError = { eventIndex: fields.eventIndex, path: fields.path, code: fields.code, message: captureErrorText(fields.code, fields.messageKey, params, locale), params };
  if (fields.messageKey) error.messageKey = fields.messageKey;
  return error;
}

/** The same error in another language (errors stored with a capture job are shown in the reader's). */
export function localiseCaptureError(error: CaptureError, locale: Locale): CaptureError {
  return { ...error, message: captureErrorText(error.code, error.messageKey, error.params ?? {}, locale) };
}

/** One segment of a JSON pointer (`~` → `~0`, `/` → `~1`). */
export const pointerSegment = (segment: string | number): string => String(segment).replace(/~/g, '~0').replace(/\//g, '~1');

/** The pointer to an event of a document's event list. */
export const eventPointer = (index: number): string => `/epcisBody/eventList/${index}`;

const EVENT_INDEX = /^\/epcisBody\/eventList\/(\d+)(?:\/|$)/;

/** The index of the event a pointer falls in, or null when it points at the document itself. */
export function eventIndexOf(pointer: string): number | null {
  const match = EVENT_INDEX.exec(pointer);
  return match ? Number(match[1]) : null;
}
