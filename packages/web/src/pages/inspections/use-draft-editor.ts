import { useCallback, useMemo, useRef, useState } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Inspection, PhotoUpload } from '../../api/inspection-types.ts';
import {
  buildCompletionBody,
  checklistItems,
  createDraft,
  newId,
  referencedPhotoIds,
  type DraftAnswer,
  type DraftSignature,
  type InspectionDraft,
  type StoredPhoto,
} from '../../features/offline/inspection-draft.ts';
import type { Workspace } from '../../features/offline/inspection-packages.ts';
import { validateCompletion, type FormProblem } from '../../features/offline/inspection-validation.ts';
import { deletePhoto, getPhotos, putDraft, putPhoto, queueSubmission } from '../../features/offline/offline-db.ts';
import { blobToBase64, compressPhoto } from '../../features/offline/photo-compression.ts';
import { notifyOfflineChange, syncOutbox } from '../../features/offline/sync-runtime.ts';

const NO_PHOTOS: StoredPhoto[] = [];

/**
 * The form's state over the device's store: every change is written to IndexedDB at once (closing the page
 * loses nothing); completing validates on the device, then queues one submission and tries to send it.
 */
export function useDraftEditor(workspace: Workspace, userId: string) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const inspection: Inspection = workspace.inspection;
  const [draft, setDraft] = useState<InspectionDraft>(() => workspace.draft ?? createDraft(inspection, userId));
  const draftRef = useRef(draft);
  const [photos, setPhotos] = useState<StoredPhoto[]>(workspace.photos);
  const [attempted, setAttempted] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(workspace.draft?.updatedAt ?? null);
  const [submitting, setSubmitting] = useState(false);

  const update = useCallback(
    (change: (current: InspectionDraft) => InspectionDraft) => {
      const next = { ...change(draftRef.current), updatedAt: new Date().toISOString() };
      draftRef.current = next;
      setDraft(next);
      putDraft(next).then(
        () => setSavedAt(next.updatedAt),
        () => void message.error(t('app.error')),
      );
    },
    [message, t],
  );

  const setAnswer = useCallback(
    (itemId: string, change: Partial<DraftAnswer>) =>
      update((current) => ({ ...current, answers: { ...current.answers, [itemId]: { ...current.answers[itemId], ...change } } })),
    [update],
  );

  const markRestPass = useCallback(() => {
    const missing = checklistItems(inspection).filter(({ item }) => !draftRef.current.answers[item.id]?.result);
    if (missing.length === 0) return;
    update((current) => {
      const answers = { ...current.answers };
      for (const { item } of missing) answers[item.id] = { ...answers[item.id], result: 'pass' };
      return { ...current, answers };
    });
    void message.success(t('inspectionForm.markRestPassDone', { count: missing.length }));
  }, [inspection, update, message, t]);

  const addPhoto = useCallback(
    async (itemId: string, file: File) => {
      try {
        const photo: StoredPhoto = {
          id: newId(),
          inspectionId: inspection.id,
          userId,
          itemId,
          blob: await compressPhoto(file),
          contentType: 'image/jpeg',
          takenAt: new Date().toISOString(),
        };
        await putPhoto(photo);
        setPhotos((current) => [...current, photo]);
        update((current) => ({ ...current, photoIds: { ...current.photoIds, [itemId]: [...(current.photoIds[itemId] ?? []), photo.id] } }));
      } catch {
        void message.error(t('inspectionForm.photoFailed'));
      }
    },
    [inspection.id, userId, update, message, t],
  );

  const removePhoto = useCallback(
    (itemId: string, photoId: string) => {
      update((current) => ({ ...current, photoIds: { ...current.photoIds, [itemId]: (current.photoIds[itemId] ?? []).filter((id) => id !== photoId) } }));
      setPhotos((current) => current.filter((photo) => photo.id !== photoId));
      void deletePhoto(photoId);
    },
    [update],
  );

  const setInspectorSignature = useCallback(
    (inspectorId: string, signature: DraftSignature | null) =>
      update((current) => {
        const inspectorSignatures = { ...current.inspectorSignatures };
        if (signature) inspectorSignatures[inspectorId] = signature;
        else delete inspectorSignatures[inspectorId];
        return { ...current, inspectorSignatures };
      }),
    [update],
  );

  const setRepresentative = useCallback(
    (change: Partial<InspectionDraft['representative']>) => update((current) => ({ ...current, representative: { ...current.representative, ...change } })),
    [update],
  );

  /** After a conflict, the user keeps the device's answers on top of the server's latest revision. */
  const rebase = useCallback((revision: number) => update((current) => ({ ...current, baseRevision: revision })), [update]);

  const saveNow = useCallback(async () => {
    try {
      await putDraft(draftRef.current);
      setSavedAt(draftRef.current.updatedAt);
      void message.success(t('inspectionForm.saved'));
    } catch {
      void message.error(t('app.error'));
    }
  }, [message, t]);

  /** Validates; on success queues the submission (its id made here, once) and sends it if online. */
  const complete = useCallback(async (): Promise<FormProblem[]> => {
    const current = draftRef.current;
    const found = validateCompletion(inspection, current);
    setAttempted(true);
    if (found.length > 0) {
      void message.error(t('inspectionForm.fixProblems', { count: found.length }));
      return found;
    }
    setSubmitting(true);
    try {
      const stored = await getPhotos(referencedPhotoIds(inspection, current));
      const uploads: PhotoUpload[] = await Promise.all(
        stored.map(async (photo) => ({
          id: photo.id,
          itemId: photo.itemId,
          contentType: photo.contentType,
          dataBase64: await blobToBase64(photo.blob),
          takenAt: photo.takenAt,
        })),
      );
      const submissionId = newId();
      await putDraft(current);
      await queueSubmission({
        submissionId,
        inspectionId: inspection.id,
        userId,
        queuedAt: new Date().toISOString(),
        body: buildCompletionBody(inspection, current, uploads, submissionId),
        state: 'pending',
        attempts: 0,
        lastAttemptAt: null,
        problem: null,
      });
      setAttempted(false);
      await notifyOfflineChange();
      if (navigator.onLine) void syncOutbox();
    } catch {
      void message.error(t('app.error'));
    } finally {
      setSubmitting(false);
    }
    return [];
  }, [inspection, userId, message, t]);

  const problems = useMemo(() => (attempted ? validateCompletion(inspection, draft) : []), [attempted, inspection, draft]);

  const photosByItem = useMemo(() => {
    const grouped = new Map<string, StoredPhoto[]>();
    for (const photo of photos) {
      if (photo.itemId === null || !(draft.photoIds[photo.itemId] ?? []).includes(photo.id)) continue;
      grouped.set(photo.itemId, [...(grouped.get(photo.itemId) ?? []), photo]);
    }
    return grouped;
  }, [photos, draft.photoIds]);

  const photosOf = useCallback((itemId: string) => photosByItem.get(itemId) ?? NO_PHOTOS, [photosByItem]);

  return {
    draft,
    problems,
    savedAt,
    submitting,
    photosOf,
    setAnswer,
    markRestPass,
    addPhoto,
    removePhoto,
    setInspectorSignature,
    setRepresentative,
    rebase,
    saveNow,
    complete,
  };
}
