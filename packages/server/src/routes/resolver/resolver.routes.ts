import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, LOCALES, buildDigitalLink, parseDigitalLink, type Locale } from '@shian/domain';
import { createPreparedStatementPool, createScanFactsReader, createScanRecorder, kyselyRunner, today, type ScanKey, type ScanRecorder } from '@shian/core';
import type { AppState } from '../../app.ts';
import type { RouteDeps } from '../index.ts';
import { LINKSET_MEDIA_TYPE, buildLinkset, resolverDescription } from './linkset.ts';
import { renderMalformedPage, renderNotRegisteredPage, renderScanPage } from './scan-page.ts';
import { SCAN_PAGE_TEXT } from './scan-page-text.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The scan counter of the resolver: buffered scans, flushed every 100 ms and when the server closes. */
    scanRecorder: ScanRecorder;
  }
}

const HTML = 'text/html; charset=utf-8';

/** The language of the page: `?lang=` first, then Accept-Language (already negotiated), zh-CN by default. */
function pageLocale(request: FastifyRequest, query: URLSearchParams): Locale {
  const asked = query.get('lang');
  return LOCALES.find((l) => l === asked) ?? request.locale;
}

/** What the client asks for: the linkset (RFC 9264) by Accept or `?linkType=all`, else the page. */
function wantsLinkset(request: FastifyRequest, query: URLSearchParams): boolean {
  if (query.get('linkType') === 'all' || query.get('linkType') === 'linkset') return true;
  const accept = request.headers.accept ?? '';
  return accept.includes(LINKSET_MEDIA_TYPE) || accept.includes('application/json');
}

/** The same address in the other language (other query parameters kept). */
function switchHref(path: string, query: URLSearchParams, locale: Locale): string {
  const next = new URLSearchParams(query);
  next.set('lang', SCAN_PAGE_TEXT[locale].otherLanguage.lang);
  return `${path}?${next.toString()}`;
}

/** Headers of every resolver answer: anyone may read it from any origin; nothing is cached (recalls show at once). */
function resolverHeaders(reply: FastifyReply): FastifyReply {
  return reply.header('access-control-allow-origin', '*').header('cache-control', 'no-store').header('vary', 'Accept, Accept-Language');
}

/**
 * The GS1 Digital Link resolver at the root (一物一码扫码): `GET|HEAD /01/{gtin}[/10/{lot}][/21/{serial}][?17=…]`
 * answers the public scan page, or the linkset when asked for JSON; `/.well-known/gs1resolver` describes the
 * resolver. A malformed link is a 400 saying what is wrong, a code never issued a 404 (and an alert). Outside
 * the API: hidden from the OpenAPI document, public by nature.
 */
export function registerResolverRoutes(app: FastifyInstance, { database, config }: RouteDeps, state: AppState = { ready: true }): void {
  const base = config.publicBaseUrl;
  const recorder = createScanRecorder(database.db, {
    // A secret of the deployment: network hashes cannot be reversed by trying every /16.
    salt: createHash('sha256').update(`scan-client:${config.sessionSecret}`).digest('hex'),
    onError: (error) => app.log.error({ err: error }, 'scan count flush failed'),
  });
  app.decorate('scanRecorder', recorder);
  // On a PostgreSQL server the scan query runs as a named prepared statement on a small pool of its own.
  const prepared = database.engine === 'postgres' && config.databaseUrl ? createPreparedStatementPool(config.databaseUrl) : null;
  const reader = createScanFactsReader(database.db, prepared?.run ?? kyselyRunner(database.db));
  // Shutdown: requests in flight finish first (Fastify closes the server, then runs onClose), then the last flush.
  app.addHook('onClose', async () => {
    await recorder.close();
    await prepared?.close();
  });

  app.get('/.well-known/gs1resolver', { schema: { hide: true } }, async (_request, reply) => resolverHeaders(reply).send(resolverDescription(base)));

  app.get('/01/*', { schema: { hide: true } }, async (request, reply) => {
    resolverHeaders(reply);
    // Until the database is prepared the platform answers 503, the scan page too.
    if (!state.ready) throw new AppError('unavailable');
    const question = request.url.indexOf('?');
    const path = question < 0 ? request.url : request.url.slice(0, question);
    const query = new URLSearchParams(question < 0 ? '' : request.url.slice(question + 1));
    const locale = pageLocale(request, query);
    const linkset = wantsLinkset(request, query);
    const parsed = parseDigitalLink(request.url);
    if (!parsed.ok || parsed.value.key !== 'gtin') {
      const problem = parsed.ok ? 'unknown_key' : parsed.problem;
      const detail = `${SCAN_PAGE_TEXT[locale].problems[problem]} (${parsed.ok ? 'not a GTIN' : parsed.detail})`;
      // The platform's error body (a machine asked), with the Digital Link problem as data.
      if (linkset) return reply.status(400).send({ code: 'request.invalid', message: SCAN_PAGE_TEXT[locale].malformedTitle, details: [{ path: 'uri', message: detail }], requestId: String(request.id), data: { problem } });
      return reply.status(400).type(HTML).send(renderMalformedPage(locale, detail, switchHref(path, query, locale)));
    }
    const key: ScanKey = { gtin: parsed.value.gtin, lot: parsed.value.lot, serial: parsed.value.serial };
    const facts = await reader.find(key);
    const counted = request.method === 'GET' && !linkset;
    if (!facts) {
      if (counted) recorder.recordUnknown({ ...key, address: request.ip });
      if (linkset) return reply.status(404).send({ code: 'resource.not_found', message: SCAN_PAGE_TEXT[locale].notRegistered, details: [], requestId: String(request.id) });
      return reply.status(404).type(HTML).send(renderNotRegisteredPage(locale, key, switchHref(path, query, locale)));
    }
    const anchor = buildDigitalLink(base, { key: 'gtin', gtin: key.gtin, lot: key.lot, serial: key.serial });
    if (linkset) return reply.type(LINKSET_MEDIA_TYPE).send(JSON.stringify(buildLinkset({ base, anchor, key, facts, locale })));
    let scans: { count: number; first: Date | null } | null = null;
    if (facts.code) {
      if (counted) recorder.record({ gtin: key.gtin, serial: facts.code.serial, address: request.ip });
      // The stored count plus this process's scans not yet flushed (this one included).
      const pending = recorder.pending(key.gtin, facts.code.serial);
      scans = { count: facts.code.scanCount + pending.count, first: facts.code.firstScannedAt ?? pending.first };
    }
    return reply.type(HTML).send(renderScanPage({ locale, facts, key, scans, today: today(), switchHref: switchHref(path, query, locale) }));
  });
}
