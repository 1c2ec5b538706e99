import type { ReactNode } from 'react';
import { Button, Card, Empty, Grid, Result, Select, Skeleton, Space, Table, Typography, type TableColumnsType } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useRectificationOrders } from '../../api/supervision-queries.ts';
import { RECTIFICATION_STATUSES, type RectificationOrder, type RectificationStatus } from '../../api/supervision-types.ts';
import { isRegulator, useCurrentUser } from '../../app/current-user.tsx';
import { useMessages } from '../../i18n/setup.ts';
import { formatDateTime } from '../../lib/format.ts';
import { DueDate, RectificationStatusTag } from './rectification-tags.tsx';

function statusParam(value: string | null): RectificationStatus | undefined {
  return RECTIFICATION_STATUSES.find((status) => status === value);
}

/** Unsettled orders first, soonest deadline first; verified ones after them, latest first. */
function byUrgency(a: RectificationOrder, b: RectificationOrder): number {
  const settled = Number(a.status === 'verified') - Number(b.status === 'verified');
  if (settled !== 0) return settled;
  return a.status === 'verified' ? b.dueOn.localeCompare(a.dueOn) : a.dueOn.localeCompare(b.dueOn);
}

function OrderCards({ orders, showEnterprise }: { orders: RectificationOrder[]; showEnterprise: boolean }) {
  const { t } = useTranslation();
  return (
    <ul className="shian-card-list" aria-label={t('rectification.title')}>
      {orders.map((order) => (
        <li key={order.id}>
          <Card size="small">
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
              <Link to={`/rectifications/${order.id}`} style={{ fontWeight: 600 }}>
                {order.number}
              </Link>
              <RectificationStatusTag status={order.status} />
            </div>
            {showEnterprise && <div style={{ fontSize: 13, marginTop: 4 }}>{order.enterprise.name}</div>}
            <div style={{ fontSize: 13, marginTop: 4 }}>
              {t('rectification.columns.dueOn')}
              {t('common.colon')}
              <DueDate order={order} />
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('rectification.columns.inspection')} {order.inspectionNumber} · {t('rectification.findingCount', { count: order.findings.length })}
            </Typography.Text>
          </Card>
        </li>
      ))}
    </ul>
  );
}

/** 整改通知: rectification orders in scope, the unsettled first by deadline, filtered by status (kept in the URL). */
export function RectificationListPage() {
  const { t } = useTranslation();
  const messages = useMessages();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const status = statusParam(params.get('status'));
  const orders = useRectificationOrders({ status });
  const compact = Grid.useBreakpoint().md === false;
  // An enterprise user sees only its own orders: the enterprise column says nothing there.
  const showEnterprise = isRegulator(user);

  const setStatus = (value: RectificationStatus | 'all') => {
    const next = new URLSearchParams(params);
    if (value === 'all') next.delete('status');
    else next.set('status', value);
    setParams(next, { replace: true });
  };

  const columns: TableColumnsType<RectificationOrder> = [
    { title: t('rectification.columns.number'), dataIndex: 'number', width: 180, render: (_value, order) => <Link to={`/rectifications/${order.id}`}>{order.number}</Link> },
    ...(showEnterprise
      ? [{ title: t('rectification.columns.enterprise'), key: 'enterprise', width: 200, render: (_value: unknown, order: RectificationOrder) => <Link to={`/enterprises/${order.enterprise.id}`}>{order.enterprise.name}</Link> }]
      : []),
    {
      title: t('rectification.columns.inspection'),
      dataIndex: 'inspectionNumber',
      width: 180,
      render: (_value, order) => <Link to={`/inspections/${order.inspectionId}`}>{order.inspectionNumber}</Link>,
    },
    { title: t('rectification.columns.findings'), key: 'findings', width: 70, align: 'end', render: (_value, order) => order.findings.length },
    { title: t('rectification.columns.dueOn'), dataIndex: 'dueOn', width: 150, render: (_value, order) => <DueDate order={order} /> },
    { title: t('rectification.columns.status'), dataIndex: 'status', width: 100, render: (_value, order) => <RectificationStatusTag status={order.status} /> },
    { title: t('rectification.columns.respondedAt'), dataIndex: 'respondedAt', width: 150, render: (value: string | null) => formatDateTime(value) },
  ];

  const sorted = orders.data ? [...orders.data].sort(byUrgency) : [];
  let body: ReactNode;
  if (orders.isPending) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (orders.isError) {
    body = <Result status="error" title={t('app.error')} subTitle={orders.error.message} extra={<Button onClick={() => void orders.refetch()}>{t('app.retry')}</Button>} />;
  } else if (sorted.length === 0) body = <Empty description={t('rectification.empty')} />;
  else if (compact) body = <OrderCards orders={sorted} showEnterprise={showEnterprise} />;
  else {
    body = (
      <Table<RectificationOrder>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={sorted}
        pagination={sorted.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: showEnterprise ? 1030 : 830 }}
      />
    );
  }

  return (
    <>
      <div className="shian-page-header">
        <Typography.Title level={3}>{t('rectification.title')}</Typography.Title>
        <Space>
          <label htmlFor="rectification-status">{t('rectification.statusFilter')}</label>
          <Select<RectificationStatus | 'all'>
            id="rectification-status"
            value={status ?? 'all'}
            onChange={setStatus}
            style={{ width: 150 }}
            options={[{ value: 'all', label: t('common.all') }, ...RECTIFICATION_STATUSES.map((value) => ({ value, label: messages.rectification.statuses[value] }))]}
          />
        </Space>
      </div>
      {body}
    </>
  );
}
