import { useState } from 'react';
import { App, Button, Card, Empty, Form, Input, Popconfirm, Skeleton, Typography } from 'antd';
import { UserDeleteOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiSend } from '../../../api/client.ts';
import { supervisionKeys, useRecusals } from '../../../api/supervision-queries.ts';
import type { Recusal } from '../../../api/supervision-types.ts';
import type { Enterprise } from '../../../api/types.ts';
import { useCurrentUser } from '../../../app/current-user.tsx';
import { FormModal } from '../../../components/form-modal.tsx';
import { formatDate } from '../../../lib/format.ts';

interface DeclareValues {
  reason: string;
}

/** 申报回避 for oneself (`POST /recusals` without an inspector: the signed-in inspector). */
function DeclareModal({ enterprise, onClose, onSaved }: { enterprise: Pick<Enterprise, 'id' | 'name'>; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DeclareValues>();
  return (
    <FormModal<DeclareValues>
      form={form}
      title={t('recusal.declare')}
      fields={['reason']}
      initialValues={{ reason: '' }}
      submit={(values) => apiSend<Recusal>('POST', '/api/v1/recusals', { enterpriseId: enterprise.id, reason: values.reason.trim() })}
      onClose={onClose}
      onSaved={onSaved}
      successMessage={t('recusal.declared')}
      width={520}
    >
      <Typography.Paragraph>
        <Typography.Text strong>{enterprise.name}</Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('recusal.declareHint')}</Typography.Paragraph>
      <Form.Item
        label={t('recusal.reason')}
        name="reason"
        rules={[
          { required: true, whitespace: true, message: t('common.required') },
          { min: 2, message: t('recusal.reasonTooShort', { min: 2 }) },
        ]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('recusal.reasonPlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}

/**
 * 回避: the standing recusals for this enterprise (an inspector sees their own, a supervisor the jurisdiction's),
 * 申报回避 for an inspector themself, and 撤回.
 */
export function RecusalPanel({ enterprise }: { enterprise: Pick<Enterprise, 'id' | 'name'> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const recusals = useRecusals(enterprise.id, true);
  const [declaring, setDeclaring] = useState(false);
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const isInspector = user.role === 'inspector';
  const alreadyDeclared = recusals.data?.some((recusal) => recusal.inspectorId === user.id) ?? false;

  const refresh = () => queryClient.invalidateQueries({ queryKey: supervisionKeys.recusals(enterprise.id) });

  const withdraw = async (recusal: Recusal) => {
    setWithdrawing(recusal.id);
    try {
      await apiSend('DELETE', `/api/v1/recusals/${encodeURIComponent(recusal.id)}`);
      void message.success(t('recusal.withdrawn'));
      await refresh();
    } catch (error) {
      void message.error(error instanceof Error ? error.message : t('app.error'));
    } finally {
      setWithdrawing(null);
    }
  };

  return (
    <Card
      size="small"
      title={t('recusal.title')}
      extra={
        isInspector &&
        !alreadyDeclared && (
          <Button size="small" icon={<UserDeleteOutlined aria-hidden />} onClick={() => setDeclaring(true)}>
            {t('recusal.declare')}
          </Button>
        )
      }
    >
      {recusals.isPending ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : recusals.isError ? (
        <Typography.Text type="danger">{recusals.error.message}</Typography.Text>
      ) : recusals.data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={isInspector ? t('recusal.emptyOwn') : t('recusal.empty')} />
      ) : (
        <ul className="shian-simple-list" aria-label={t('recusal.title')}>
          {recusals.data.map((recusal) => (
            <li key={recusal.id}>
              <div className="shian-simple-list-main">
                <Typography.Text strong>{recusal.inspectorName}</Typography.Text>
                <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                  {t('recusal.declaredOn', { date: formatDate(recusal.declaredOn) })}
                </Typography.Text>
                <div style={{ fontSize: 13 }}>{recusal.reason}</div>
              </div>
              <Popconfirm title={t('recusal.withdrawConfirm')} okText={t('recusal.withdraw')} cancelText={t('common.cancel')} onConfirm={() => void withdraw(recusal)}>
                <Button size="small" type="link" loading={withdrawing === recusal.id} aria-label={`${t('recusal.withdraw')} ${recusal.inspectorName}`}>
                  {t('recusal.withdraw')}
                </Button>
              </Popconfirm>
            </li>
          ))}
        </ul>
      )}
      {declaring && <DeclareModal enterprise={enterprise} onClose={() => setDeclaring(false)} onSaved={() => void refresh()} />}
    </Card>
  );
}
