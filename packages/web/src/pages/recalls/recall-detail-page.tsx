import { Alert, App, Button, Card, Descriptions, Empty, Popconfirm, Skeleton, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isRegulator, useCurrentUser } from '../../app/current-user.tsx';
import { useGrant } from '../../app/grants.ts';
import { ResponsiveTable } from '../../components/responsive-table.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { ExportButton } from '../trace/trace-query-page.tsx';
import { TraceView } from '../trace/trace-view.tsx';
import { closeRecall, downloadRecallSpreadsheet, invalidateRecalls, useRecall, type RecallDetail, type RecallNotice } from './recall-api.ts';
import { AcknowledgeButton } from './recall-notice-actions.tsx';
import { NoticeQuantity, RecallLevelTag, RecallScope, RecallStatusTag } from './recall-tags.tsx';

function AcknowledgedCell({ notice }: { notice: RecallNotice }) {
  const { t } = useTranslation();
  return notice.acknowledgedAt ? (
    <Tag color="green">{t('recalls.acknowledgedAt', { time: formatDateTime(notice.acknowledgedAt) })}</Tag>
  ) : (
    <Tag color="red">{t('recalls.notAcknowledged')}</Tag>
  );
}

/** The notices of a recall and who confirmed; the viewer's own open notice can be confirmed here. */
function NoticesTable({ recall }: { recall: RecallDetail }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canAcknowledge = useGrant('recall.acknowledge');
  const mine = (n: RecallNotice) => canAcknowledge && n.enterprise.id === user.enterpriseId && !n.acknowledgedAt && recall.status === 'open';
  const columns: TableColumnsType<RecallNotice> = [
    { title: t('recalls.noticeColumns.enterprise'), key: 'enterprise', width: 220, render: (_v, n) => n.enterprise.name },
    { title: t('recalls.noticeColumns.uscc'), key: 'uscc', width: 190, render: (_v, n) => n.enterprise.uscc },
    { title: t('recalls.noticeColumns.quantity'), key: 'quantity', width: 100, render: (_v, n) => <NoticeQuantity notice={n} /> },
    { title: t('recalls.noticeColumns.locations'), key: 'locations', width: 200, render: (_v, n) => n.locations.join('、') || '—' },
    { title: t('recalls.noticeColumns.acknowledged'), key: 'acknowledged', width: 220, render: (_v, n) => (mine(n) ? <AcknowledgeButton noticeId={n.id} /> : <AcknowledgedCell notice={n} />) },
  ];
  return (
    <ResponsiveTable
      rows={recall.notices}
      rowKey="id"
      columns={columns}
      loading={false}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      scrollX={930}
      empty={<Empty description={recall.traced ? t('recalls.noticesEmpty') : t('recalls.tracing')} />}
      renderCard={(n) => (
        <>
          <strong>{n.enterprise.name}</strong>
          <div style={{ fontSize: 13 }}>
            <NoticeQuantity notice={n} /> · {n.locations.join('、') || '—'}
          </div>
          <div style={{ marginTop: 6 }}>{mine(n) ? <AcknowledgeButton noticeId={n.id} /> : <AcknowledgedCell notice={n} />}</div>
        </>
      )}
    />
  );
}

function CloseButton({ recall }: { recall: RecallDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const close = async () => {
    try {
      await closeRecall(recall.id);
      void message.success(t('recalls.closedDone'));
      await invalidateRecalls(queryClient);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : t('app.error'));
    }
  };
  return (
    <Popconfirm title={t('recalls.closeConfirm')} onConfirm={() => close()} okText={t('recalls.close')} cancelText={t('common.cancel')}>
      <Button danger>{t('recalls.close')}</Button>
    </Popconfirm>
  );
}

/**
 * One recall (召回详情): what is recalled and why, the notices with who has confirmed, the trace snapshot
 * (per enterprise and location downstream, what it went into, its inputs), the spreadsheet and closing.
 * A notified enterprise sees the recall and its own notice only.
 */
export function RecallDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const recall = useRecall(id);

  if (recall.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (recall.isError) return <Alert type="error" showIcon title={recall.error.message} />;
  const r = recall.data;
  const seesTrace = isRegulator(user) || user.enterpriseId === r.enterprise.id;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div className="shian-page-header">
        <Space wrap size={8}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('recalls.detailTitle', { number: r.number })}
          </Typography.Title>
          <RecallLevelTag level={r.level} />
          <RecallStatusTag status={r.status} />
        </Space>
        <Space wrap>
          {seesTrace && <ExportButton run={() => downloadRecallSpreadsheet(r)} />}
          {r.canClose && <CloseButton recall={r} />}
        </Space>
      </div>
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('recalls.columns.product')}>{r.product?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('recalls.fields.gtin')}>{r.gtin}</Descriptions.Item>
          <Descriptions.Item label={t('recalls.columns.lot')}>
            <RecallScope recall={r} />
          </Descriptions.Item>
          <Descriptions.Item label={t('recalls.columns.maker')}>{r.enterprise.name}</Descriptions.Item>
          <Descriptions.Item label={t('recalls.columns.initiator')}>{t(`recalls.initiators.${r.initiator}`)}</Descriptions.Item>
          <Descriptions.Item label={t('recalls.columns.createdAt')}>{formatDateTime(r.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('recalls.columns.reason')} span={3}>
            {r.reason}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {!r.traced && r.status === 'open' && (
        <Alert type="info" showIcon title={t('recalls.tracing')} action={<Button onClick={() => void recall.refetch()}>{t('recalls.refresh')}</Button>} />
      )}
      <Card size="small" title={t('recalls.noticesCard')} extra={r.traced ? t('recalls.noticesProgress', { acknowledged: r.notices.filter((n) => n.acknowledgedAt).length, total: r.notices.length }) : null}>
        {!seesTrace && <Typography.Paragraph type="secondary">{t('recalls.ownNoticeOnly')}</Typography.Paragraph>}
        <NoticesTable recall={r} />
      </Card>
      {r.trace && <TraceView trace={r.trace} />}
    </Space>
  );
}
