import { useState, type ReactNode } from 'react';
import { Alert, Button, Empty, Progress, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useDossier } from '../../api/queries.ts';
import { ResponsiveTable } from '../../components/responsive-table.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { BatchDownloads } from './batch-downloads.tsx';
import { RequestBatchModal } from './request-batch-modal.tsx';
import { traceCodeKeys, useCodeBatches, type CodeBatch } from './trace-codes-api.ts';

const STATUS_COLOURS: Record<CodeBatch['status'], string> = { queued: 'default', issuing: 'processing', issued: 'success', failed: 'error' };

/** The status of a batch: a progress bar while its codes are being issued. */
function BatchProgress({ batch }: { batch: CodeBatch }) {
  const { t } = useTranslation();
  if (batch.status === 'issuing' || batch.status === 'queued') {
    return (
      <div aria-label={t('traceCodes.progress', { issued: batch.issued.toLocaleString(), quantity: batch.quantity.toLocaleString() })}>
        <Progress percent={Math.floor(batch.progress * 100)} size="small" status="active" />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('traceCodes.progress', { issued: batch.issued.toLocaleString(), quantity: batch.quantity.toLocaleString() })}
        </Typography.Text>
      </div>
    );
  }
  return <Tag color={STATUS_COLOURS[batch.status]}>{batch.statusName}</Tag>;
}

/** The "申请赋码" button and form, for an enterprise user with trace.write and products with a GTIN. */
function RequestButton({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const dossier = useDossier(enterpriseId);
  const [open, setOpen] = useState(false);
  const products = (dossier.data?.products ?? []).filter((p) => p.status === 'active' && p.gtins.length > 0);
  return (
    <>
      <Button type="primary" icon={<PlusOutlined aria-hidden />} disabled={dossier.isPending || products.length === 0} onClick={() => setOpen(true)}>
        {t('traceCodes.request')}
      </Button>
      {dossier.isSuccess && products.length === 0 && <Typography.Text type="secondary">{t('traceCodes.noProducts')}</Typography.Text>}
      {open && <RequestBatchModal products={products} onClose={() => setOpen(false)} onSaved={() => void queryClient.invalidateQueries({ queryKey: traceCodeKeys.batches })} />}
    </>
  );
}

/** 赋码批次: the batches in scope with progress and downloads; an enterprise user with trace.write asks for more. */
export function BatchesTab({ enterpriseId, canRequest }: { enterpriseId: string | null; canRequest: boolean }) {
  const { t } = useTranslation();
  const batches = useCodeBatches();
  const rows = batches.data?.items ?? [];
  const showEnterprise = enterpriseId === null;

  const columns: TableColumnsType<CodeBatch> = [
    { title: t('traceCodes.columns.number'), dataIndex: 'number', width: 190 },
    ...(showEnterprise ? [{ title: t('traceCodes.columns.enterprise'), key: 'enterprise', width: 200, render: (_v: unknown, b: CodeBatch) => b.enterprise.name }] : []),
    { title: t('traceCodes.columns.product'), key: 'product', width: 200, render: (_v, b) => b.product.name },
    { title: t('traceCodes.columns.lot'), dataIndex: 'lot', width: 120 },
    { title: t('traceCodes.columns.dates'), key: 'dates', width: 200, render: (_v, b) => `${b.productionDate} ~ ${b.expiryDate}` },
    { title: t('traceCodes.columns.quantity'), dataIndex: 'quantity', width: 110, align: 'end', render: (q: number) => q.toLocaleString() },
    { title: t('traceCodes.columns.status'), key: 'status', width: 190, render: (_v, b) => <BatchProgress batch={b} /> },
    { title: t('traceCodes.columns.createdAt'), dataIndex: 'createdAt', width: 160, render: (v: string) => formatDateTime(v) },
    { title: t('common.actions'), key: 'actions', width: 330, render: (_v, b) => <BatchDownloads batch={b} /> },
  ];

  const card = (b: CodeBatch): ReactNode => (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
        <strong>{b.number}</strong>
        <BatchProgress batch={b} />
      </div>
      {showEnterprise && <div>{b.enterprise.name}</div>}
      <div>
        {b.product.name} · {t('traceCodes.columns.lot')} {b.lot} · {b.quantity.toLocaleString()}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {b.productionDate} ~ {b.expiryDate}
      </Typography.Text>
      <BatchDownloads batch={b} />
    </Space>
  );

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        {canRequest && enterpriseId ? <RequestButton enterpriseId={enterpriseId} /> : <Alert type="info" showIcon title={t('traceCodes.readOnly')} />}
      </Space>
      {batches.isError ? (
        <Alert type="error" showIcon title={t('app.error')} description={batches.error.message} />
      ) : (
        <ResponsiveTable<CodeBatch>
          rows={rows}
          rowKey="id"
          columns={columns}
          renderCard={card}
          loading={batches.isPending}
          pagination={{ pageSize: 20, total: rows.length, showSizeChanger: false, hideOnSinglePage: true }}
          empty={<Empty description={t('traceCodes.empty')} />}
          scrollX={showEnterprise ? 1700 : 1500}
        />
      )}
    </>
  );
}
