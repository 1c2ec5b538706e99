import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { findEventsById, listEventTypes, queryEvents, toQueryDocument, EPCIS_CONTEXT_URL, type RawQueryValue } from '@shian/core';
import { requireUserOrKey } from '../../plugins/request-context.ts';
import type { RouteDeps } from '../index.ts';
import { problemErrors } from './capture.contract.ts';
import { eventIdParamsSchema, eventQueryString, eventTypeCollectionSchema, queryDocumentSchema } from './query.contract.ts';

/**
 * The EPCIS 2.0 query interface (查询) of the REST binding, under /epcis: `GET /events` (the SimpleEventQuery
 * as URL parameters, paged), `GET /events/{eventID}`, `GET /eventTypes`. Enterprise systems call it with
 * their API key, people with their session. Events come back exactly as they were captured: identifiers
 * are never translated (GS1-EPC-Format: Never_Translates, whatever the client asks for).
 */

/** Beside the version headers every /epcis answer has: identifiers are never translated. */
const FORMAT_HEADERS = { 'GS1-EPC-Format': 'Never_Translates' };

const IDENTIFIERS_AS_CAPTURED =
  'Identifiers come back as they were captured (GS1 Digital Links, EPC URNs…): the repository never translates them, ' +
  'as with the request header GS1-EPC-Format: Never_Translates, which it answers whatever format is asked for.';

/** The media type the client prefers: JSON-LD when it asks for it at least as much as plain JSON. */
export function preferredMediaType(accept: string | undefined): 'application/ld+json' | 'application/json' {
  const quality = new Map<string, number>();
  for (const part of (accept ?? '').split(',')) {
    const [type = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    quality.set(type.trim(), q ? Number(q.slice(2)) || 0 : 1);
  }
  const ld = quality.get('application/ld+json') ?? 0;
  const json = quality.get('application/json') ?? 0;
  return ld > 0 && ld >= json ? 'application/ld+json' : 'application/json';
}

/** The URL of the next page: the request's own parameters with the new token. */
function nextPageUrl(request: FastifyRequest, token: string): string {
  const url = new URL(request.url, `${request.protocol}://${request.host}`);
  url.searchParams.set('nextPageToken', token);
  return url.toString();
}

function answer(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply.headers(FORMAT_HEADERS).type(preferredMediaType(request.headers.accept));
}

/** Registers the query routes on the /epcis plugin (see `registerEpcisRoutes`). */
export function registerEpcisQueryRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/events',
    {
      preHandler: requireUserOrKey,
      schema: {
        tags: ['epcis'],
        summary: 'EPCIS events in scope (SimpleEventQuery): an EPCISQueryDocument, paged with perPage and the Link header',
        description:
          'The standard query parameters of GET /events (EPCIS 2.0 REST binding); list values are pipe-delimited ' +
          '(EQ_bizStep=shipping|receiving). An enterprise sees the events it captured, a regulator those of its jurisdiction. ' +
          'Every bad or unknown parameter is named in one 400 problem (epcisException:QueryParameterException); more matches ' +
          'than maxEventCount give 413 (epcisException:QueryTooLargeException). When more events follow, the Link header ' +
          '(rel="next") gives the next page and GS1-Next-Page-Token-Expires when its token expires. ' +
          IDENTIFIERS_AS_CAPTURED,
        querystring: eventQueryString,
        response: { 200: queryDocumentSchema, ...problemErrors },
      },
    },
    async (request, reply) => {
      // Fastify's query parser gives strings, or arrays of strings for repeated names.
      const raw = request.query as Record<string, RawQueryValue>;
      const page = await queryEvents(request.ctx, raw, { pageTokenSecret: deps.config.sessionSecret, locale: request.locale });
      answer(request, reply);
      if (page.nextPageToken && page.nextPageTokenExpires) {
        void reply.header('Link', `<${nextPageUrl(request, page.nextPageToken)}>; rel="next"`);
        void reply.header('GS1-Next-Page-Token-Expires', page.nextPageTokenExpires.toISOString());
      }
      return toQueryDocument(page.events, new Date());
    },
  );

  api.get(
    '/events/:eventID',
    {
      preHandler: requireUserOrKey,
      schema: {
        tags: ['epcis'],
        summary: 'One EPCIS event by its (URL-encoded) eventID, with the error declaration that retracted it if there is one',
        description: `404 when no event in scope has this eventID. ${IDENTIFIERS_AS_CAPTURED}`,
        params: eventIdParamsSchema,
        response: { 200: queryDocumentSchema, ...problemErrors },
      },
    },
    async (request, reply) => {
      const events = await findEventsById(request.ctx, request.params.eventID);
      answer(request, reply);
      return toQueryDocument(events, new Date());
    },
  );

  api.get(
    '/eventTypes',
    {
      preHandler: requireUserOrKey,
      schema: { tags: ['epcis'], summary: 'The event types of the repository: the five standard ones', response: { 200: eventTypeCollectionSchema, ...problemErrors } },
    },
    async (request, reply) => {
      const member = [...listEventTypes(request.ctx)];
      answer(request, reply);
      return { '@context': [EPCIS_CONTEXT_URL], type: 'Collection' as const, member };
    },
  );
}
