import { AppError, DEFAULT_LOCALE, type Locale } from '@shian/domain';
import type { Ctx } from '../../db/transaction.ts';
import type { CaptureError } from './capture-errors.ts';
import { assertWithinLimits, captureDocument } from './capture-document.ts';
import { validationFailed } from './capture-job.ts';
import { hashEventId } from './normalise-event.ts';
import { validateAgainstSchema } from './validate-document.ts';

/**
 * One event captured synchronously (the standard's `POST /events`): the event carries its own `@context`;
 * it is checked against the standard's schema as a single event, then stored through `captureDocument`
 * (rollback: all or nothing). Answers the eventID (the sender's, or the one generated). An eventID already
 * stored with the same content is a retry and succeeds again; with other content it is a conflict (409).
 */
export async function captureEvent(ctx: Ctx, rawText: string, options: { locale?: Locale } = {}): Promise<{ eventId: string; captureId: string }> {
  const locale = options.locale ?? DEFAULT_LOCALE;
  assertWithinLimits(1, Buffer.byteLength(rawText));
  let event: unknown;
  try {
    event = JSON.parse(rawText);
  } catch {
    throw new AppError('request.malformed_json');
  }
  const schemaErrors = validateAgainstSchema(event, locale);
  if (schemaErrors.length > 0) throw validationFailed(schemaErrors);
  // The schema accepted a single event, so it is an object.
  const record = event as Record<string, unknown>;
  const document = {
    '@context': record['@context'],
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: new Date().toISOString(),
    epcisBody: { eventList: [record] },
  };
  const result = await captureDocument(ctx, document, { errorBehaviour: 'rollback', rawText, locale });
  const eventId = typeof record.eventID === 'string' ? record.eventID : hashEventId(record);
  if (result.status === 'done') return { eventId, captureId: result.captureId };
  const duplicate = result.errors.find((e) => e.code === 'epcis.duplicate_event_id');
  if (duplicate) throw new AppError('epcis.duplicate_event_id', { params: { eventId } });
  // Pointers into the wrapping document become pointers into the event as sent.
  const asSent = result.errors.map((e): CaptureError => ({ ...e, eventIndex: null, path: e.path.replace(/^\/epcisBody\/eventList\/0/, '') }));
  throw validationFailed(asSent);
}
