import { useState } from 'react';
import { Alert, App, Button, Empty, Form, Input, Modal, Popconfirm, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { KeyOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiSend, isApiError } from '../../api/client.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { ResponsiveTable } from '../../components/responsive-table.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { traceOpsKeys, useApiKeys, type ApiKey, type CreatedApiKey } from './trace-ops-api.ts';

/** The request an enterprise system sends, as a curl line (the key in the Authorization header). */
function curlExample(origin: string, key: string): string {
  return [
    `curl -X POST '${origin}/epcis/capture' \\`,
    `  -H 'Authorization: Bearer ${key}' \\`,
    `  -H 'Content-Type: application/ld+json' \\`,
    `  --data @epcis-document.jsonld`,
  ].join('\n');
}

/** The key just made, shown this once, with a copy button and the warning that it is not shown again. */
function NewKeyModal({ created, onClose }: { created: CreatedApiKey; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open title={t('traceOps.apiKeys.keyTitle')} onCancel={onClose} mask={{ closable: false }} footer={<Button type="primary" onClick={onClose}>{t('traceOps.apiKeys.keySaved')}</Button>}>
      <Alert type="warning" showIcon title={created.warning} style={{ marginBottom: 16 }} />
      <Typography.Paragraph copyable={{ text: created.key, tooltips: [t('traceOps.apiKeys.copy'), t('traceOps.apiKeys.copied')] }} code style={{ wordBreak: 'break-all' }}>
        {created.key}
      </Typography.Paragraph>
      <Typography.Text type="secondary">{t('traceOps.apiKeys.curlTitle')}</Typography.Text>
      <pre style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>{curlExample(window.location.origin, created.key)}</pre>
    </Modal>
  );
}

/** 新建密钥: a name for the key (which system uses it). */
function CreateKeyModal(props: { enterpriseId: string; onCreated: (created: CreatedApiKey) => void; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string }>();
  return (
    <FormModal<{ name: string }>
      form={form}
      title={t('traceOps.apiKeys.createTitle')}
      fields={['name']}
      submit={async (values) => {
        props.onCreated(await apiSend<CreatedApiKey>('POST', `/api/v1/enterprises/${props.enterpriseId}/api-keys`, { name: values.name.trim() }));
      }}
      onClose={props.onClose}
      onSaved={props.onSaved}
      successMessage={t('common.created')}
    >
      <Form.Item label={t('traceOps.apiKeys.name')} name="name" rules={[{ required: true, whitespace: true, message: t('common.required') }]} extra={t('traceOps.apiKeys.nameHint')}>
        <Input maxLength={100} />
      </Form.Item>
    </FormModal>
  );
}

/**
 * 接口密钥: the keys the enterprise's own systems (ERP, WMS, line scanners) send EPCIS documents with. A key
 * is shown once when made; revoking one refuses it at once.
 */
export function ApiKeysTab({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const keys = useApiKeys(enterpriseId, true);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: traceOpsKeys.apiKeys(enterpriseId) });
  const revoke = async (key: ApiKey) => {
    try {
      await apiSend('POST', `/api/v1/api-keys/${key.id}/revoke`);
      void message.success(t('traceOps.apiKeys.revokedDone'));
      await refresh();
    } catch (error) {
      void message.error(isApiError(error) ? error.message : t('app.error'));
    }
  };

  const status = (k: ApiKey) => (k.revokedAt ? <Tag>{t('traceOps.apiKeys.revoked')}</Tag> : <Tag color="green">{t('traceOps.apiKeys.active')}</Tag>);
  const revokeButton = (k: ApiKey) =>
    k.revokedAt ? null : (
      <Popconfirm title={t('traceOps.apiKeys.revokeConfirm')} okText={t('traceOps.apiKeys.revoke')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }} onConfirm={() => revoke(k)}>
        <Button size="small" danger aria-label={`${t('traceOps.apiKeys.revoke')} ${k.name}`}>
          {t('traceOps.apiKeys.revoke')}
        </Button>
      </Popconfirm>
    );
  const columns: TableColumnsType<ApiKey> = [
    { title: t('traceOps.apiKeys.name'), dataIndex: 'name', width: 180 },
    { title: t('traceOps.apiKeys.prefix'), dataIndex: 'prefix', width: 150, render: (value: string) => <Typography.Text code>{value}…</Typography.Text> },
    { title: t('traceOps.apiKeys.createdAt'), dataIndex: 'createdAt', width: 170, render: (value: string) => formatDateTime(value) },
    { title: t('traceOps.apiKeys.lastUsedAt'), dataIndex: 'lastUsedAt', width: 170, render: (value: string | null) => formatDateTime(value, t('traceOps.apiKeys.never')) },
    { title: t('traceOps.apiKeys.status'), key: 'status', width: 90, render: (_v, k) => status(k) },
    { title: t('common.actions'), key: 'actions', width: 100, render: (_v, k) => revokeButton(k) },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Paragraph style={{ marginBottom: 0 }}>{t('traceOps.apiKeys.intro')}</Typography.Paragraph>
      <pre style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12, margin: 0 }}>{curlExample(window.location.origin, 'shian_…')}</pre>
      <div>
        <Button type="primary" icon={<KeyOutlined aria-hidden />} onClick={() => setCreating(true)}>
          {t('traceOps.apiKeys.create')}
        </Button>
      </div>
      <ResponsiveTable<ApiKey>
        rows={keys.data ?? []}
        rowKey="id"
        columns={columns}
        loading={keys.isPending}
        scrollX={860}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        empty={<Empty description={keys.isError ? keys.error.message : t('traceOps.apiKeys.empty')} />}
        renderCard={(k) => (
          <Space orientation="vertical" size={2} style={{ width: '100%' }}>
            <Space wrap>
              <Typography.Text strong>{k.name}</Typography.Text>
              {status(k)}
            </Space>
            <Typography.Text code>{k.prefix}…</Typography.Text>
            <Typography.Text type="secondary">
              {t('traceOps.apiKeys.lastUsedAt')}
              {t('common.colon')}
              {formatDateTime(k.lastUsedAt, t('traceOps.apiKeys.never'))}
            </Typography.Text>
            {revokeButton(k)}
          </Space>
        )}
      />
      {creating && <CreateKeyModal enterpriseId={enterpriseId} onCreated={setCreated} onClose={() => setCreating(false)} onSaved={() => void refresh()} />}
      {created && <NewKeyModal created={created} onClose={() => setCreated(null)} />}
    </Space>
  );
}
