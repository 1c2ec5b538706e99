import type { ReactNode } from 'react';
import { Alert, Button, Card, Empty, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/current-user.tsx';
import { localIsoDate } from '../../features/offline/inspection-draft.ts';
import { loadAssignedInspections, type AssignedRow, type LocalState } from '../../features/offline/inspection-packages.ts';
import { useOfflineStatus } from '../../features/offline/sync-runtime.ts';
import { useMessages } from '../../i18n/setup.ts';
import { formatDate } from '../../lib/format.ts';
import { SyncStatusBar } from './sync-status-bar.tsx';

const LOCAL_STATE_COLORS: Record<LocalState, string> = { draft: 'processing', queued: 'warning', conflict: 'error', rejected: 'error' };

function isDone(row: AssignedRow): boolean {
  return row.inspection.status === 'completed' || row.inspection.status === 'published';
}

function InspectionCard({ row, today }: { row: AssignedRow; today: string }) {
  const { t } = useTranslation();
  const messages = useMessages();
  const navigate = useNavigate();
  const { inspection, local } = row;
  const to = `/inspections/${inspection.id}/form`;
  const started = local !== null || inspection.status === 'in_progress';
  const action = isDone(row) ? t('inspectionForm.view') : started ? t('inspectionForm.continue') : t('inspectionForm.start');
  return (
    <Card size="small">
      <Link to={to} style={{ fontWeight: 600, fontSize: 16 }}>
        {inspection.enterprise.name}
      </Link>
      <div style={{ margin: '4px 0', fontSize: 13 }}>
        <Typography.Text type="secondary">
          {inspection.number} · {inspection.kindName}
        </Typography.Text>
      </div>
      <div style={{ fontSize: 13 }}>{inspection.enterprise.address}</div>
      <Space size={[4, 4]} wrap style={{ marginTop: 6 }}>
        {inspection.scheduledOn === today ? <Tag color="blue">{t('inspectionForm.today')}</Tag> : <Tag>{formatDate(inspection.scheduledOn)}</Tag>}
        <Tag>{inspection.statusName}</Tag>
        {inspection.enterprise.grade && (
          <Tag>
            {t('inspectionForm.grade')} {inspection.enterprise.grade}
          </Tag>
        )}
        {local && <Tag color={LOCAL_STATE_COLORS[local]}>{messages.inspectionForm.localState[local]}</Tag>}
      </Space>
      <div style={{ marginTop: 6, fontSize: 13 }}>
        {t('inspectionForm.inspectors')}
        {t('common.colon')}
        {inspection.inspectors.map((inspector) => inspector.name).join('、')}
      </div>
      <div style={{ marginTop: 8 }}>
        <Button type={isDone(row) ? 'default' : 'primary'} block onClick={() => void navigate(to)}>
          {action}
        </Button>
      </div>
    </Card>
  );
}

/**
 * 今日检查: the inspector's assigned inspections. Opening this page online saves every listed inspection on
 * the device (with its checklist), so each can be filled in later with no network.
 */
export function InspectionsTodayPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { online, changes } = useOfflineStatus();
  const list = useQuery({
    queryKey: ['inspections', 'assigned', user.id, online, changes],
    queryFn: ({ signal }) => loadAssignedInspections(user.id, signal),
    // The device answers when the network does not: run the loader offline too.
    networkMode: 'always',
    retry: false,
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
  const today = localIsoDate();

  let body: ReactNode;
  if (list.isPending) {
    body = <Skeleton active paragraph={{ rows: 6 }} />;
  } else if (list.isError) {
    body = (
      <Result
        status="error"
        title={t('app.error')}
        subTitle={list.error.message}
        extra={<Button onClick={() => void list.refetch()}>{t('app.retry')}</Button>}
      />
    );
  } else {
    const { rows, source } = list.data;
    body = (
      <>
        {source === 'device' ? (
          <Alert type="info" showIcon title={t('inspectionForm.fromDevice')} style={{ marginBottom: 12 }} />
        ) : (
          rows.length > 0 && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
              {t('inspectionForm.downloaded', { count: rows.length })}
            </Typography.Paragraph>
          )
        )}
        {rows.length === 0 ? (
          <Empty description={t('inspectionForm.empty')} />
        ) : (
          <ul className="shian-card-list">
            {rows.map((row) => (
              <li key={row.inspection.id}>
                <InspectionCard row={row} today={today} />
              </li>
            ))}
          </ul>
        )}
      </>
    );
  }

  return (
    <>
      <div className="shian-page-header">
        <Typography.Title level={3}>{t('inspectionForm.todayTitle')}</Typography.Title>
      </div>
      <SyncStatusBar />
      {body}
    </>
  );
}
