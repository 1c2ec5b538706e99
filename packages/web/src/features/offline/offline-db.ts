import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Inspection, SyncResult } from '../../api/inspection-types.ts';
import type { CurrentUser } from '../../api/types.ts';
import type { InspectionDraft, StoredPhoto } from './inspection-draft.ts';
import type { OutboxEntry, OutboxProblem, QueuedEntry } from './outbox-sync.ts';

/**
 * The device's store for inspections taken offline (IndexedDB `shian-offline`). The server stays the
 * source of truth; this holds what the inspector needs with no network:
 * - `packages`: each inspection as downloaded (checklist included), per user;
 * - `drafts`: the answers, signatures and date being filled in, written on every change;
 * - `photos`: the photos taken (compressed JPEG blobs) until they are sent;
 * - `outbox`: submissions waiting to be sent, in queue order;
 * - `session`: the last signed-in user, so a reload with no network still opens the inspector's pages.
 */

export interface StoredPackage {
  userId: string;
  id: string;
  inspection: Inspection;
  savedAt: string;
}

interface SessionRecord {
  key: 'lastUser';
  user: CurrentUser;
  savedAt: string;
}

interface OfflineSchema extends DBSchema {
  packages: { key: [string, string]; value: StoredPackage; indexes: { byUser: string } };
  drafts: { key: [string, string]; value: InspectionDraft; indexes: { byUser: string } };
  photos: { key: string; value: StoredPhoto; indexes: { byInspection: string } };
  outbox: { key: number; value: OutboxEntry; indexes: { byInspection: string } };
  session: { key: string; value: SessionRecord };
}

const DB_NAME = 'shian-offline';
const DB_VERSION = 1;

let opening: Promise<IDBPDatabase<OfflineSchema>> | null = null;

function openOfflineDb(): Promise<IDBPDatabase<OfflineSchema>> {
  opening ??= openDB<OfflineSchema>(DB_NAME, DB_VERSION, {
    upgrade(db) {
      const packages = db.createObjectStore('packages', { keyPath: ['userId', 'id'] });
      packages.createIndex('byUser', 'userId');
      const drafts = db.createObjectStore('drafts', { keyPath: ['userId', 'inspectionId'] });
      drafts.createIndex('byUser', 'userId');
      const photos = db.createObjectStore('photos', { keyPath: 'id' });
      photos.createIndex('byInspection', 'inspectionId');
      const outbox = db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
      outbox.createIndex('byInspection', 'inspectionId');
      db.createObjectStore('session', { keyPath: 'key' });
    },
    // A newer version of the app in another tab wants to upgrade: let it, and reopen on next use.
    blocking() {
      void opening?.then((db) => db.close());
      opening = null;
    },
    terminated() {
      opening = null;
    },
  }).catch((error: unknown) => {
    opening = null;
    throw error;
  });
  return opening;
}

function isQueued(entry: OutboxEntry): entry is QueuedEntry {
  return typeof entry.seq === 'number';
}

/* Packages */

export async function listPackages(userId: string): Promise<StoredPackage[]> {
  const db = await openOfflineDb();
  return db.getAllFromIndex('packages', 'byUser', userId);
}

export async function getPackage(userId: string, inspectionId: string): Promise<StoredPackage | undefined> {
  const db = await openOfflineDb();
  return db.get('packages', [userId, inspectionId]);
}

export async function putPackage(userId: string, inspection: Inspection): Promise<void> {
  const db = await openOfflineDb();
  await db.put('packages', { userId, id: inspection.id, inspection, savedAt: new Date().toISOString() });
}

/**
 * Keeps the user's assigned inspections as the server listed them ("download for offline"), and forgets
 * packages no longer assigned unless work on them is still on the device (a draft or a queued submission).
 */
export async function replaceAssignedPackages(userId: string, inspections: readonly Inspection[]): Promise<void> {
  const db = await openOfflineDb();
  const tx = db.transaction(['packages', 'drafts', 'outbox'], 'readwrite');
  const packages = tx.objectStore('packages');
  const savedAt = new Date().toISOString();
  const listed = new Set(inspections.map((inspection) => inspection.id));
  const busy = new Set<string>();
  for (const draft of await tx.objectStore('drafts').index('byUser').getAll(userId)) busy.add(draft.inspectionId);
  for (const entry of await tx.objectStore('outbox').getAll()) if (entry.userId === userId) busy.add(entry.inspectionId);
  for (const stored of await packages.index('byUser').getAll(userId)) {
    if (!listed.has(stored.id) && !busy.has(stored.id)) await packages.delete([userId, stored.id]);
  }
  for (const inspection of inspections) await packages.put({ userId, id: inspection.id, inspection, savedAt });
  await tx.done;
}

/* Drafts and photos */

export async function getDraft(userId: string, inspectionId: string): Promise<InspectionDraft | undefined> {
  const db = await openOfflineDb();
  return db.get('drafts', [userId, inspectionId]);
}

export async function putDraft(draft: InspectionDraft): Promise<void> {
  const db = await openOfflineDb();
  await db.put('drafts', draft);
}

export async function listDrafts(userId: string): Promise<InspectionDraft[]> {
  const db = await openOfflineDb();
  return db.getAllFromIndex('drafts', 'byUser', userId);
}

export async function listPhotos(userId: string, inspectionId: string): Promise<StoredPhoto[]> {
  const db = await openOfflineDb();
  const photos = await db.getAllFromIndex('photos', 'byInspection', inspectionId);
  return photos.filter((photo) => photo.userId === userId);
}

