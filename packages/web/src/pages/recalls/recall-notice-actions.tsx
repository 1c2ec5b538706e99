import { useState } from 'react';
import { App, Button, Popconfirm } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { acknowledgeNotice, invalidateRecalls } from './recall-api.ts';

/** 确认已处置: the notified enterprise confirms it has withdrawn, sealed or returned the recalled goods. */
export function AcknowledgeButton({ noticeId }: { noticeId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await acknowledgeNotice(noticeId);
      void message.success(t('recalls.acknowledgedDone'));
      await invalidateRecalls(queryClient);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : t('app.error'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popconfirm title={t('recalls.acknowledgeConfirm')} onConfirm={() => confirm()} okText={t('recalls.acknowledge')} cancelText={t('common.cancel')}>
      <Button type="primary" size="small" icon={<CheckOutlined aria-hidden />} loading={busy}>
        {t('recalls.acknowledge')}
      </Button>
    </Popconfirm>
  );
}
