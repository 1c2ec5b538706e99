import { describe, expect, it } from 'vitest';
import { PAGE_TOKEN_TTL_MS, queryFingerprint, readPageToken, signPageToken } from './page-token.ts';

const SECRET = 'test-secret-of-at-least-thirty-two-characters';
const NOW = new Date('2026-03-01T00:00:00Z');
const KEY = { orderKey: '2026-03-01 08:00:00.123456+08', id: 42, sent: 10 };

describe('page tokens', () => {
  const fingerprint = queryFingerprint({ EQ_bizStep: ['shipping'], perPage: 10 }, 'user-1/-');

  it('round-trips the page key before expiry', () => {
    const { token, expiresAt } = signPageToken(SECRET, KEY, fingerprint, NOW);
    expect(expiresAt.getTime() - NOW.getTime()).toBe(PAGE_TOKEN_TTL_MS);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(readPageToken(SECRET, token, fingerprint, new Date(NOW.getTime() + PAGE_TOKEN_TTL_MS - 1))).toEqual({ ok: true, key: KEY });
  });

  it('refuses a token after expiry, with other parameters, for another caller, altered, or signed with another secret', () => {
    const { token } = signPageToken(SECRET, KEY, fingerprint, NOW);
    expect(readPageToken(SECRET, token, fingerprint, new Date(NOW.getTime() + PAGE_TOKEN_TTL_MS))).toEqual({ ok: false, problem: 'expired' });
    const other = queryFingerprint({ EQ_bizStep: ['receiving'], perPage: 10 }, 'user-1/-');
    expect(readPageToken(SECRET, token, other, NOW)).toEqual({ ok: false, problem: 'mismatch' });
    expect(readPageToken(SECRET, token, queryFingerprint({ EQ_bizStep: ['shipping'] }, 'user-2/-'), NOW)).toEqual({ ok: false, problem: 'mismatch' });
    const [body = '', signature = ''] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), id: 1 })).toString('base64url');
    expect(readPageToken(SECRET, `${forged}.${signature}`, fingerprint, NOW)).toEqual({ ok: false, problem: 'invalid' });
    expect(readPageToken(`${SECRET}x`, token, fingerprint, NOW)).toEqual({ ok: false, problem: 'invalid' });
    expect(readPageToken(SECRET, 'garbage', fingerprint, NOW)).toEqual({ ok: false, problem: 'invalid' });
  });

  it('binds to the filters, not to the page size or the order the parameters came in', () => {
    const a = queryFingerprint({ EQ_bizStep: ['shipping'], GE_eventTime: '2026-01-01T00:00:00Z', perPage: 10 }, 'u/-');
    const b = queryFingerprint({ GE_eventTime: '2026-01-01T00:00:00Z', EQ_bizStep: ['shipping'], perPage: 50 }, 'u/-');
    expect(a).toBe(b);
  });
});
