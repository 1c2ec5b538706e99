import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Empty, Popconfirm, Segmented, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiSend, isApiError } from '../../api/client.ts';
import { useGrant } from '../../app/grants.ts';
import { ResponsiveTable } from '../../components/responsive-table.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { traceCodeKeys, useTraceAlerts, type TraceAlert } from './trace-codes-api.ts';

type StatusFilter = 'open' | 'closed' | 'all';

/** The code an alert is about: the serial (a copy) or the GTIN (unregistered codes of it). */
const codeOf = (a: TraceAlert): string => (a.serial ? `${a.gtin} / ${a.serial}` : a.gtin);

function CloseButton({ alert }: { alert: TraceAlert }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  if (alert.status !== 'open') return <Typography.Text type="secondary">{formatDateTime(alert.closedAt)}</Typography.Text>;
  const close = async () => {
    setBusy(true);
    try {
      await apiSend('POST', `/api/v1/trace/alerts/${encodeURIComponent(alert.id)}/close`);
      void message.success(t('traceCodes.alerts.closedMessage'));
      await queryClient.invalidateQueries({ queryKey: traceCodeKeys.alertsAll });
    } catch (error) {
      void message.error(isApiError(error) ? error.message : t('app.error'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popconfirm title={t('traceCodes.alerts.closeConfirm')} okText={t('traceCodes.alerts.close')} cancelText={t('common.cancel')} onConfirm={() => close()}>
      <Button size="small" loading={busy}>
        {t('traceCodes.alerts.close')}
      </Button>
    </Popconfirm>
  );
}

/** 可疑码预警: codes scanned like copies and scans of unregistered codes, in scope; regulators close them after review. */
export function AlertsTab() {
  const { t } = useTranslation();
  const canClose = useGrant('trace.alerts');
  const [filter, setFilter] = useState<StatusFilter>('open');
  const alerts = useTraceAlerts(filter === 'all' ? undefined : filter);
  const rows = alerts.data?.items ?? [];

  const status = (a: TraceAlert) => <Tag color={a.status === 'open' ? 'red' : 'default'}>{a.status === 'open' ? t('traceCodes.alerts.open') : t('traceCodes.alerts.closed')}</Tag>;
  const columns: TableColumnsType<TraceAlert> = [
    { title: t('traceCodes.alerts.columns.kind'), key: 'kind', width: 130, render: (_v, a) => <Tag color={a.kind === 'possible_copy' ? 'orange' : 'red'}>{a.kindName}</Tag> },
    { title: t('traceCodes.alerts.columns.code'), key: 'code', width: 260, render: (_v, a) => <Typography.Text code>{codeOf(a)}</Typography.Text> },
    { title: t('traceCodes.alerts.columns.enterprise'), key: 'enterprise', width: 220, render: (_v, a) => [a.enterprise?.name, a.productName].filter(Boolean).join(' · ') || '—' },
    { title: t('traceCodes.alerts.columns.reason'), dataIndex: 'reasonText', width: 320 },
    { title: t('traceCodes.alerts.columns.createdAt'), dataIndex: 'createdAt', width: 160, render: (v: string) => formatDateTime(v) },
    { title: t('traceCodes.alerts.columns.status'), key: 'status', width: 90, render: (_v, a) => status(a) },
    ...(canClose ? [{ title: t('common.actions'), key: 'actions', width: 140, render: (_v: unknown, a: TraceAlert) => <CloseButton alert={a} /> }] : []),
  ];
  const card = (a: TraceAlert): ReactNode => (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
        <Tag color={a.kind === 'possible_copy' ? 'orange' : 'red'}>{a.kindName}</Tag>
        {status(a)}
      </div>
      <Typography.Text code style={{ wordBreak: 'break-all' }}>
        {codeOf(a)}
      </Typography.Text>
      {a.enterprise && <div>{a.enterprise.name}</div>}
      <div style={{ fontSize: 13 }}>{a.reasonText}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatDateTime(a.createdAt)}
      </Typography.Text>
      {canClose && <CloseButton alert={a} />}
    </Space>
  );

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented<StatusFilter>
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'open', label: t('traceCodes.alerts.open') },
            { value: 'closed', label: t('traceCodes.alerts.closed') },
            { value: 'all', label: t('common.all') },
          ]}
        />
        <Typography.Text type="secondary">{t('traceCodes.alerts.policy')}</Typography.Text>
      </Space>
      {alerts.isError ? (
        <Alert type="error" showIcon title={t('app.error')} description={alerts.error.message} />
      ) : (
        <ResponsiveTable<TraceAlert>
          rows={rows}
          rowKey="id"
          columns={columns}
          renderCard={card}
          loading={alerts.isPending}
          pagination={{ pageSize: 20, total: rows.length, showSizeChanger: false, hideOnSinglePage: true }}
          empty={<Empty description={t('traceCodes.alerts.empty')} />}
          scrollX={1320}
        />
      )}
    </>
  );
}
