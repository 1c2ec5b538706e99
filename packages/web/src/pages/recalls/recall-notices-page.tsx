import { Alert, Space, Switch, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useGrant } from '../../app/grants.ts';
import { ForbiddenPage } from '../../app/status-pages.tsx';
import { useRecallNotices } from './recall-api.ts';
import { RecallNoticeList } from './recall-notice-list.tsx';

/** 召回通知: the recall notices sent to the user's enterprise, those still to confirm first; 确认已处置 on each. */
export function RecallNoticesPage() {
  const { t } = useTranslation();
  const canRead = useGrant('trace.read');
  const canAcknowledge = useGrant('recall.acknowledge');
  const [params, setParams] = useSearchParams();
  const openOnly = params.get('open') === '1';
  const notices = useRecallNotices(openOnly, canRead);

  if (!canRead) return <ForbiddenPage />;

  const setOpenOnly = (checked: boolean) => setParams(checked ? { open: '1' } : {}, { replace: true });

  return (
    <>
      <div className="shian-page-header">
        <Typography.Title level={3}>{t('recalls.noticesTitle')}</Typography.Title>
        <Space>
          <Switch id="recall-notices-open" checked={openOnly} onChange={setOpenOnly} />
          <label htmlFor="recall-notices-open">{t('recalls.openOnly')}</label>
        </Space>
      </div>
      {notices.isError ? (
        <Alert type="error" showIcon title={notices.error.message} />
      ) : (
        <RecallNoticeList notices={notices.data ?? []} canAcknowledge={canAcknowledge} loading={notices.isPending} />
      )}
    </>
  );
}
