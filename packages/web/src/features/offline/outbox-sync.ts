import type { SyncBody, SyncResult } from '../../api/inspection-types.ts';

/**
 * The outbox (待同步队列) and how it is sent: pure functions over a storage port and a `fetch`, so the rules
 * are testable without a browser. The rules:
 * - entries are sent in the order they were queued, one request per entry per run;
 * - an entry keeps the `submissionId` it was queued with, on every retry, so the server recognises a retry
 *   of a submission it already applied (answer `duplicate`) and changes nothing;
 * - an entry leaves the outbox only on a 200 (`applied` or `duplicate`), or when the user discards it;
 * - a conflict (409: the server's record moved on) or a refusal (4xx: invalid answers…) is kept and marked
 *   for the user, never resent on its own and never overwrites the server;
 * - a network failure, a 5xx or an expired session stops the run and leaves everything queued.
 */

export const CONFLICT_CODE = 'inspection.sync_conflict';

export interface ServerDetail {
  path: string;
  message: string;
}

export type OutboxProblem =
  | { kind: 'conflict'; currentRevision: number | null; message: string }
  | { kind: 'rejected'; status: number; code: string; message: string; details: ServerDetail[] };

export type OutboxState = 'pending' | 'conflict' | 'rejected';

export interface OutboxEntry {
  /** Queue position (IndexedDB auto-increment key); absent until stored. */
  seq?: number;
  submissionId: string;
  inspectionId: string;
  userId: string;
  queuedAt: string;
  body: SyncBody;
  state: OutboxState;
  attempts: number;
  lastAttemptAt: string | null;
  problem: OutboxProblem | null;
}

export type QueuedEntry = OutboxEntry & { seq: number };

/** What one request came to. */
export type SyncAnswer =
  | { kind: 'ok'; result: SyncResult }
  | { kind: 'conflict'; currentRevision: number | null; message: string }
  | { kind: 'rejected'; status: number; code: string; message: string; details: ServerDetail[] }
  | { kind: 'unauthorized' }
  /** Worth trying again later: no network, a 5xx, a timeout, an unreadable answer. */
  | { kind: 'retry'; reason: string };

export type SendSubmission = (entry: QueuedEntry) => Promise<SyncAnswer>;

/** Where the outbox lives (IndexedDB in the app, memory in tests). */
export interface OutboxPort {
  /** Every entry, in queue order. */
  list(): Promise<QueuedEntry[]>;
  /** A request is about to go out for `entry`. */
  recordAttempt(entry: QueuedEntry, at: string): Promise<void>;
  /** The server took the submission (or already had it): drop the entry and keep the server's record. */
  settle(entry: QueuedEntry, result: SyncResult): Promise<void>;
  /** Keep the entry, marked for the user. */
  markProblem(entry: QueuedEntry, problem: OutboxProblem): Promise<void>;
}

export interface SyncRunReport {
  /** Requests made. */
  sent: number;
  applied: string[];
  duplicates: string[];
  conflicts: string[];
  rejected: string[];
  /** Why the run ended early, with entries left queued. */
  stopped: 'retry' | 'unauthorized' | null;
  /** Entries still waiting to be sent after the run. */
  remaining: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function detailsOf(value: unknown): ServerDetail[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((item) => ({
    path: Array.isArray(item.path) ? item.path.join('.') : String(item.path ?? ''),
    message: typeof item.message === 'string' ? item.message : '',
  }));
}

function isSyncResult(value: unknown): value is SyncResult {
  return (
    isRecord(value) &&
    (value.status === 'applied' || value.status === 'duplicate') &&
    typeof value.revision === 'number' &&
    isRecord(value.inspection) &&
    typeof value.inspection.id === 'string'
  );
}

/** Turns the server's answer to `POST …/sync` into what the outbox does next. */
export async function classifySyncResponse(response: Response): Promise<SyncAnswer> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's error page, a cut-off answer): judged by the status alone.
  }
  if (response.ok) {
    // A 200 that cannot be read is sent again: the server recognises the submission id and answers `duplicate`.
    return isSyncResult(body) ? { kind: 'ok', result: body } : { kind: 'retry', reason: 'unreadable answer' };
  }
  const status = response.status;
  const code = isRecord(body) && typeof body.code === 'string' ? body.code : `http.${status}`;
  const message = isRecord(body) && typeof body.message === 'string' ? body.message : '';
  if (status === 401) return { kind: 'unauthorized' };
  if (status === 408 || status === 429 || status >= 500) return { kind: 'retry', reason: `HTTP ${status}` };
  if (status === 409 && code === CONFLICT_CODE) {
    const data = isRecord(body) && isRecord(body.data) ? body.data : null;
    const currentRevision = data && typeof data.currentRevision === 'number' ? data.currentRevision : null;
    return { kind: 'conflict', currentRevision, message };
  }
  return { kind: 'rejected', status, code, message, details: isRecord(body) ? detailsOf(body.details) : [] };
}

export interface TransportOptions {
  /** The CSRF token (the `shian_csrf` cookie) echoed on the write, or null when there is none. */
  csrfToken: () => string | null;
  /** The UI language, for the server's messages. */
  locale: () => string;
}

/** Sends one queued submission with `fetch`: JSON, the session cookie, the CSRF header, the UI language. */
export function createSyncTransport(fetchFn: typeof fetch, options: TransportOptions): SendSubmission {
  return async (entry) => {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      'Accept-Language': options.locale(),
    };
    const csrf = options.csrfToken();
    if (csrf) headers['x-csrf-token'] = csrf;
    let response: Response;
    try {
      response = await fetchFn(`/api/v1/inspections/${encodeURIComponent(entry.inspectionId)}/sync`, {
        method: 'POST',
        headers,
        body: JSON.stringify(entry.body),
        credentials: 'same-origin',
      });
    } catch {
      return { kind: 'retry', reason: 'network' };
    }
    return classifySyncResponse(response);
  };
}

/**
 * Sends the pending entries of `userId` in queue order, one request each. Entries of other users (a shared
 * device) and entries waiting for the user (conflict, rejected) are left alone.
 */
export async function processOutbox(port: OutboxPort, send: SendSubmission, userId: string, now: () => Date = () => new Date()): Promise<SyncRunReport> {
  const report: SyncRunReport = { sent: 0, applied: [], duplicates: [], conflicts: [], rejected: [], stopped: null, remaining: 0 };
  const pending = (await port.list()).filter((entry) => entry.userId === userId && entry.state === 'pending');
  let index = 0;
  for (; index < pending.length; index += 1) {
    const entry = pending[index];
    if (!entry) break;
    await port.recordAttempt(entry, now().toISOString());
    report.sent += 1;
    const answer = await send(entry);
    if (answer.kind === 'ok') {
      await port.settle(entry, answer.result);
      (answer.result.status === 'applied' ? report.applied : report.duplicates).push(entry.inspectionId);
    } else if (answer.kind === 'conflict') {
      await port.markProblem(entry, { kind: 'conflict', currentRevision: answer.currentRevision, message: answer.message });
      report.conflicts.push(entry.inspectionId);
    } else if (answer.kind === 'rejected') {
      const { status, code, message, details } = answer;
      await port.markProblem(entry, { kind: 'rejected', status, code, message, details });
      report.rejected.push(entry.inspectionId);
    } else {
      report.stopped = answer.kind;
      break;
    }
  }
  report.remaining = pending.length - index;
  return report;
}
