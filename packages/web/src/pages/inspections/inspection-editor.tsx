import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Input, Progress, Space, Tag, Typography } from 'antd';
import { CheckOutlined, SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Inspection } from '../../api/inspection-types.ts';
import { answeredCount } from '../../features/offline/inspection-draft.ts';
import { fetchInspection, type Workspace } from '../../features/offline/inspection-packages.ts';
import {
  PHOTOS_PATH,
  REPRESENTATIVE_NAME_PATH,
  REPRESENTATIVE_SIGNATURE_PATH,
  formPathOfServerDetail,
  inspectorSignaturePath,
  type FormProblem,
} from '../../features/offline/inspection-validation.ts';
import { deleteOutboxEntry, putPackage, replaceWithServerVersion } from '../../features/offline/offline-db.ts';
import type { ServerDetail } from '../../features/offline/outbox-sync.ts';
import { notifyOfflineChange } from '../../features/offline/sync-runtime.ts';
import { formatDate } from '../../lib/format.ts';
import { ChecklistItemCard, fieldDomId, type ItemErrors } from './checklist-item-card.tsx';
import { ConflictNotice, QueuedNotice, RejectedNotice } from './inspection-notices.tsx';
import { SignatureField } from './signature-field.tsx';
import { useDraftEditor } from './use-draft-editor.ts';

const NO_ERRORS: ItemErrors = {};

function scrollToPath(path: string): void {
  document.getElementById(fieldDomId(path))?.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

function EnterpriseHeader({ inspection, inspectedOn, done, total }: { inspection: Inspection; inspectedOn: string; done: number; total: number }) {
  const { t } = useTranslation();
  const { enterprise } = inspection;
  const fact = (label: string, value: string) => (
    <div style={{ fontSize: 13 }}>
      <Typography.Text type="secondary">
        {label}
        {t('common.colon')}
      </Typography.Text>
      {value}
    </div>
  );
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {enterprise.name}
      </Typography.Title>
      <Space size={[4, 4]} wrap style={{ margin: '6px 0' }}>
        <Tag color="blue">{inspection.kindName}</Tag>
        <Tag>{inspection.statusName}</Tag>
        {enterprise.grade && (
          <Tag>
            {t('inspectionForm.grade')} {enterprise.grade}
          </Tag>
        )}
      </Space>
      {fact(t('inspectionForm.number'), inspection.number)}
      {fact(t('inspectionForm.uscc'), enterprise.uscc)}
      {fact(t('inspectionForm.address'), enterprise.address)}
      {fact(t('inspectionForm.inspectors'), inspection.inspectors.map((inspector) => inspector.name).join('、'))}
      {fact(t('inspectionForm.inspectedOn'), formatDate(inspectedOn))}
      <div style={{ marginTop: 8 }}>
        <Typography.Text style={{ fontSize: 13 }}>{t('inspectionForm.progress', { done, total })}</Typography.Text>
        <Progress percent={total === 0 ? 0 : Math.round((done / total) * 100)} size="small" showInfo={false} />
      </div>
    </Card>
  );
}

interface InspectionEditorProps {
  workspace: Workspace;
  userId: string;
  /** Reload the workspace; `remount` starts the form again from the device's (new) records. */
  reload: (options: { refresh: boolean; remount: boolean }) => void;
}

