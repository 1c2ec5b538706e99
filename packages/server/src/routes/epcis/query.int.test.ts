import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { captureDocument, createApiKey } from '@shian/core';
import { epcisSchemaValidator } from '@shian/core/epcis/capture/validate-document.ts';
import { EV, IDS, createTraceWorld, epcisDocument, type TraceWorld } from '@shian/core/epcis/query/query-test-kit.ts';
import { buildUser } from '@shian/core/testing/factories.ts';
import { createTestApp, signInAs, type TestApp } from '../../testing/test-app.ts';

/**
 * The query interface over HTTP (GET /epcis/events, /events/{eventID}, /eventTypes): an enterprise system
 * with its API key, a regulator with a session; the standard's document, headers, paging by Link header,
 * and problems (application/problem+json) in the caller's language.
 */

let t: TestApp;
let world: TraceWorld;
let key: string;

beforeAll(async () => {
  t = await createTestApp();
  world = await createTraceWorld(t.database.db);
  const { actor: admin } = await buildUser(t.database.db, 'enterprise_admin', { enterpriseId: world.maker.enterprise.id });
  key = (await createApiKey({ db: t.database.db, actor: admin }, world.maker.enterprise.id, '仓储系统')).key;
});
afterAll(async () => t?.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${key}`, ...headers } });
const eventIds = (res: LightMyRequestResponse): string[] => res.json().epcisBody.queryResults.resultsBody.eventList.map((e: { eventID: string }) => e.eventID);

describe('GET /epcis/events', () => {
  it('answers an EPCISQueryDocument that validates against the standard’s schema, with the GS1 headers', async () => {
    const res = await get(`/epcis/events?EQ_bizStep=shipping|packing&MATCH_anyEPC=${encodeURIComponent(IDS.ssccUrn)}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers).toMatchObject({ 'gs1-epcis-version': '2.0.0', 'gs1-cbv-version': '2.0.0', 'gs1-epc-format': 'Never_Translates' });
    const body = res.json();
    expect(body).toMatchObject({
      '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
      type: 'EPCISQueryDocument',
      schemaVersion: '2.0',
      epcisBody: { queryResults: { queryName: 'SimpleEventQuery' } },
    });
    const validate = epcisSchemaValidator();
    expect(validate(body), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(eventIds(res).sort()).toEqual([EV.pack, EV.ship, EV.ship, EV.reship].sort());
    expect(res.headers.link).toBeUndefined();
  });

  it('answers JSON-LD when the client asks for it', async () => {
    const res = await get('/epcis/events?eventType=AggregationEvent', { accept: 'application/ld+json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/ld\+json/);
    expect(eventIds(res)).toEqual([EV.pack]);
  });

  it('pages with the Link header (rel="next") and GS1-Next-Page-Token-Expires until the last page', async () => {
    const seen: string[] = [];
    let url: string | null = '/epcis/events?orderBy=eventTime&orderDirection=ASC&perPage=3';
    let pages = 0;
    while (url !== null && pages < 10) {
      const res = await get(url);
      expect(res.statusCode, res.body).toBe(200);
      seen.push(...eventIds(res));
      pages += 1;
      const link = res.headers.link;
      if (typeof link === 'string') {
        const match = /^<([^>]+)>; rel="next"$/.exec(link);
        expect(match).not.toBeNull();
        expect(Date.parse(String(res.headers['gs1-next-page-token-expires']))).toBeGreaterThan(Date.now());
        const next = new URL(match?.[1] ?? '');
        expect(next.searchParams.get('perPage')).toBe('3');
        url = `${next.pathname}${next.search}`;
      } else url = null;
    }
    expect(pages).toBe(4); // ten events of the maker, three a page
    const all = await get('/epcis/events?orderBy=eventTime&orderDirection=ASC&perPage=100');
    expect(seen).toEqual(eventIds(all));
  });

  it('names two bad parameters at once in a QueryParameterException, in Chinese or English', async () => {
    const url = '/epcis/events?EQ_action=ADDED&GE_eventTime=yesterday';
    const zh = await get(url, { 'accept-language': 'zh-CN' });
    expect(zh.statusCode).toBe(400);
    expect(zh.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(zh.json()).toMatchObject({
      type: 'epcisException:QueryParameterException',
      status: 400,
      title: '查询参数有 2 处错误',
    });
    // Every bad parameter is named (in the order of the interface's parameter list).
    expect(zh.json().errors).toEqual([
      { pointer: '/GE_eventTime', message: '“yesterday”不是带时区的日期时间（如 2026-03-01T08:00:00+08:00）' },
      { pointer: '/EQ_action', message: '“ADDED”不在允许范围内：ADD, OBSERVE, DELETE' },
    ]);
    const en = await get(url, { 'accept-language': 'en-US,en;q=0.9' });
    expect(en.statusCode).toBe(400);
    expect(en.json()).toMatchObject({
      type: 'epcisException:QueryParameterException',
      title: 'The query has 2 invalid parameter(s)',
      errors: [
        { pointer: '/GE_eventTime', message: '"yesterday" is not a date-time with its offset (e.g. 2026-03-01T08:00:00+08:00)' },
        { pointer: '/EQ_action', message: '"ADDED" is not one of: ADD, OBSERVE, DELETE' },
      ],
    });
  });

  it('refuses a page token used with other parameters', async () => {
    const first = await get('/epcis/events?perPage=2');
    const token = new URL(/<([^>]+)>/.exec(String(first.headers.link))?.[1] ?? '').searchParams.get('nextPageToken') ?? '';
    const res = await get(`/epcis/events?perPage=2&EQ_bizStep=shipping&nextPageToken=${encodeURIComponent(token)}`, { 'accept-language': 'en-US' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ type: 'epcisException:QueryParameterException', errors: [{ pointer: '/nextPageToken' }] });
  });

  it('raises QueryTooLargeException (413) beyond maxEventCount', async () => {
    const res = await get('/epcis/events?maxEventCount=2', { 'accept-language': 'en-US' });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ type: 'epcisException:QueryTooLargeException', status: 413, code: 'epcis.query_too_large' });
  });

  it('shows a regulator with a session the events of its district only, and the public nothing', async () => {
    const { user } = await buildUser(t.database.db, 'district_supervisor', { jurisdictionCode: '310101' });
    const huangpu = await signInAs(t.app, user.username);
    const res = await huangpu.get(`/epcis/events?MATCH_epc=${encodeURIComponent(IDS.itemUrn('S1'))}`);
    expect(res.statusCode).toBe(200);
    expect(eventIds(res)).toEqual([EV.receive]);
    const anonymous = await t.app.inject({ method: 'GET', url: '/epcis/events' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ type: 'epcisException:SecurityException', code: 'auth.unauthenticated' });
  });
});

