import { useState } from 'react';
import { Result, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/current-user.tsx';
import { useGrant } from '../../app/grants.ts';
import { AggregateTab } from './aggregate-tab.tsx';
import { ApiKeysTab } from './api-keys-tab.tsx';
import { EventsTab } from './events-tab.tsx';
import { ReceiveTab } from './receive-tab.tsx';
import { ShipTab } from './ship-tab.tsx';

const TAB_KEYS = ['aggregate', 'ship', 'receive', 'events', 'api-keys'] as const;
type TabKey = (typeof TAB_KEYS)[number];

/**
 * 追溯作业: the trace operations of an enterprise without its own system — pack (装箱), ship (发货), receive
 * (收货) — its events (我的事件) and, for its administrator, the API keys of its systems (接口密钥). The tab is
 * kept in the URL (`?tab=`); the premises chosen carries over between tabs.
 */
export function TraceOperationsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canOperate = useGrant('trace.write');
  const canManageKeys = useGrant('apikey.manage');
  const [params, setParams] = useSearchParams();
  const [premisesId, setPremisesId] = useState<string | undefined>();
  const enterpriseId = user.enterpriseId;

  if (!enterpriseId || !canOperate) return <Result status="403" title={t('traceOps.noEnterprise')} />;

  const visible = TAB_KEYS.filter((key) => key !== 'api-keys' || canManageKeys);
  const requested = params.get('tab');
  const active: TabKey = visible.find((key) => key === requested) ?? 'aggregate';
  const shared = { enterpriseId, premisesId, onPremisesChange: setPremisesId };

  return (
    <>
      <div className="shian-page-header">
        <Typography.Title level={3}>{t('traceOps.title')}</Typography.Title>
      </div>
      <Tabs
        activeKey={active}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'aggregate', label: t('traceOps.tabs.aggregate'), children: <AggregateTab {...shared} /> },
          { key: 'ship', label: t('traceOps.tabs.ship'), children: <ShipTab {...shared} /> },
          { key: 'receive', label: t('traceOps.tabs.receive'), children: <ReceiveTab {...shared} /> },
          { key: 'events', label: t('traceOps.tabs.events'), children: <EventsTab /> },
          ...(canManageKeys ? [{ key: 'api-keys', label: t('traceOps.tabs.apiKeys'), children: <ApiKeysTab enterpriseId={enterpriseId} /> }] : []),
        ]}
      />
    </>
  );
}
