import { Empty, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ResponsiveTable } from '../../components/responsive-table.tsx';
import { formatDateTime } from '../../lib/format.ts';
import type { RecallNoticeItem } from './recall-api.ts';
import { AcknowledgeButton } from './recall-notice-actions.tsx';
import { NoticeQuantity, RecallLevelTag, RecallScope } from './recall-tags.tsx';

/** The state of a notice: to confirm (with the button when the user may), confirmed, or its recall ended. */
function NoticeState({ notice, canAcknowledge }: { notice: RecallNoticeItem; canAcknowledge: boolean }) {
  const { t } = useTranslation();
  if (notice.acknowledgedAt) return <Tag color="green">{t('recalls.acknowledgedAt', { time: formatDateTime(notice.acknowledgedAt) })}</Tag>;
  if (notice.recall.status === 'closed') return <Tag>{t('recalls.recallClosed')}</Tag>;
  return canAcknowledge ? <AcknowledgeButton noticeId={notice.id} /> : <Tag color="red">{t('recalls.notAcknowledged')}</Tag>;
}

/** Recall notices as a table (cards on a phone): the recall, the product and lot, how much the enterprise holds where. */
export function RecallNoticeList({ notices, canAcknowledge, loading }: { notices: RecallNoticeItem[]; canAcknowledge: boolean; loading: boolean }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<RecallNoticeItem> = [
    { title: t('recalls.noticeColumns.recall'), key: 'recall', width: 200, render: (_v, n) => <Link to={`/recalls/${n.recallId}`}>{n.recall.number}</Link> },
    { title: t('recalls.columns.level'), key: 'level', width: 100, render: (_v, n) => <RecallLevelTag level={n.recall.level} /> },
    { title: t('recalls.noticeColumns.product'), key: 'product', width: 200, render: (_v, n) => n.recall.productName ?? n.recall.gtin },
    { title: t('recalls.columns.lot'), key: 'lot', width: 130, render: (_v, n) => <RecallScope recall={n.recall} /> },
    { title: t('recalls.noticeColumns.maker'), key: 'maker', width: 200, render: (_v, n) => n.recall.makerName },
    { title: t('recalls.noticeColumns.quantity'), key: 'quantity', width: 100, render: (_v, n) => <NoticeQuantity notice={n} /> },
    { title: t('recalls.noticeColumns.locations'), key: 'locations', width: 160, render: (_v, n) => n.locations.join('、') || '—' },
    { title: t('recalls.columns.reason'), key: 'reason', width: 200, render: (_v, n) => <Typography.Text ellipsis={{ tooltip: n.recall.reason }}>{n.recall.reason}</Typography.Text> },
    { title: t('recalls.noticeColumns.acknowledged'), key: 'state', width: 200, render: (_v, n) => <NoticeState notice={n} canAcknowledge={canAcknowledge} /> },
  ];
  return (
    <ResponsiveTable
      rows={notices}
      rowKey="id"
      columns={columns}
      loading={loading}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      scrollX={1490}
      empty={<Empty description={t('recalls.noticesEmpty')} />}
      renderCard={(n) => (
        <>
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
            <Link to={`/recalls/${n.recallId}`} style={{ fontWeight: 600 }}>
              {n.recall.number}
            </Link>
            <RecallLevelTag level={n.recall.level} />
          </div>
          <div style={{ fontSize: 13 }}>
            {n.recall.productName ?? n.recall.gtin} · <RecallScope recall={n.recall} />
          </div>
          <div style={{ fontSize: 13 }}>
            <NoticeQuantity notice={n} /> · {n.locations.join('、') || '—'}
          </div>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }} ellipsis={{ rows: 2 }}>
            {n.recall.reason}
          </Typography.Paragraph>
          <Space style={{ marginTop: 6 }}>
            <NoticeState notice={n} canAcknowledge={canAcknowledge} />
          </Space>
        </>
      )}
    />
  );
}
