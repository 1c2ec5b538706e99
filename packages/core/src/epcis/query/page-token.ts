import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { EventQuery } from './query-params.ts';

/**
 * The `nextPageToken` of the query interface (翻页令牌): where the next page starts (the order key and id of
 * the last event sent: keyset paging, so a page costs the same however deep it is), how many events were
 * sent so far (for `eventCountLimit`), a fingerprint of the query and of who asked, and an expiry. It is
 * opaque to clients (base64url) and signed with HMAC-SHA-256, so a token cannot be forged, altered, reused
 * with other parameters or by another caller, or used after it expires.
 */

/** How long a token is good for. The standard lets the implementation choose (GS1-Next-Page-Token-Expires). */
export const PAGE_TOKEN_TTL_MS = 10 * 60 * 1000;

/** Where a page starts. `orderKey` is the order column as PostgreSQL writes it (microseconds kept). */
export interface PageKey {
  orderKey: string;
  id: number;
  /** Events already sent on earlier pages. */
  sent: number;
}

interface Payload extends PageKey {
  v: 1;
  /** Fingerprint of the query and the caller. */
  f: string;
  /** Expiry, epoch milliseconds. */
  exp: number;
}

/** Why a token is refused: forged or garbled, expired, or made for other parameters or another caller. */
export type PageTokenProblem = 'invalid' | 'expired' | 'mismatch';

/** The signing key, derived from the platform secret so that the secret itself signs nothing else here. */
const keyOf = (secret: string): Buffer => createHmac('sha256', secret).update('shian/epcis/next-page-token/v1').digest();

const signatureOf = (secret: string, body: string): Buffer => createHmac('sha256', keyOf(secret)).update(body).digest();

/** JSON with object keys sorted, so equal queries give equal text whatever order their parameters came in. */
function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${sortedJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * What a token is bound to: every parameter that decides which events come and in what order (not the page
 * size, not the token itself), and the caller (`caller`: a user, an API key).
 */
export function queryFingerprint(query: EventQuery, caller: string): string {
  const { nextPageToken: _token, perPage: _perPage, ...filters } = query;
  return createHash('sha256').update(sortedJson({ caller, filters })).digest('base64url');
}

/** A token for the page after `key`, and when it expires. */
export function signPageToken(secret: string, key: PageKey, fingerprint: string, now: Date): { token: string; expiresAt: Date } {
  const exp = now.getTime() + PAGE_TOKEN_TTL_MS;
  const payload: Payload = { v: 1, orderKey: key.orderKey, id: key.id, sent: key.sent, f: fingerprint, exp };
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return { token: `${body}.${signatureOf(secret, body).toString('base64url')}`, expiresAt: new Date(exp) };
}

function isPayload(value: unknown): value is Payload {
  if (value === null || typeof value !== 'object') return false;
  const p = value as Record<string, unknown>;
  return (
    p.v === 1 &&
    typeof p.orderKey === 'string' &&
    typeof p.f === 'string' &&
    Number.isSafeInteger(p.id) &&
    Number.isSafeInteger(p.sent) &&
    Number.isSafeInteger(p.exp)
  );
}

/** Reads a token: its page key, or why it cannot be used (forged or garbled, expired, another query's). */
export function readPageToken(secret: string, token: string, fingerprint: string, now: Date): { ok: true; key: PageKey } | { ok: false; problem: PageTokenProblem } {
  const [body = '', signature = '', ...rest] = token.split('.');
  if (rest.length > 0 || !/^[A-Za-z0-9_-]+$/.test(body) || !/^[A-Za-z0-9_-]{43}$/.test(signature)) return { ok: false, problem: 'invalid' };
  const expected = signatureOf(secret, body);
  if (!timingSafeEqual(expected, Buffer.from(signature, 'base64url'))) return { ok: false, problem: 'invalid' };
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  if (!isPayload(payload)) return { ok: false, problem: 'invalid' };
  if (payload.f !== fingerprint) return { ok: false, problem: 'mismatch' };
  if (payload.exp <= now.getTime()) return { ok: false, problem: 'expired' };
  return { ok: true, key: { orderKey: payload.orderKey, id: payload.id, sent: payload.sent } };
}
