import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isAppError, negotiateLocale, type ErrorCode, type ErrorDetail } from '@shian/domain';
import { detailMessage, errorMessage, issuesToDetails, type RawIssue } from '../http/localise.ts';
import { RequestValidationError } from '../http/validator.ts';
import { EPCIS_VERSION_HEADERS, isEpcisUrl, toProblem } from '../routes/epcis/epcis-problem.ts';

/** The one error body of the platform. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details: ErrorDetail[];
  requestId: string;
  data?: Record<string, unknown>;
}

const FRAMEWORK_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'request.malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'request.malformed_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'request.too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'request.unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'request.invalid',
  FST_REQ_FILE_TOO_LARGE: 'request.too_large',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'request.unsupported_media_type',
};

/** Turns anything thrown into the error body in the user's language; 5xx bodies say nothing internal. */
export function toErrorBody(error: unknown, request: FastifyRequest): { status: number; body: ErrorBody } {
  const locale = negotiateLocale(request.headers['accept-language']);
  const requestId = String(request.id);
  const validation = error instanceof RequestValidationError ? error : (error as { validation?: unknown }).validation;
  if (error instanceof RequestValidationError || validation instanceof RequestValidationError) {
    const v = error instanceof RequestValidationError ? error : (validation as RequestValidationError);
    const details = issuesToDetails(v.issues as unknown as RawIssue[], locale);
    return { status: 400, body: { code: 'request.invalid', message: errorMessage('request.invalid', locale, { count: details.length }), details, requestId } };
  }
  if (error instanceof z.ZodError) {
    const details = issuesToDetails(error.issues as unknown as RawIssue[], locale);
    return { status: 400, body: { code: 'request.invalid', message: errorMessage('request.invalid', locale, { count: details.length }), details, requestId } };
  }
  if (isAppError(error)) {
    const params = { count: error.details.length, ...error.params, requestId };
    const details = error.details.map((d) => ({ path: d.path, message: detailMessage(d.message, locale, params) }));
    const body: ErrorBody = { code: error.code, message: errorMessage(error.code, locale, params), details, requestId };
    if (error.data) body.data = error.data;
    return { status: error.status, body };
  }
  const fastifyError = error as Partial<FastifyError>;
  const mapped = fastifyError.code ? FRAMEWORK_CODES[fastifyError.code] : undefined;
  if (mapped) {
    const status = fastifyError.statusCode && fastifyError.statusCode < 500 ? fastifyError.statusCode : 400;
    return { status, body: { code: mapped, message: errorMessage(mapped, locale), details: [], requestId } };
  }
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500 && !isResponseSerializationError(error)) {
    const code: ErrorCode = fastifyError.statusCode === 404 ? 'resource.not_found' : fastifyError.statusCode === 413 ? 'request.too_large' : 'request.invalid';
    return { status: fastifyError.statusCode, body: { code, message: errorMessage(code, locale, { count: 0 }), details: [], requestId } };
  }
  return { status: 500, body: { code: 'internal', message: errorMessage('internal', locale, { requestId }), details: [], requestId } };
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const { status, body } = toErrorBody(error, request);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    if (isEpcisUrl(request.url)) {
      // The EPCIS interface answers RFC 7807 problems (application/problem+json), as its standard says.
      void reply.status(status).header('cache-control', 'no-store').headers(EPCIS_VERSION_HEADERS).type('application/problem+json').send(toProblem(status, body, request));
      return;
    }
    void reply.status(status).header('cache-control', 'no-store').send(body);
  });
}
