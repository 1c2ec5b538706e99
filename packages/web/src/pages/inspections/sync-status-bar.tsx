import { App, Badge, Button, Space, Tag } from 'antd';
import { CloudSyncOutlined, DisconnectOutlined, WifiOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import './inspections.css';
import { syncOutbox, useOfflineStatus } from '../../features/offline/sync-runtime.ts';

/** Online or not, how many submissions wait to be sent (待同步), and a button to send them now. */
export function SyncStatusBar() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { online, pending, attention, syncing } = useOfflineStatus();

  const syncNow = async () => {
    const report = await syncOutbox();
    if (!report) return;
    if (report.stopped === 'unauthorized') void message.error(t('inspectionForm.syncSessionExpired'));
    else if (report.stopped === 'retry') void message.warning(t('inspectionForm.syncStopped'));
    else void message.success(t('inspectionForm.syncDone'));
  };

  return (
    <div className="shian-sync-bar">
      <Space wrap size={[8, 8]}>
        <Tag color={online ? 'success' : 'default'} icon={online ? <WifiOutlined aria-hidden /> : <DisconnectOutlined aria-hidden />}>
          {online ? t('inspectionForm.online') : t('inspectionForm.offline')}
        </Tag>
        <span role="status" aria-live="polite" className="shian-sync-count">
          <Badge status={pending > 0 ? 'warning' : 'success'} />
          <span>{t('inspectionForm.pending', { count: pending })}</span>
        </span>
        {attention > 0 && <Tag color="error">{t('inspectionForm.attention', { count: attention })}</Tag>}
      </Space>
      <Button icon={<CloudSyncOutlined aria-hidden spin={syncing} />} disabled={!online} onClick={() => void syncNow()}>
        {t('inspectionForm.syncNow')}
      </Button>
    </div>
  );
}
