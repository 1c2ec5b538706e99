/**
 * The one way the web app talks to the server: same-origin fetch with the session cookie, JSON in and out,
 * the CSRF token (cookie `shian_csrf`) echoed in `x-csrf-token` on every non-GET request, the UI language in
 * `Accept-Language`, and every error body turned into an `ApiError`. A 401 sends the user to /login.
 */

export interface ApiErrorDetail {
  path: string;
  message: string;
}

interface ErrorBody {
  code: string;
  message: string;
  details?: unknown;
  requestId?: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  /** Dotted error code from the server (`registry.uscc_unconfirmed`), or `network.unreachable` / `http.<status>`. */
  readonly code: string;
  /** Every invalid field: `path` names the field, `message` is already in the request's language. */
  readonly details: ApiErrorDetail[];
  readonly requestId: string | null;

  constructor(status: number, code: string, message: string, details: ApiErrorDetail[] = [], requestId: string | null = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
  }
}

export type QueryValue = string | number | boolean | null | undefined | readonly string[];
export type QueryParams = Record<string, QueryValue>;

interface ClientConfig {
  getLocale: () => string;
  /** Called on a 401 from any request except those that opt out (sign-in itself). */
  onUnauthorized: () => void;
  /** Text for failures that carry no server message (network down, proxy error pages). */
  fallbackMessage: (status: number) => string;
}

let config: ClientConfig = {
  getLocale: () => 'zh-CN',
  onUnauthorized: () => undefined,
  fallbackMessage: (status) => `HTTP ${status}`,
};

export function configureApiClient(next: Partial<ClientConfig>): void {
  config = { ...config, ...next };
}

const CSRF_COOKIE = 'shian_csrf';

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

/** `path` plus a query string of the non-empty params (arrays repeat the key). */
export function buildUrl(path: string, query?: QueryParams): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value == null || value === '') continue;
    if (Array.isArray(value)) {
      for (const item of value) params.append(key, item);
    } else {
      params.set(key, String(value));
    }
  }
  const qs = params.toString();
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path;
}

function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    'code' in value &&
    typeof value.code === 'string' &&
    'message' in value &&
    typeof value.message === 'string'
  );
}

function toDetails(value: unknown): ApiErrorDetail[] {
  if (!Array.isArray(value)) return [];
  const details: ApiErrorDetail[] = [];
  for (const item of value) {
    if (typeof item !== 'object' || item === null) continue;
    const path = 'path' in item ? item.path : '';
    const message = 'message' in item && typeof item.message === 'string' ? item.message : '';
    details.push({ path: Array.isArray(path) ? path.join('.') : String(path ?? ''), message });
  }
  return details;
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy error page): fall back to the status.
  }
  if (isErrorBody(body)) {
    const requestId = typeof body.requestId === 'string' ? body.requestId : null;
    return new ApiError(response.status, body.code, body.message, toDetails(body.details), requestId);
  }
  return new ApiError(response.status, `http.${response.status}`, config.fallbackMessage(response.status));
}

export interface RequestOptions {
  query?: QueryParams;
  signal?: AbortSignal;
  /** Set false where a 401 is an answer, not an expired session (the sign-in form). */
  redirectOnUnauthorized?: boolean;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

async function send(method: Method, path: string, body: BodyInit | undefined, json: boolean, options: RequestOptions): Promise<Response> {
  const headers = new Headers({ Accept: 'application/json', 'Accept-Language': config.getLocale() });
  if (json) headers.set('Content-Type', 'application/json');
  if (method !== 'GET') {
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) headers.set('x-csrf-token', csrf);
  }
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network.unreachable', config.fallbackMessage(0));
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && options.redirectOnUnauthorized !== false) config.onUnauthorized();
    throw error;
  }
  return response;
}

async function readJson<T>(response: Response): Promise<T> {
  if (response.status === 204) {
    // I/O boundary: endpoints answering 204 are typed `void` by their callers.
    return undefined as T;
  }
  // I/O boundary: the server validates its responses against the published schema.
  return (await response.json()) as T;
}

export async function apiGet<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return readJson<T>(await send('GET', path, undefined, false, options));
}

/** A GET whose answer headers matter too (the EPCIS query's `Link: <…>; rel="next"` paging). */
export async function apiGetWithHeaders<T>(path: string, options: RequestOptions = {}): Promise<{ data: T; headers: Headers }> {
  const response = await send('GET', path, undefined, false, options);
  return { data: await readJson<T>(response), headers: response.headers };
}

export async function apiSend<T>(method: Exclude<Method, 'GET'>, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return readJson<T>(await send(method, path, payload, payload !== undefined, options));
}

/** Multipart upload (the browser sets the boundary header). */
export async function apiUpload<T>(path: string, form: FormData, options: RequestOptions = {}): Promise<T> {
  return readJson<T>(await send('POST', path, form, false, options));
}

function filenameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star?.[1]) return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

/**
 * Downloads a file through fetch (so the language header is sent and errors surface as `ApiError`), then
 * saves it under the server's file name.
 */
export async function apiDownload(path: string, fallbackName: string, options: RequestOptions = {}): Promise<void> {
  const response = await send('GET', path, undefined, false, options);
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filenameFrom(response.headers.get('Content-Disposition'), fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
