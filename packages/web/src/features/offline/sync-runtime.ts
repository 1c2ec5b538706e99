import { useSyncExternalStore } from 'react';
import { currentLocale } from '../../i18n/setup.ts';
import { listOutbox, markOutboxProblem, recordOutboxAttempt, settleOutboxEntry } from './offline-db.ts';
import { createSyncTransport, processOutbox, type OutboxPort, type SyncRunReport } from './outbox-sync.ts';

/**
 * The outbox in the running app: when it is sent (at start once the user is known, on the window's `online`
 * event, on the 立即同步 button, right after a submission is queued) and what the pages see of it (online or
 * not, how many submissions wait, whether a run is going on). One run at a time per tab, and one across tabs
 * through the Web Locks API where the browser has it; a request repeated anyway is answered `duplicate`.
 */

export interface OfflineStatus {
  online: boolean;
  /** The signed-in (or last known) user whose outbox is shown and sent. */
  userId: string | null;
  /** Submissions waiting to be sent (待同步). */
  pending: number;
  /** Submissions the server did not take (conflict, refused) that wait for the user. */
  attention: number;
  syncing: boolean;
  /** Bumped whenever the device's records change under the pages (a submission queued or settled). */
  changes: number;
  lastRun: SyncRunReport | null;
}

let status: OfflineStatus = {
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  userId: null,
  pending: 0,
  attention: 0,
  syncing: false,
  changes: 0,
  lastRun: null,
};
const listeners = new Set<() => void>();

function setStatus(patch: Partial<OfflineStatus>): void {
  status = { ...status, ...patch };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getOfflineStatus(): OfflineStatus {
  return status;
}

/** The outbox and network state, re-rendering on change. */
export function useOfflineStatus(): OfflineStatus {
  return useSyncExternalStore(subscribe, getOfflineStatus);
}

const CSRF_COOKIE = 'shian_csrf';

function readCsrfToken(): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === CSRF_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return null;
}

const send = createSyncTransport((input, init) => fetch(input, init), { csrfToken: readCsrfToken, locale: currentLocale });

const port: OutboxPort = {
  list: listOutbox,
  recordAttempt: (entry, at) => recordOutboxAttempt(entry.seq, at),
  settle: settleOutboxEntry,
  markProblem: (entry, problem) => markOutboxProblem(entry.seq, problem),
};

/** Recounts the current user's outbox. */
export async function refreshOutboxCounts(): Promise<void> {
  const { userId } = status;
  if (!userId) {
    setStatus({ pending: 0, attention: 0 });
    return;
  }
  const entries = (await listOutbox()).filter((entry) => entry.userId === userId);
  setStatus({
    pending: entries.filter((entry) => entry.state === 'pending').length,
    attention: entries.filter((entry) => entry.state !== 'pending').length,
  });
}

/** Tells the pages that the device's records changed (they reload what they show). */
export async function notifyOfflineChange(): Promise<void> {
  try {
    await refreshOutboxCounts();
  } finally {
    setStatus({ changes: status.changes + 1 });
  }
}

let running: Promise<SyncRunReport | null> | null = null;
let rerun = false;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
/** After a run stopped by a server error (5xx), try again this much later while online. */
const RETRY_AFTER_MS = 60_000;

async function runOnce(): Promise<SyncRunReport | null> {
  const { userId } = status;
  if (!userId || !navigator.onLine) return null;
  const run = () => processOutbox(port, send, userId);
  // Another tab of the app may be sending the same outbox: the lock makes the runs take turns.
  const report = navigator.locks ? await navigator.locks.request('shian-outbox', run) : await run();
  setStatus({ lastRun: report });
  if (report.stopped === 'retry' && navigator.onLine) {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = setTimeout(() => void syncOutbox(), RETRY_AFTER_MS);
  }
  return report;
}

/**
 * Sends the outbox now. A call while a run is going on asks for one more run after it (the entry just
 * queued is not missed) and shares its promise. Null when there was nothing to do it with (offline, no user).
 */
export function syncOutbox(): Promise<SyncRunReport | null> {
  if (running) {
    rerun = true;
    return running;
  }
  running = (async () => {
    setStatus({ syncing: true });
    let report: SyncRunReport | null;
    try {
      do {
        rerun = false;
        report = await runOnce();
      } while (rerun);
      return report;
    } finally {
      running = null;
      setStatus({ syncing: false });
      await notifyOfflineChange().catch(() => undefined);
    }
  })();
  return running;
}

/** The user whose outbox to show and send; a newly known user's outbox is sent at once. */
export function setOfflineUser(userId: string | null): void {
  if (status.userId === userId) return;
  setStatus({ userId });
  void refreshOutboxCounts().catch(() => undefined);
  if (userId) void syncOutbox().catch(() => undefined);
}

let started = false;

/** Listens for the network coming and going; called once at start. */
export function startOutboxSync(): void {
  if (started) return;
  started = true;
  window.addEventListener('online', () => {
    setStatus({ online: true });
    void syncOutbox().catch(() => undefined);
  });
  window.addEventListener('offline', () => setStatus({ online: false }));
}
