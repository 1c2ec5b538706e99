import { Alert, Button, Result, Space, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Inspection } from '../../api/inspection-types.ts';
import { recordPdfUrl } from '../../features/offline/inspection-packages.ts';
import type { OutboxProblem, ServerDetail } from '../../features/offline/outbox-sync.ts';
import { useOfflineStatus } from '../../features/offline/sync-runtime.ts';

/** The completed inspection (检查已完成): its outcome and the on-site record. */
export function InspectionDone({ inspection }: { inspection: Inspection }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { online } = useOfflineStatus();
  return (
    <Result
      status="success"
      title={t('inspectionForm.doneTitle')}
      subTitle={t('inspectionForm.doneSubtitle', { number: inspection.number, outcome: inspection.outcomeName ?? t('common.none') })}
      extra={
        <Space orientation="vertical" size={8}>
          {online ? (
            <Button type="primary" icon={<FilePdfOutlined aria-hidden />} href={recordPdfUrl(inspection.id)} target="_blank" rel="noreferrer">
              {t('inspectionForm.record')}
            </Button>
          ) : (
            <Typography.Text type="secondary">{t('inspectionForm.recordNeedsNetwork')}</Typography.Text>
          )}
          <Button onClick={() => void navigate('/inspections/today')}>{t('inspectionForm.back')}</Button>
        </Space>
      }
    />
  );
}

/** The submission waits in the outbox: the form is read-only until the server has it. */
export function QueuedNotice() {
  const { t } = useTranslation();
  const { syncing } = useOfflineStatus();
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      title={syncing ? t('inspectionForm.syncingNow') : t('inspectionForm.queuedTitle')}
      description={t('inspectionForm.queuedDetail')}
    />
  );
}

interface ConflictNoticeProps {
  problem: Extract<OutboxProblem, { kind: 'conflict' }>;
  busy: boolean;
  onLoadServer: () => void;
  onKeepMine: () => void;
}

/**
 * 409: the server's record moved on since the inspector downloaded it. Nothing is overwritten: the device
 * keeps its draft, and the user decides.
 */
export function ConflictNotice({ problem, busy, onLoadServer, onKeepMine }: ConflictNoticeProps) {
  const { t } = useTranslation();
  const { online } = useOfflineStatus();
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      style={{ marginBottom: 12 }}
      title={t('inspectionForm.conflictTitle')}
      description={
        <>
          <p style={{ margin: '0 0 8px' }}>{t('inspectionForm.conflictDetail', { revision: problem.currentRevision ?? '?' })}</p>
          {problem.message && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {problem.message}
            </Typography.Paragraph>
          )}
          <Space wrap>
            <Button danger disabled={!online || busy} onClick={onLoadServer}>
              {t('inspectionForm.loadServer')}
            </Button>
            <Button disabled={!online || busy} onClick={onKeepMine}>
              {t('inspectionForm.keepMine')}
            </Button>
            {!online && <Typography.Text type="secondary">{t('inspectionForm.needsNetwork')}</Typography.Text>}
          </Space>
        </>
      }
    />
  );
}

/** 4xx: the server refused the submission; the problems it names are also shown at their fields. */
export function RejectedNotice({ message, unmatched }: { message: string; unmatched: ServerDetail[] }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 12 }}
      title={t('inspectionForm.rejectedTitle')}
      description={
        <>
          {message && <div>{message}</div>}
          {unmatched.length > 0 && (
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {unmatched.map((detail, index) => (
                <li key={`${detail.path}-${index}`}>{detail.path ? `${detail.path}: ${detail.message}` : detail.message}</li>
              ))}
            </ul>
          )}
        </>
      }
    />
  );
}
