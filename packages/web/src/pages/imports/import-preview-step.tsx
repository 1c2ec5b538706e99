import { useMemo, useState } from 'react';
import { Alert, Button, Col, Row, Space, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { apiSend } from '../../api/client.ts';
import type { ImportApplied, ImportKind, ImportPreview, ImportRow } from '../../api/types.ts';
import { labelOf, useMessages } from '../../i18n/setup.ts';
import type { Messages } from '../../i18n/zh-CN.ts';
import { formatChangeValue } from '../../lib/format.ts';

const ACTION_COLORS: Record<ImportRow['action'], string> = { create: 'green', update: 'blue', unchanged: 'default', error: 'red' };
const ACTION_ORDER: Record<ImportRow['action'], number> = { error: 0, create: 1, update: 2, unchanged: 3 };

function fieldLabels(messages: Messages, kind: ImportKind): Readonly<Record<string, string>> {
  if (kind === 'licences') return messages.licence.fields;
  if (kind === 'products') return messages.product.fields;
  return messages.enterprise.fields;
}

interface ImportPreviewStepProps {
  preview: ImportPreview;
  onRestart: () => void;
  onApplied: (applied: ImportApplied['applied']) => void;
}

/** Step 2: what the import would do. Errors come first, every bad cell named; confirming is blocked while any remain. */
export function ImportPreviewStep({ preview, onRestart, onApplied }: ImportPreviewStepProps) {
  const { t } = useTranslation();
  const messages = useMessages();
  const [applying, setApplying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const labels = fieldLabels(messages, preview.kind);
  const words = { yes: messages.common.yes, no: messages.common.no, none: messages.common.none };

  const rows = useMemo(() => [...preview.rows].sort((a, b) => ACTION_ORDER[a.action] - ACTION_ORDER[b.action] || a.row - b.row), [preview.rows]);
  const errorLines = useMemo(
    () =>
      rows.flatMap((row) =>
        row.errors.map((cell) => t('imports.errorLine', { row: row.row, column: cell.columnLabel || cell.column, message: cell.message })),
      ),
    [rows, t],
  );
  const hasErrors = preview.counts.error > 0 || errorLines.length > 0;

  const confirm = async () => {
    setApplying(true);
    setError(null);
    try {
      const result = await apiSend<ImportApplied>('POST', `/api/v1/imports/${encodeURIComponent(preview.id)}/confirm`);
      onApplied(result.applied);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : t('app.error'));
    } finally {
      setApplying(false);
    }
  };

  const columns: TableColumnsType<ImportRow> = [
    { title: t('imports.columns.row'), dataIndex: 'row', width: 70 },
    {
      title: t('imports.columns.action'),
      dataIndex: 'action',
      width: 90,
      render: (action: ImportRow['action']) => <Tag color={ACTION_COLORS[action]}>{labelOf(messages.enums.importAction, action)}</Tag>,
    },
    { title: t('imports.columns.key'), dataIndex: 'key', width: 200, render: (key: string) => <Typography.Text code>{key}</Typography.Text> },
    {
      title: t('imports.columns.detail'),
      key: 'detail',
      render: (_value, row) =>
        row.errors.length > 0 ? (
          <ul className="shian-change-list">
            {row.errors.map((cell, index) => (
              <li key={`${cell.column}-${index}`}>
                <Typography.Text type="danger">
                  {cell.columnLabel || cell.column}
                  {messages.common.colon}
                  {cell.message}
                </Typography.Text>
              </li>
            ))}
          </ul>
        ) : row.changes.length > 0 ? (
          <ul className="shian-change-list">
            {row.changes.map((change) => (
              <li key={change.field}>
                <Typography.Text strong>{labelOf(labels, change.field)}</Typography.Text>
                {messages.common.colon}
                {row.action === 'update' && (
                  <>
                    <Typography.Text delete type="secondary">
                      {formatChangeValue(change.before, words)}
                    </Typography.Text>
                    {' → '}
                  </>
                )}
                {formatChangeValue(change.after, words)}
              </li>
            ))}
          </ul>
        ) : (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ),
    },
  ];

  return (
    <>
      <Typography.Paragraph type="secondary">
        {labelOf(messages.enums.importKind, preview.kind)} · {preview.filename}
      </Typography.Paragraph>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {(['create', 'update', 'unchanged', 'error'] as const).map((key) => (
          <Col key={key} xs={12} sm={6}>
            <Statistic
              title={t(`imports.counts.${key}`)}
              value={preview.counts[key]}
              styles={{ content: key === 'error' && preview.counts.error > 0 ? { color: '#cf1322' } : undefined }}
            />
          </Col>
        ))}
      </Row>
      {hasErrors ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('imports.errorsTitle', { count: errorLines.length || preview.counts.error })}
          description={
            <ul className="shian-error-lines" aria-label={t('imports.counts.error')}>
              {errorLines.map((line, index) => (
                <li key={index}>{line}</li>
              ))}
            </ul>
          }
        />
      ) : (
        <Alert type="success" showIcon style={{ marginBottom: 16 }} title={t('imports.noErrors')} />
      )}
      {preview.warnings && preview.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('imports.warningsTitle')}
          description={
            <ul className="shian-error-lines">
              {preview.warnings.map((warning, index) => (
                <li key={index}>
                  {warning.columnLabel || warning.column}
                  {messages.common.colon}
                  {warning.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={error} />}
      <Space wrap style={{ marginBottom: 16 }}>
        <Button icon={<RollbackOutlined aria-hidden />} onClick={onRestart}>
          {t('imports.restart')}
        </Button>
        <Button type="primary" icon={<CheckOutlined aria-hidden />} disabled={hasErrors} loading={applying} onClick={() => void confirm()}>
          {t('imports.confirm')}
        </Button>
      </Space>
      <Table<ImportRow>
        rowKey="row"
        size="small"
        columns={columns}
        dataSource={rows}
        scroll={{ x: 760 }}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      />
    </>
  );
}
