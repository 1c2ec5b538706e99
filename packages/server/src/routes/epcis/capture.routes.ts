import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '@shian/domain';
import { CAPTURE_LIMITS, acceptCapture, captureEvent, findCapture, listCaptures } from '@shian/core';
import { requireUserOrKey } from '../../plugins/request-context.ts';
import type { RouteDeps } from '../index.ts';
import { captureHeadersSchema, captureIdParamsSchema, captureJobSchema, captureListQuerySchema, problemErrors } from './capture.contract.ts';
import { EPCIS_VERSION_HEADERS, presentCaptureJob } from './epcis-problem.ts';

/**
 * The EPCIS 2.0 capture interface (采集) of the REST binding, under /epcis: `POST /capture` (asynchronous,
 * 202 + Location once the document and its job are committed), the capture jobs, `OPTIONS /capture` (the
 * limits), and `POST /events` (one event, synchronous). Enterprise systems call it with their API key
 * (`Authorization: Bearer …`), people with their session.
 */

const DOCUMENT_NOTE =
  "The body is an EPCISDocument (application/json or application/ld+json) of schema version 2.0, validated against the standard's " +
  "JSON schema and the platform's rules (locations must be the enterprise's premises; commissioning only its own products' GTINs). " +
  `At most ${CAPTURE_LIMITS.maxEvents} events and ${CAPTURE_LIMITS.maxBytes} bytes.`;

/** The raw body the /epcis content-type parser leaves as text. */
function bodyText(body: unknown): string {
  if (typeof body !== 'string' || body.trim() === '') throw new AppError('request.malformed_json');
  return body;
}

/** Registers the capture routes on the /epcis plugin (see `registerEpcisRoutes`). */
export function registerEpcisCaptureRoutes(app: FastifyInstance, _deps: RouteDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/capture',
    {
      preHandler: requireUserOrKey,
      schema: {
        tags: ['epcis'],
        summary: 'Capture an EPCISDocument asynchronously: 202 with Location /epcis/capture/{captureID} once it is stored durably',
        description:
          `${DOCUMENT_NOTE} Errors of the schema are answered at once (400, every bad field by JSON pointer); with ` +
          'GS1-Capture-Error-Behaviour: proceed, only errors of the document as a whole are, and the job stores the valid events. ' +
          'Poll the capture job for the outcome.',
        consumes: ['application/json', 'application/ld+json'],
        headers: captureHeadersSchema,
        response: { 202: z.object({ captureID: z.string() }), ...problemErrors },
      },
    },
    async (request, reply) => {
      const errorBehaviour = request.headers['gs1-capture-error-behaviour'] ?? 'rollback';
      const { captureId } = await acceptCapture(request.ctx, bodyText(request.body), { errorBehaviour, locale: request.locale });
      return reply.status(202).header('location', `/epcis/capture/${captureId}`).send({ captureID: captureId });
    },
  );

  api.get(
    '/capture',
    {
      preHandler: requireUserOrKey,
      schema: {
        tags: ['epcis'],
        summary: 'Capture jobs, newest first: an enterprise its own, a regulator those of its jurisdiction',
        querystring: captureListQuerySchema,
        response: { 200: z.array(captureJobSchema), ...problemErrors },
      },
    },
    async (request) => (await listCaptures(request.ctx, { limit: request.query.perPage })).map((c) => presentCaptureJob(c, request.locale)),
  );

  api.get(
    '/capture/:captureID',
    {
      preHandler: requireUserOrKey,
      schema: {
        tags: ['epcis'],
        summary: 'One capture job: running, success, and every error by JSON pointer',
        params: captureIdParamsSchema,
        response: { 200: captureJobSchema, ...problemErrors },
      },
    },
    async (request) => presentCaptureJob(await findCapture(request.ctx, request.params.captureID), request.locale),
  );

  api.options(
    '/capture',
    { schema: { tags: ['epcis'], summary: 'The capture limits and versions (discovery)', response: { 204: z.null() } } },
    async (_request, reply) =>
      reply
        .status(204)
        .headers({
          ...EPCIS_VERSION_HEADERS,
          Allow: 'OPTIONS, GET, POST',
          'GS1-EPCIS-Capture-Limit': String(CAPTURE_LIMITS.maxEvents),
          'GS1-EPCIS-Capture-File-Size-Limit': String(CAPTURE_LIMITS.maxBytes),
        })
        .send(null),
  );

  api.post(
    '/events',
    {
      preHandler: requireUserOrKey,
      schema: {
        tags: ['epcis'],
        summary: 'Capture one event synchronously (it carries its own @context): 201 with Location /epcis/events/{eventID}',
        description: 'The same checks as a document, all or nothing. An eventID already captured with the same content succeeds again (a retry); with other content, 409.',
        consumes: ['application/json', 'application/ld+json'],
        response: { 201: z.object({ eventID: z.string(), captureID: z.string() }), ...problemErrors },
      },
    },
    async (request, reply) => {
      const { eventId, captureId } = await captureEvent(request.ctx, bodyText(request.body), { locale: request.locale });
      return reply.status(201).header('location', `/epcis/events/${encodeURIComponent(eventId)}`).send({ eventID: eventId, captureID: captureId });
    },
  );
}
