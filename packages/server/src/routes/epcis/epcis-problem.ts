import type { FastifyRequest } from 'fastify';
import { localiseCaptureError, type CaptureError, type CaptureSummary } from '@shian/core';
import type { Locale } from '@shian/domain';
import type { z } from 'zod';
import type { captureJobSchema, captureProblemSchema } from './capture.contract.ts';

/**
 * How the /epcis interface speaks (EPCIS 2.0 REST binding): version headers on every answer, errors as
 * RFC 7807 problems (`application/problem+json`) typed with the standard's exception names, capture jobs
 * in the standard's shape. The platform's own error code and request id ride along as extension members.
 */
export const EPCIS_VERSION_HEADERS = { 'GS1-EPCIS-Version': '2.0.0', 'GS1-CBV-Version': '2.0.0' } as const;

/** True for a URL of the EPCIS interface (outside /api/v1). */
export const isEpcisUrl = (url: string): boolean => url === '/epcis' || url.startsWith('/epcis/') || url.startsWith('/epcis?');

/** The standard's exception name for an HTTP status. */
export function problemTypeOf(status: number): string {
  if (status === 400) return 'epcisException:ValidationException';
  if (status === 401 || status === 403) return 'epcisException:SecurityException';
  if (status === 404) return 'epcisException:NoSuchResourceException';
  if (status === 406) return 'epcisException:NotAcceptableException';
  if (status === 409) return 'epcisException:ResourceAlreadyExistsException';
  if (status === 413) return 'epcisException:CaptureLimitExceededException';
  if (status === 415) return 'epcisException:UnsupportedMediaTypeException';
  return 'epcisException:ImplementationException';
}

/** A dotted field path of a request check (`params.captureID`) as a JSON pointer; pointers stay as they are. */
const asPointer = (path: string): string => (path.startsWith('/') || path === '' ? path : `/${path.split('.').join('/')}`);

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  requestId: string;
  errors: { pointer: string; message: string }[];
  [key: string]: unknown;
}

/** The query interface's exceptions (查询), named by the standard whatever their status says. */
const QUERY_PROBLEM_TYPES: Readonly<Record<string, string>> = {
  'epcis.query_parameter': 'epcisException:QueryParameterException',
  'epcis.query_too_large': 'epcisException:QueryTooLargeException',
};

/** The platform's error body as an RFC 7807 problem of the EPCIS interface. */
export function toProblem(status: number, body: { code: string; message: string; details: { path: string; message: string }[]; requestId: string }, request: FastifyRequest): Problem {
  const errors = body.details.map((d) => ({ pointer: asPointer(d.path), message: d.message }));
  const detail = errors.length > 0 ? errors.slice(0, 5).map((e) => `${e.pointer || '/'}: ${e.message}`).join('; ') + (errors.length > 5 ? ' …' : '') : body.message;
  const type = QUERY_PROBLEM_TYPES[body.code] ?? problemTypeOf(status);
  return { type, title: body.message, status, detail, instance: request.url.split('?')[0] ?? request.url, code: body.code, requestId: body.requestId, errors };
}

/** One error of a capture job as the standard's problem body, in the reader's language. */
export function presentCaptureError(error: CaptureError, locale: Locale): z.infer<typeof captureProblemSchema> {
  const e = localiseCaptureError(error, locale);
  return {
    type: problemTypeOf(e.code === 'epcis.duplicate_event_id' ? 409 : 400),
    title: e.message,
    status: e.code === 'epcis.duplicate_event_id' ? 409 : 400,
    detail: `${e.path || '/'}: ${e.message}`,
    instance: `#${e.path}`,
    pointer: e.path,
    message: e.message,
    code: e.code,
    eventIndex: e.eventIndex,
  };
}

/** A capture job in the standard's shape (running / success as its table defines them). */
export function presentCaptureJob(c: CaptureSummary, locale: Locale): z.infer<typeof captureJobSchema> {
  const running = c.status === 'queued' || c.status === 'running';
  return {
    captureID: c.id,
    createdAt: c.createdAt.toISOString(),
    ...(c.finishedAt ? { finishedAt: c.finishedAt.toISOString() } : {}),
    running,
    success: c.status !== 'failed' && c.errors.length === 0,
    captureErrorBehaviour: c.errorBehaviour,
    errors: c.errors.map((e) => presentCaptureError(e, locale)),
    status: c.status,
    eventCount: c.eventCount,
    capturedCount: c.capturedCount,
  };
}