describe('GET /epcis/events/{eventID}', () => {
  it('answers the event and the error declaration that retracted it', async () => {
    const res = await get(`/epcis/events/${encodeURIComponent(EV.ship)}`);
    expect(res.statusCode, res.body).toBe(200);
    const events = res.json().epcisBody.queryResults.resultsBody.eventList;
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({ eventID: EV.ship, errorDeclaration: { reason: 'incorrect_data' } });
    expect(epcisSchemaValidator()(res.json())).toBe(true);
  });

  it('finds an event by a hash eventID that needs URL-encoding (ni:///sha-256;…?ver=CBV2.0)', async () => {
    const event = { type: 'ObjectEvent', eventTime: '2026-03-07T09:00:00+08:00', eventTimeZoneOffset: '+08:00', action: 'OBSERVE', epcList: [IDS.item('S2')], bizStep: 'inspecting', disposition: 'conformant' };
    const result = await captureDocument({ db: t.database.db, actor: world.maker.actor }, epcisDocument([event]));
    expect(result.status).toBe('done');
    const listed = await get('/epcis/events?EQ_bizStep=inspecting');
    const [id = ''] = eventIds(listed);
    expect(id).toMatch(/^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/);
    const res = await get(`/epcis/events/${encodeURIComponent(id)}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(eventIds(res)).toEqual([id]);
  });

  it('answers 404 for an unknown eventID and for another enterprise’s event', async () => {
    const unknown = await get(`/epcis/events/${encodeURIComponent('urn:uuid:00000000-0000-4000-8000-00000000dead')}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ type: 'epcisException:NoSuchResourceException', code: 'resource.not_found' });
    const others = await get(`/epcis/events/${encodeURIComponent(EV.receive)}`);
    expect(others.statusCode).toBe(404);
  });
});

describe('GET /epcis/eventTypes', () => {
  it('lists the five standard event types', async () => {
    const res = await get('/epcis/eventTypes');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
      type: 'Collection',
      member: ['ObjectEvent', 'AggregationEvent', 'TransactionEvent', 'TransformationEvent', 'AssociationEvent'],
    });
  });
});
