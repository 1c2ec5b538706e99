import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, computeGtinCheckDigit, type Actor } from '@shian/domain';
import type { Database } from '../../db/connect.ts';
import { buildEnterprise, buildUser } from '../../testing/factories.ts';
import { createTestDatabase } from '../../testing/test-database.ts';
import { captureDocument } from '../capture/capture-document.ts';
import { queryEvents, type EventQueryOptions } from './event-query.ts';
import { PAGE_TOKEN_TTL_MS } from './page-token.ts';
import { epcisDocument } from './query-test-kit.ts';

/**
 * Paging (翻页) through 95 events ten at a time: every event exactly once, in order, whatever the order key;
 * page tokens that were altered, have expired, or belong to other parameters or another caller are refused.
 */

let database: Database;
let actor: Actor;
let colleague: Actor;
const OPTIONS: EventQueryOptions = { pageTokenSecret: 'paging-test-secret-0123456789abcdef', locale: 'en-US' };
const COUNT = 95;
const GTIN = `0${'690765400001'}${computeGtinCheckDigit('690765400001')}`;

beforeAll(async () => {
  database = await createTestDatabase();
  const enterprise = await buildEnterprise(database.db, { jurisdictionCode: '310115005' });
  actor = (await buildUser(database.db, 'enterprise_staff', { enterpriseId: enterprise.id })).actor;
  colleague = (await buildUser(database.db, 'enterprise_admin', { enterpriseId: enterprise.id })).actor;
  // Event times out of document order, two events per minute: ties are broken by the row id.
  const events = Array.from({ length: COUNT }, (_, i) => {
    const minute = (i * 37) % 48;
    return {
      type: 'ObjectEvent',
      eventID: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      eventTime: `2026-04-01T08:${String(minute).padStart(2, '0')}:00+08:00`,
      eventTimeZoneOffset: '+08:00',
      action: 'OBSERVE',
      epcList: [`https://id.gs1.org/01/${GTIN}/21/P${i}`],
      bizStep: i % 2 === 0 ? 'receiving' : 'storing',
    };
  });
  const result = await captureDocument({ db: database.db, actor }, epcisDocument(events));
  expect(result).toMatchObject({ status: 'done', captured: COUNT });
});
afterAll(async () => database?.close());

const ctx = (who: Actor = actor) => ({ db: database.db, actor: who });

/** Follows the tokens from the first page to the last, returning each page's eventIDs. */
async function allPages(params: Record<string, string>): Promise<string[][]> {
  const pages: string[][] = [];
  let token: string | null = null;
  do {
    const page = await queryEvents(ctx(), { ...params, ...(token ? { nextPageToken: token } : {}) }, OPTIONS);
    pages.push(page.events.map((e) => String(e.eventID)));
    token = page.nextPageToken;
    if (token) expect(page.nextPageTokenExpires?.getTime()).toBeGreaterThan(Date.now());
  } while (token !== null && pages.length < 50);
  return pages;
}

describe('keyset paging', () => {
  const ORDERS: [string, Record<string, string>][] = [
    ['eventTime ascending', { orderBy: 'eventTime', orderDirection: 'ASC' }],
    ['eventTime descending', { orderBy: 'eventTime' }],
    ['recordTime ascending (ties on one capture)', { orderBy: 'recordTime', orderDirection: 'ASC' }],
    ['the default order', {}],
  ];
  it.each(ORDERS)('returns every event exactly once, in order: %s', async (_name, order) => {
    const pages = await allPages({ ...order, perPage: '10' });
    expect(pages.map((p) => p.length)).toEqual([10, 10, 10, 10, 10, 10, 10, 10, 10, 5]);
    const ids = pages.flat();
    expect(new Set(ids).size).toBe(COUNT);
    const single = await queryEvents(ctx(), { ...order, perPage: '1000' }, OPTIONS);
    expect(ids).toEqual(single.events.map((e) => String(e.eventID)));
    if (order.orderBy === 'eventTime') {
      const times = single.events.map((e) => Date.parse(String(e.eventTime)));
      const sorted = [...times].sort((a, b) => (order.orderDirection === 'ASC' ? a - b : b - a));
      expect(times).toEqual(sorted);
    }
  });

  it('pages a filtered query, and stops at eventCountLimit across pages', async () => {
    const filtered = (await allPages({ EQ_bizStep: 'receiving', perPage: '10' })).flat();
    expect(filtered).toHaveLength(48);
    const limited = await allPages({ orderBy: 'eventTime', eventCountLimit: '25', perPage: '10' });
    expect(limited.map((p) => p.length)).toEqual([10, 10, 5]);
  });
});

describe('page tokens are refused when', () => {
  const firstToken = async (params: Record<string, string> = {}) => {
    const page = await queryEvents(ctx(), { orderBy: 'eventTime', perPage: '10', ...params }, OPTIONS);
    if (!page.nextPageToken) throw new Error('expected a next page');
    return page.nextPageToken;
  };
  const refusal = async (run: Promise<unknown>) => {
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    return { code: (error as AppError).code, details: (error as AppError).details };
  };

  it('altered', async () => {
    const token = await firstToken();
    const altered = `${token.slice(0, 5)}${token.charAt(5) === 'A' ? 'B' : 'A'}${token.slice(6)}`;
    expect(await refusal(queryEvents(ctx(), { orderBy: 'eventTime', perPage: '10', nextPageToken: altered }, OPTIONS))).toEqual({
      code: 'epcis.query_parameter',
      details: [{ path: 'nextPageToken', message: 'The page token is not valid' }],
    });
  });

  it('expired', async () => {
    const token = await firstToken();
    const later = new Date(Date.now() + PAGE_TOKEN_TTL_MS + 1000);
    expect(await refusal(queryEvents(ctx(), { orderBy: 'eventTime', perPage: '10', nextPageToken: token }, { ...OPTIONS, now: later }))).toEqual({
      code: 'epcis.query_parameter',
      details: [{ path: 'nextPageToken', message: 'The page token has expired (it lasts 10 minutes); run the query again' }],
    });
  });

  it('used with other parameters or by another caller', async () => {
    const token = await firstToken();
    const mismatch = { code: 'epcis.query_parameter', details: [{ path: 'nextPageToken', message: 'The page token belongs to another query (the parameters have changed)' }] };
    expect(await refusal(queryEvents(ctx(), { orderBy: 'eventTime', EQ_bizStep: 'storing', perPage: '10', nextPageToken: token }, OPTIONS))).toEqual(mismatch);
    expect(await refusal(queryEvents(ctx(), { orderBy: 'recordTime', perPage: '10', nextPageToken: token }, OPTIONS))).toEqual(mismatch);
    expect(await refusal(queryEvents(ctx(colleague), { orderBy: 'eventTime', perPage: '10', nextPageToken: token }, OPTIONS))).toEqual(mismatch);
  });

  it('while a changed page size is fine', async () => {
    const token = await firstToken();
    const page = await queryEvents(ctx(), { orderBy: 'eventTime', perPage: '85', nextPageToken: token }, OPTIONS);
    expect(page.events).toHaveLength(85);
    expect(page.nextPageToken).toBeNull();
  });
});
