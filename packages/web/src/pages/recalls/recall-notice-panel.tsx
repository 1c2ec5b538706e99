import { Alert, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useGrant } from '../../app/grants.ts';
import { useRecallNotices } from './recall-api.ts';
import { RecallNoticeList } from './recall-notice-list.tsx';

/**
 * The work queue's recall notices (待办): an enterprise's notices still to confirm, above its clocks. Shows
 * nothing for users who confirm no notices, or when there is none.
 */
export function RecallNoticePanel() {
  const { t } = useTranslation();
  const canAcknowledge = useGrant('recall.acknowledge');
  const notices = useRecallNotices(true, canAcknowledge);
  if (!canAcknowledge || !notices.data || notices.data.length === 0) return null;
  return (
    <Card size="small" title={t('recalls.workCard')} style={{ marginBottom: 12, borderColor: '#ff4d4f' }}>
      <Alert type="error" showIcon title={t('recalls.workCardHint')} style={{ marginBottom: 8 }} />
      <RecallNoticeList notices={notices.data} canAcknowledge loading={false} />
    </Card>
  );
}
