import { Result, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isRegulator, useCurrentUser } from '../../app/current-user.tsx';
import { useGrant } from '../../app/grants.ts';
import { AlertsTab } from './alerts-tab.tsx';
import { BatchesTab } from './batches-tab.tsx';

const TAB_KEYS = ['batches', 'alerts'] as const;
type TabKey = (typeof TAB_KEYS)[number];

/**
 * 追溯码 (一物一码): an enterprise asks for item codes for a lot, follows their issuing and downloads them (CSV,
 * Excel, printable QR labels); a regulator reads the batches of the jurisdiction and reviews the scan page's
 * alerts (可疑码预警). The tab is kept in the URL (`?tab=`).
 */
export function TraceCodesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canRead = useGrant('trace.read');
  const canWrite = useGrant('trace.write');
  const [params, setParams] = useSearchParams();
  if (!canRead) return <Result status="403" title={t('app.forbidden')} />;

  const regulator = isRegulator(user);
  const enterpriseId = regulator ? null : user.enterpriseId;
  const requested = params.get('tab');
  const active: TabKey = TAB_KEYS.find((key) => key === requested) ?? 'batches';

  return (
    <>
      <div className="shian-page-header">
        <Typography.Title level={3}>{t('traceCodes.title')}</Typography.Title>
      </div>
      <Tabs
        activeKey={active}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'batches', label: t('traceCodes.tabs.batches'), children: <BatchesTab enterpriseId={enterpriseId} canRequest={canWrite && !regulator} /> },
          { key: 'alerts', label: t('traceCodes.tabs.alerts'), children: <AlertsTab /> },
        ]}
      />
    </>
  );
}
