import { ApiError, apiGet } from '../../api/client.ts';
import type { Inspection } from '../../api/inspection-types.ts';
import type { InspectionDraft, StoredPhoto } from './inspection-draft.ts';
import { getDraft, getPackage, listDrafts, listOutbox, listPackages, listPhotos, outboxForInspection, putPackage, replaceAssignedPackages } from './offline-db.ts';
import type { QueuedEntry } from './outbox-sync.ts';

/**
 * What the inspection pages read: from the server when it answers (saving each inspection on the device,
 * "download for offline"), from the device when it does not.
 */

/** Where the work on an inspection stands on this device. */
export type LocalState = 'draft' | 'queued' | 'conflict' | 'rejected';

export interface AssignedRow {
  inspection: Inspection;
  local: LocalState | null;
}

export interface AssignedList {
  source: 'server' | 'device';
  rows: AssignedRow[];
}

/** Statuses that mean "the server could not be reached" (no network, or a gateway reporting it gone). */
const UNREACHABLE_STATUSES: readonly number[] = [0, 502, 503, 504];

export function isUnreachable(error: unknown): boolean {
  return error instanceof ApiError && UNREACHABLE_STATUSES.includes(error.status);
}

const STATE_WEIGHT: Record<LocalState, number> = { draft: 1, queued: 2, rejected: 3, conflict: 4 };

function localStates(drafts: readonly InspectionDraft[], outbox: readonly QueuedEntry[], userId: string): Map<string, LocalState> {
  const states = new Map<string, LocalState>();
  const raise = (id: string, state: LocalState) => {
    const current = states.get(id);
    if (!current || STATE_WEIGHT[state] > STATE_WEIGHT[current]) states.set(id, state);
  };
  for (const draft of drafts) raise(draft.inspectionId, 'draft');
  for (const entry of outbox) {
    if (entry.userId !== userId) continue;
    raise(entry.inspectionId, entry.state === 'pending' ? 'queued' : entry.state);
  }
  return states;
}

/**
 * The user's assigned inspections, scheduled first. Online, the server's list replaces the device's (work
 * still on the device keeps its inspection); offline, the device's.
 */
export async function loadAssignedInspections(userId: string, signal?: AbortSignal): Promise<AssignedList> {
  let source: AssignedList['source'] = 'device';
  if (navigator.onLine) {
    try {
      const { items } = await apiGet<{ items: Inspection[] }>('/api/v1/inspections/assigned', { signal });
      await replaceAssignedPackages(userId, items);
      source = 'server';
    } catch (error) {
      if (!isUnreachable(error)) throw error;
    }
  }
  const [packages, drafts, outbox] = await Promise.all([listPackages(userId), listDrafts(userId), listOutbox()]);
  const states = localStates(drafts, outbox, userId);
  const rows = packages
    .map((stored) => ({ inspection: stored.inspection, local: states.get(stored.id) ?? null }))
    .sort((a, b) => a.inspection.scheduledOn.localeCompare(b.inspection.scheduledOn) || a.inspection.number.localeCompare(b.inspection.number));
  return { source, rows };
}

/** Everything the form needs about one inspection on this device. */
export interface Workspace {
  inspection: Inspection;
  source: 'server' | 'device';
  draft: InspectionDraft | null;
  photos: StoredPhoto[];
  /** The latest queued submission of this inspection, if any. */
  entry: QueuedEntry | null;
}

/**
 * The inspection with the device's work on it; null when it is neither on the device nor reachable.
 * `refresh` asks the server for the latest record first (and keeps it on the device).
 */
export async function loadWorkspace(userId: string, inspectionId: string, refresh: boolean): Promise<Workspace | null> {
  let inspection = (await getPackage(userId, inspectionId))?.inspection ?? null;
  let source: Workspace['source'] = 'device';
  if (refresh && navigator.onLine) {
    try {
      inspection = await fetchInspection(inspectionId);
      await putPackage(userId, inspection);
      source = 'server';
    } catch (error) {
      // The device's copy serves when the server is out of reach; any other refusal is shown when there is none.
      if (!isUnreachable(error) && !inspection) throw error;
    }
  }
  if (!inspection) return null;
  const [draft, photos, entries] = await Promise.all([getDraft(userId, inspectionId), listPhotos(userId, inspectionId), outboxForInspection(userId, inspectionId)]);
  return { inspection, source, draft: draft ?? null, photos, entry: entries.at(-1) ?? null };
}

export function fetchInspection(inspectionId: string): Promise<Inspection> {
  return apiGet<Inspection>(`/api/v1/inspections/${encodeURIComponent(inspectionId)}`);
}

/** The on-site record (现场检查笔录), a PDF the server renders after completion. */
export function recordPdfUrl(inspectionId: string): string {
  return `/api/v1/inspections/${encodeURIComponent(inspectionId)}/record.pdf`;
}