/** The inspection form (现场检查表) over one inspection's workspace. */
export function InspectionEditor({ workspace, userId, reload }: InspectionEditorProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { inspection, entry } = workspace;
  const editor = useDraftEditor(workspace, userId);
  const { draft } = editor;
  const [busy, setBusy] = useState(false);
  const locked = entry?.state === 'pending';
  const conflict = entry?.problem?.kind === 'conflict' ? entry.problem : null;
  const rejected = entry?.problem?.kind === 'rejected' ? entry.problem : null;

  // Messages by form path: the device's checks after a completion attempt, and what the server refused.
  const { byPath, unmatched } = useMemo(() => {
    const map = new Map<string, string[]>();
    const add = (path: string, text: string) => map.set(path, [...(map.get(path) ?? []), text]);
    for (const problem of editor.problems) add(problem.path, t(`inspectionForm.problems.${problem.code}`, problem.params ?? {}));
    const leftOver: ServerDetail[] = [];
    for (const detail of rejected?.details ?? []) {
      const path = formPathOfServerDetail(detail.path, inspection);
      if (path) add(path, detail.message);
      else leftOver.push(detail);
    }
    return { byPath: map, unmatched: leftOver };
  }, [editor.problems, rejected, inspection, t]);
  const errorAt = (path: string) => byPath.get(path)?.join('；');
  const itemErrors = (itemId: string): ItemErrors => {
    const prefix = `answers.${itemId}.`;
    if (![...byPath.keys()].some((path) => path.startsWith(prefix))) return NO_ERRORS;
    return { result: errorAt(`${prefix}result`), note: errorAt(`${prefix}note`), disposition: errorAt(`${prefix}disposition`), photoIds: errorAt(`${prefix}photoIds`) };
  };

  const { done, total } = answeredCount(inspection, draft.answers);

  const withServer = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (error) {
      void message.error(error instanceof Error ? error.message : t('app.error'));
    } finally {
      setBusy(false);
    }
  };

  const loadServer = () => {
    modal.confirm({
      title: t('inspectionForm.loadServer'),
      content: t('inspectionForm.loadServerConfirm'),
      okButtonProps: { danger: true },
      onOk: () =>
        withServer(async () => {
          await replaceWithServerVersion(userId, await fetchInspection(inspection.id));
          await notifyOfflineChange();
          reload({ refresh: false, remount: true });
        }),
    });
  };

  const keepMine = () =>
    withServer(async () => {
      const server = await fetchInspection(inspection.id);
      await putPackage(userId, server);
      editor.rebase(server.revision);
      if (entry) await deleteOutboxEntry(entry.seq);
      await notifyOfflineChange();
      void message.info(t('inspectionForm.keepMineDone'));
    });

  const complete = async () => {
    const problems: FormProblem[] = await editor.complete();
    const first = problems[0];
    if (first) scrollToPath(first.path);
  };

  return (
    <>
      <EnterpriseHeader inspection={inspection} inspectedOn={draft.inspectedOn} done={done} total={total} />
      {locked && <QueuedNotice />}
      {conflict && <ConflictNotice problem={conflict} busy={busy} onLoadServer={loadServer} onKeepMine={() => void keepMine()} />}
      {rejected && <RejectedNotice message={rejected.message} unmatched={unmatched} />}

      {!locked && done < total && (
        <Button block style={{ marginBottom: 12 }} onClick={editor.markRestPass}>
          {t('inspectionForm.markRestPass')}
        </Button>
      )}

      {inspection.checklist.sections.map((section, sectionIndex) => {
        const offset = inspection.checklist.sections.slice(0, sectionIndex).reduce((sum, earlier) => sum + earlier.items.length, 0);
        return (
          <section key={section.id} className="shian-inspection-section" aria-label={section.title}>
            <h2>{section.title}</h2>
            {section.items.map((item, index) => (
              <div key={item.id} className="shian-inspection-item">
                <ChecklistItemCard
                  item={item}
                  number={offset + index + 1}
                  answer={draft.answers[item.id]}
                  photos={editor.photosOf(item.id)}
                  serverPhotoCount={(draft.photoIds[item.id] ?? []).length - editor.photosOf(item.id).length}
                  errors={itemErrors(item.id)}
                  disabled={locked}
                  onAnswer={editor.setAnswer}
                  onAddPhoto={editor.addPhoto}
                  onRemovePhoto={editor.removePhoto}
                />
              </div>
            ))}
          </section>
        );
      })}

      <section className="shian-inspection-section" aria-label={t('inspectionForm.signatures')}>
        <h2>{t('inspectionForm.signatures')}</h2>
        <Card size="small">
          {inspection.inspectors.map((inspector) => {
            const path = inspectorSignaturePath(inspector.id);
            return (
              <SignatureField
                key={inspector.id}
                id={fieldDomId(path)}
                label={t('inspectionForm.inspectorSignature', { name: inspector.name })}
                value={draft.inspectorSignatures[inspector.id] ?? null}
                onChange={(signature) => editor.setInspectorSignature(inspector.id, signature)}
                disabled={locked}
                error={errorAt(path)}
              />
            );
          })}
          <div id={fieldDomId(REPRESENTATIVE_NAME_PATH)} className="shian-inspection-field" style={{ marginTop: 16 }}>
            <label htmlFor="representative-name" style={{ display: 'block', fontWeight: 600, marginBottom: 4 }}>
              {t('inspectionForm.representativeName')}
            </label>
            <Input
              id="representative-name"
              maxLength={50}
              disabled={locked}
              status={errorAt(REPRESENTATIVE_NAME_PATH) ? 'error' : undefined}
              value={draft.representative.name}
              onChange={(event) => editor.setRepresentative({ name: event.target.value })}
            />
            {errorAt(REPRESENTATIVE_NAME_PATH) && <span className="shian-field-error">{errorAt(REPRESENTATIVE_NAME_PATH)}</span>}
          </div>
          <SignatureField
            id={fieldDomId(REPRESENTATIVE_SIGNATURE_PATH)}
            label={t('inspectionForm.representativeSignature')}
            value={draft.representative.signature}
            onChange={(signature) => editor.setRepresentative({ signature })}
            disabled={locked}
            error={errorAt(REPRESENTATIVE_SIGNATURE_PATH)}
          />
        </Card>
      </section>

      {errorAt(PHOTOS_PATH) && <Alert type="error" showIcon style={{ marginTop: 12 }} title={errorAt(PHOTOS_PATH)} />}
      {!locked && (
        <div className="shian-form-actions">
          <Button icon={<SaveOutlined aria-hidden />} onClick={() => void editor.saveNow()}>
            {t('inspectionForm.save')}
          </Button>
          <Button type="primary" icon={<CheckOutlined aria-hidden />} loading={editor.submitting} onClick={() => void complete()}>
            {t('inspectionForm.complete')}
          </Button>
        </div>
      )}
      {editor.savedAt && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }} aria-live="polite">
          {t('inspectionForm.autoSaved', { time: new Date(editor.savedAt).toLocaleTimeString() })}
        </Typography.Paragraph>
      )}
    </>
  );
}
