import { expect, type APIRequestContext, type APIResponse, type Page } from '@playwright/test';

/**
 * The API as the browser tests use it: signing in without the form (the session cookie lands in the
 * page's context, so the page is signed in too), reading facts to assert against, and writes that echo
 * the CSRF token like the web app does.
 */

/** The demo password of every demo login (demo mode only). */
export const DEMO_PASSWORD = 'Demo@2026';

export type DemoUser = 'city-admin' | 'city-supervisor' | 'huangpu-inspector' | 'pudong-inspector' | 'pudong-supervisor' | 'ent-admin-1';

/** District codes (区) of the demo city used by the tests. */
export const PUDONG = '310115';
export const HUANGPU = '310101';

/** The fields of the API's answers the tests read (a subset; the server publishes the full schema). */
export interface SessionUser {
  username: string;
  displayName: string;
  enterpriseId: string | null;
}

export interface EnterpriseItem {
  id: string;
  uscc: string;
  name: string;
  legalRepresentative: string;
  jurisdictionCode: string;
  jurisdictionName: string;
  phone: string | null;
}

export interface EnterprisePage {
  items: EnterpriseItem[];
  total: number;
  totalIsEstimate: boolean;
}

export interface Dossier {
  enterprise: EnterpriseItem;
  licences: { number: string }[];
  products: { name: string; registrationNumber: string }[];
  people: { name: string; roleName: string }[];
}

export interface DashboardSummary {
  counts: { enterprises: number };
}

export interface Jurisdiction {
  code: string;
  level: string;
  nameZh: string;
}

async function readJson<T>(response: APIResponse, what: string): Promise<T> {
  expect(response.ok(), `${what}: HTTP ${response.status()} ${await response.text()}`).toBe(true);
  // I/O boundary: the server validates its answers against its published schema.
  return (await response.json()) as T;
}

/** Signs `username` in through the API; with `page.request`, the page shares the session. */
export async function signInViaApi(request: APIRequestContext, username: DemoUser): Promise<SessionUser> {
  const response = await request.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
  return (await readJson<{ user: SessionUser }>(response, `sign in as ${username}`)).user;
}

export async function apiGet<T>(request: APIRequestContext, path: string, params?: Record<string, string | number>): Promise<T> {
  return readJson<T>(await request.get(path, { params }), `GET ${path}`);
}

/** The header the server wants on cookie-authenticated writes: the `shian_csrf` cookie, echoed. */
export async function csrfHeaders(page: Page): Promise<Record<string, string>> {
  const cookie = (await page.context().cookies()).find((item) => item.name === 'shian_csrf');
  if (!cookie) throw new Error('No shian_csrf cookie: sign in first');
  return { 'x-csrf-token': cookie.value };
}

/** Enterprises visible to the signed-in user, as the registry's API lists them. */
export async function listEnterprises(request: APIRequestContext, params: Record<string, string | number>): Promise<EnterprisePage> {
  return apiGet<EnterprisePage>(request, '/api/v1/enterprises', params);
}

export async function readDossier(request: APIRequestContext, id: string): Promise<Dossier> {
  return apiGet<Dossier>(request, `/api/v1/enterprises/${encodeURIComponent(id)}`);
}

/** The Chinese name of a district, from the jurisdiction list. */
export async function districtName(request: APIRequestContext, code: string): Promise<string> {
  const { items } = await apiGet<{ items: Jurisdiction[] }>(request, '/api/v1/jurisdictions');
  const district = items.find((item) => item.code === code && item.level === 'district');
  if (!district) throw new Error(`No district ${code}`);
  return district.nameZh;
}

/** Three characters from the middle of a name: a partial search that is neither a prefix nor a suffix. */
export function middleOf(name: string, length = 3): string {
  const chars = [...name];
  if (chars.length <= length) return name;
  const start = Math.max(1, Math.floor((chars.length - length) / 2));
  return chars.slice(start, start + length).join('');
}
