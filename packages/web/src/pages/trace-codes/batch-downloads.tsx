import { useState } from 'react';
import { App, Button, Form, InputNumber, Modal, Space } from 'antd';
import { DownloadOutlined, FilePdfOutlined, LinkOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { apiDownload, isApiError } from '../../api/client.ts';
import { MAX_LABELS_PER_PDF, MAX_XLSX_ROWS, type CodeBatch } from './trace-codes-api.ts';

const base = (batch: CodeBatch) => `/api/v1/trace/code-batches/${encodeURIComponent(batch.id)}`;

/** 打印标签: a range of positions (from, count ≤ 5000) as an A4 sheet of QR labels. */
function LabelRangeModal({ batch, onClose }: { batch: CodeBatch; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ from: number; count: number }>();
  const [busy, setBusy] = useState(false);
  const download = async ({ from, count }: { from: number; count: number }) => {
    setBusy(true);
    try {
      await apiDownload(`${base(batch)}/labels.pdf?from=${from}&count=${count}`, `labels-${batch.number}.pdf`);
      onClose();
    } catch (error) {
      void message.error(isApiError(error) ? error.message : t('app.error'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('traceCodes.downloads.labelsTitle')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.download')} confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ from: 1, count: Math.min(MAX_LABELS_PER_PDF, batch.quantity) }} onFinish={(values) => void download(values)}>
        <Form.Item label={t('traceCodes.downloads.from')} name="from" rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber min={1} max={batch.quantity} precision={0} style={{ width: '100%' }} aria-label={t('traceCodes.downloads.from')} />
        </Form.Item>
        <Form.Item label={t('traceCodes.downloads.count')} name="count" extra={t('traceCodes.downloads.countHint')} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber min={1} max={MAX_LABELS_PER_PDF} precision={0} style={{ width: '100%' }} aria-label={t('traceCodes.downloads.count')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The downloads of an issued batch (CSV, Excel, label PDF) and a link to one code's public page. */
export function BatchDownloads({ batch }: { batch: CodeBatch }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [labels, setLabels] = useState(false);
  const [busy, setBusy] = useState<'csv' | 'xlsx' | null>(null);
  if (batch.status !== 'issued') return null;
  const download = async (kind: 'csv' | 'xlsx') => {
    setBusy(kind);
    try {
      await apiDownload(`${base(batch)}/codes.${kind}${kind === 'xlsx' && batch.quantity > MAX_XLSX_ROWS ? `?count=${MAX_XLSX_ROWS}` : ''}`, `codes-${batch.number}.${kind}`);
    } catch (error) {
      void message.error(isApiError(error) ? error.message : t('app.error'));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Space wrap size={4}>
      <Button size="small" icon={<DownloadOutlined aria-hidden />} loading={busy === 'csv'} onClick={() => void download('csv')}>
        {t('traceCodes.downloads.csv')}
      </Button>
      <Button size="small" icon={<DownloadOutlined aria-hidden />} loading={busy === 'xlsx'} onClick={() => void download('xlsx')}>
        {t('traceCodes.downloads.xlsx')}
      </Button>
      <Button size="small" icon={<FilePdfOutlined aria-hidden />} onClick={() => setLabels(true)}>
        {t('traceCodes.downloads.labels')}
      </Button>
      {batch.firstCodeUri && (
        <Button size="small" type="link" icon={<LinkOutlined aria-hidden />} href={batch.firstCodeUri} target="_blank" rel="noopener noreferrer">
          {t('traceCodes.downloads.openSample')}
        </Button>
      )}
      {labels && <LabelRangeModal batch={batch} onClose={() => setLabels(false)} />}
    </Space>
  );
}