export async function getPhotos(ids: readonly string[]): Promise<StoredPhoto[]> {
  const db = await openOfflineDb();
  const tx = db.transaction('photos');
  const photos = await Promise.all(ids.map((id) => tx.store.get(id)));
  await tx.done;
  return photos.filter((photo): photo is StoredPhoto => photo !== undefined);
}

export async function putPhoto(photo: StoredPhoto): Promise<void> {
  const db = await openOfflineDb();
  await db.put('photos', photo);
}

export async function deletePhoto(id: string): Promise<void> {
  const db = await openOfflineDb();
  await db.delete('photos', id);
}

/**
 * Forgets the user's local work on an inspection (draft, photos, queued submissions) and keeps `server`
 * as the package: the user chose the server's version after a conflict.
 */
export async function replaceWithServerVersion(userId: string, server: Inspection): Promise<void> {
  const db = await openOfflineDb();
  const tx = db.transaction(['packages', 'drafts', 'photos', 'outbox'], 'readwrite');
  await tx.objectStore('drafts').delete([userId, server.id]);
  for (const photo of await tx.objectStore('photos').index('byInspection').getAll(server.id)) {
    if (photo.userId === userId) await tx.objectStore('photos').delete(photo.id);
  }
  for (const entry of await tx.objectStore('outbox').index('byInspection').getAll(server.id)) {
    if (entry.userId === userId && isQueued(entry)) await tx.objectStore('outbox').delete(entry.seq);
  }
  await tx.objectStore('packages').put({ userId, id: server.id, inspection: server, savedAt: new Date().toISOString() });
  await tx.done;
}

/* Outbox */

/**
 * Queues a submission. Earlier entries of the same inspection that wait for the user (a conflict, a
 * refusal) are replaced: this submission is the user's answer to them.
 */
export async function queueSubmission(entry: OutboxEntry): Promise<number> {
  const db = await openOfflineDb();
  const tx = db.transaction('outbox', 'readwrite');
  for (const earlier of await tx.store.index('byInspection').getAll(entry.inspectionId)) {
    if (earlier.userId === entry.userId && earlier.state !== 'pending' && isQueued(earlier)) await tx.store.delete(earlier.seq);
  }
  const { seq: _unset, ...value } = entry;
  const seq = await tx.store.add(value);
  await tx.done;
  return seq;
}

/** Every entry, in queue order. */
export async function listOutbox(): Promise<QueuedEntry[]> {
  const db = await openOfflineDb();
  return (await db.getAll('outbox')).filter(isQueued);
}

export async function outboxForInspection(userId: string, inspectionId: string): Promise<QueuedEntry[]> {
  const db = await openOfflineDb();
  const entries = await db.getAllFromIndex('outbox', 'byInspection', inspectionId);
  return entries.filter((entry): entry is QueuedEntry => isQueued(entry) && entry.userId === userId).sort((a, b) => a.seq - b.seq);
}

export async function deleteOutboxEntry(seq: number): Promise<void> {
  const db = await openOfflineDb();
  await db.delete('outbox', seq);
}

export async function recordOutboxAttempt(seq: number, at: string): Promise<void> {
  const db = await openOfflineDb();
  const tx = db.transaction('outbox', 'readwrite');
  const entry = await tx.store.get(seq);
  if (entry) await tx.store.put({ ...entry, attempts: entry.attempts + 1, lastAttemptAt: at });
  await tx.done;
}

export async function markOutboxProblem(seq: number, problem: OutboxProblem): Promise<void> {
  const db = await openOfflineDb();
  const tx = db.transaction('outbox', 'readwrite');
  const entry = await tx.store.get(seq);
  if (entry) await tx.store.put({ ...entry, state: problem.kind, problem });
  await tx.done;
}

/**
 * The server has the submission: the entry leaves the outbox, the server's record becomes the package, and
 * the draft and photos it carried are no longer needed on the device. One transaction, so a crash leaves
 * either the queued submission or the settled record, never neither.
 */
export async function settleOutboxEntry(entry: QueuedEntry, result: SyncResult): Promise<void> {
  const db = await openOfflineDb();
  const tx = db.transaction(['outbox', 'packages', 'drafts', 'photos'], 'readwrite');
  const { userId, inspectionId } = entry;
  await tx.objectStore('outbox').delete(entry.seq);
  await tx.objectStore('packages').put({ userId, id: inspectionId, inspection: result.inspection, savedAt: new Date().toISOString() });
  const stillQueued = (await tx.objectStore('outbox').index('byInspection').getAll(inspectionId)).some((other) => other.userId === userId);
  if (!stillQueued && entry.body.complete) {
    await tx.objectStore('drafts').delete([userId, inspectionId]);
    for (const photo of await tx.objectStore('photos').index('byInspection').getAll(inspectionId)) {
      if (photo.userId === userId) await tx.objectStore('photos').delete(photo.id);
    }
  }
  await tx.done;
}

/* Session */

export async function readLastUser(): Promise<CurrentUser | null> {
  const db = await openOfflineDb();
  return (await db.get('session', 'lastUser'))?.user ?? null;
}

export async function rememberUser(user: CurrentUser): Promise<void> {
  const db = await openOfflineDb();
  await db.put('session', { key: 'lastUser', user, savedAt: new Date().toISOString() });
}

export async function forgetUser(): Promise<void> {
  const db = await openOfflineDb();
  await db.delete('session', 'lastUser');
}
