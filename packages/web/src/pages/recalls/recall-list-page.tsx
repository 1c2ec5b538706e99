import { useState } from 'react';
import { Alert, Button, Empty, Select, Space, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useGrant } from '../../app/grants.ts';
import { ForbiddenPage } from '../../app/status-pages.tsx';
import { ResponsiveTable } from '../../components/responsive-table.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useRecalls, type Recall, type RecallStatus } from './recall-api.ts';
import { RecallCreateModal } from './recall-create-modal.tsx';
import { RecallLevelTag, RecallScope, RecallStatusTag } from './recall-tags.tsx';

const PAGE_SIZE = 20;
const statusOf = (value: string | null): RecallStatus | undefined => (value === 'open' || value === 'closed' ? value : undefined);

/**
 * 召回管理: recalls in scope, newest first (regulators: their jurisdiction's; an enterprise: its own and those it
 * was notified of), filtered by status (kept in the URL). Those who may recall start one here.
 */
export function RecallListPage() {
  const { t } = useTranslation();
  const canRead = useGrant('trace.read');
  const canCreate = useGrant('recall.create');
  const [params, setParams] = useSearchParams();
  const status = statusOf(params.get('status'));
  const recalls = useRecalls(status);
  const [creating, setCreating] = useState(false);
  const [page, setPage] = useState(1);

  if (!canRead) return <ForbiddenPage />;

  const rows = recalls.data ?? [];
  const pageRows = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const progress = (r: Recall) => (r.traced ? t('recalls.noticesProgress', { acknowledged: r.acknowledgedCount, total: r.noticeCount }) : t('recalls.tracing'));
  const columns: TableColumnsType<Recall> = [
    { title: t('recalls.columns.number'), dataIndex: 'number', width: 200, render: (_v, r) => <Link to={`/recalls/${r.id}`}>{r.number}</Link> },
    { title: t('recalls.columns.product'), key: 'product', width: 200, render: (_v, r) => r.product?.name ?? r.gtin },
    { title: t('recalls.columns.lot'), key: 'lot', width: 130, render: (_v, r) => <RecallScope recall={r} /> },
    { title: t('recalls.columns.level'), dataIndex: 'level', width: 100, render: (_v, r) => <RecallLevelTag level={r.level} /> },
    { title: t('recalls.columns.maker'), key: 'maker', width: 200, render: (_v, r) => r.enterprise.name },
    { title: t('recalls.columns.status'), dataIndex: 'status', width: 90, render: (_v, r) => <RecallStatusTag status={r.status} /> },
    { title: t('recalls.columns.notices'), key: 'notices', width: 170, render: (_v, r) => progress(r) },
    { title: t('recalls.columns.createdAt'), dataIndex: 'createdAt', width: 160, render: (v: string) => formatDateTime(v) },
  ];

  const setStatus = (value: RecallStatus | 'all') => {
    const next = new URLSearchParams(params);
    if (value === 'all') next.delete('status');
    else next.set('status', value);
    setParams(next, { replace: true });
    setPage(1);
  };

  return (
    <>
      <div className="shian-page-header">
        <Typography.Title level={3}>{t('recalls.title')}</Typography.Title>
        <Space wrap>
          <label htmlFor="recall-status">{t('recalls.statusFilter')}</label>
          <Select<RecallStatus | 'all'>
            id="recall-status"
            value={status ?? 'all'}
            onChange={setStatus}
            style={{ width: 120 }}
            options={[
              { value: 'all', label: t('common.all') },
              { value: 'open', label: t('recalls.statuses.open') },
              { value: 'closed', label: t('recalls.statuses.closed') },
            ]}
          />
          {canCreate && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {t('recalls.create')}
            </Button>
          )}
        </Space>
      </div>
      {recalls.isError ? (
        <Alert type="error" showIcon title={recalls.error.message} />
      ) : (
        <ResponsiveTable
          rows={pageRows}
          rowKey="id"
          columns={columns}
          loading={recalls.isPending}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: rows.length, onChange: setPage, hideOnSinglePage: true, showSizeChanger: false }}
          scrollX={1250}
          empty={<Empty description={t('recalls.empty')} />}
          renderCard={(r) => (
            <>
              <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                <Link to={`/recalls/${r.id}`} style={{ fontWeight: 600 }}>
                  {r.number}
                </Link>
                <Space size={4}>
                  <RecallLevelTag level={r.level} />
                  <RecallStatusTag status={r.status} />
                </Space>
              </div>
              <div style={{ fontSize: 13 }}>
                {r.product?.name ?? r.gtin} · <RecallScope recall={r} />
              </div>
              <div style={{ fontSize: 13 }}>{r.enterprise.name}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(r.createdAt)} · {progress(r)}
              </Typography.Text>
            </>
          )}
        />
      )}
      {creating && <RecallCreateModal onClose={() => setCreating(false)} />}
    </>
  );
}
