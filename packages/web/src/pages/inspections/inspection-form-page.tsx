import type { ReactNode } from 'react';
import { useCallback, useEffect, useState } from 'react';
import { Button, Result, Skeleton } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useCurrentUser } from '../../app/current-user.tsx';
import { loadWorkspace, type Workspace } from '../../features/offline/inspection-packages.ts';
import { getOfflineStatus, useOfflineStatus } from '../../features/offline/sync-runtime.ts';
import { InspectionDone } from './inspection-notices.tsx';
import { InspectionEditor } from './inspection-editor.tsx';
import { SyncStatusBar } from './sync-status-bar.tsx';

type Loaded =
  | { status: 'loading' }
  | { status: 'ready'; workspace: Workspace; generation: number }
  | { status: 'missing' }
  | { status: 'error'; error: unknown };

interface LoadRequest {
  /** Ask the server for the latest record first. */
  refresh: boolean;
  /** Start the form again from the device's records once loaded. */
  remount: boolean;
  /** The device-change count the request was made at: later changes reload from the device only. */
  changesAt: number;
  nonce: number;
}

/**
 * The inspection's workspace, read again whenever the device's records change (a submission queued,
 * settled or refused). The server is asked once on opening (and on request); the device answers after that.
 */
function useWorkspace(userId: string, inspectionId: string) {
  const { changes } = useOfflineStatus();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [request, setRequest] = useState<LoadRequest>(() => ({ refresh: true, remount: false, changesAt: changes, nonce: 0 }));

  useEffect(() => {
    let active = true;
    const refresh = request.refresh && changes === request.changesAt;
    loadWorkspace(userId, inspectionId, refresh).then(
      (workspace) => {
        if (!active) return;
        setLoaded((previous) => {
          if (!workspace) return { status: 'missing' };
          const generation = previous.status === 'ready' ? previous.generation + (request.remount && changes === request.changesAt ? 1 : 0) : 0;
          return { status: 'ready', workspace, generation };
        });
      },
      (error: unknown) => {
        if (active) setLoaded({ status: 'error', error });
      },
    );
    return () => {
      active = false;
    };
  }, [userId, inspectionId, changes, request]);

  const reload = useCallback((options: { refresh: boolean; remount: boolean }) => {
    setRequest((previous) => ({ ...options, changesAt: getOfflineStatus().changes, nonce: previous.nonce + 1 }));
  }, []);

  return { loaded, reload };
}

/** 现场检查: one inspection's form, usable on a phone and with no network. */
export function InspectionFormPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const { id = '' } = useParams();
  const { loaded, reload } = useWorkspace(user.id, id);

  const back = (
    <Button type="link" icon={<ArrowLeftOutlined aria-hidden />} onClick={() => void navigate('/inspections/today')} style={{ paddingInline: 0, marginBottom: 8 }}>
      {t('inspectionForm.back')}
    </Button>
  );

  let body: ReactNode;
  if (loaded.status === 'loading') {
    body = <Skeleton active paragraph={{ rows: 12 }} />;
  } else if (loaded.status === 'missing') {
    body = <Result status="warning" title={t('inspectionForm.notOnDevice')} />;
  } else if (loaded.status === 'error') {
    const notFound = loaded.error instanceof ApiError && (loaded.error.status === 404 || loaded.error.status === 403);
    body = (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('inspectionForm.notFound') : t('app.error')}
        subTitle={notFound ? undefined : loaded.error instanceof Error ? loaded.error.message : undefined}
        extra={notFound ? undefined : <Button onClick={() => reload({ refresh: true, remount: false })}>{t('app.retry')}</Button>}
      />
    );
  } else {
    const { workspace, generation } = loaded;
    const { inspection, draft, entry } = workspace;
    const finished = inspection.status === 'completed' || inspection.status === 'published';
    if (inspection.status === 'cancelled') body = <Result status="warning" title={t('inspectionForm.cancelled')} />;
    else if (finished && !draft && !entry) body = <InspectionDone inspection={inspection} />;
    else body = <InspectionEditor key={`${inspection.id}:${generation}`} workspace={workspace} userId={user.id} reload={reload} />;
  }

  return (
    <div style={{ maxWidth: 760 }}>
      {back}
      <SyncStatusBar />
      {body}
    </div>
  );
}
