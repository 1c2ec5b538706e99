import { Alert, Skeleton, Tabs, Typography } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { useCurrentUser } from '../../app/current-user.tsx';
import { useGrant } from '../../app/grants.ts';
import { ForbiddenPage } from '../../app/status-pages.tsx';
import { DailyCheckPanel } from './daily-check-panel.tsx';
import { useDutyOverview } from './duties-api.ts';
import { useDutyText } from './duties-text.ts';
import { HazardsPanel } from './hazards-panel.tsx';
import { PeoplePanel } from './people-panel.tsx';
import { MonthlyPanel, WeeklyPanel } from './reviews-panel.tsx';
import { RiskListPanel } from './risk-list-panel.tsx';

const TABS = ['daily', 'hazards', 'weekly', 'monthly', 'people', 'list'] as const;
type Tab = (typeof TABS)[number];

/**
 * 主体责任: an enterprise's duties. Its own users reach it from the menu (`/duties`), regulators from the
 * overview (`/duties/enterprises/:id`, read only). 日管控 comes first and is built for a phone.
 */
export function DutiesPage() {
  const text = useDutyText();
  const user = useCurrentUser();
  const params = useParams();
  const [search, setSearch] = useSearchParams();
  const canRead = useGrant('duties.read');
  const canRecord = useGrant('duties.record');
  const canManage = useGrant('duties.manage');
  const enterpriseId = params.id ?? user.enterpriseId ?? null;
  const overview = useDutyOverview(canRead ? enterpriseId : null);

  if (!canRead || !enterpriseId) return <ForbiddenPage />;
  if (overview.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (overview.isError) return <Alert type="error" showIcon title={overview.error.message} />;
  const data = overview.data;
  // Regulators read; only the enterprise's own users record and manage (a city administrator could, but does not here).
  const own = user.enterpriseId === data.enterprise.id;
  const requested = search.get('tab');
  const active: Tab = TABS.find((t) => t === requested) ?? 'daily';
  const label: Record<Tab, string> = {
    daily: text('tabDaily'),
    hazards: `${text('tabHazards')}${data.hazards.some((h) => h.standing !== 'fixed') ? ` (${data.hazards.filter((h) => h.standing !== 'fixed').length})` : ''}`,
    weekly: text('tabWeekly'),
    monthly: text('tabMonthly'),
    people: text('tabPeople'),
    list: text('tabList'),
  };
  const panel = (tab: Tab) => {
    if (!data.list && tab !== 'people' && tab !== 'list') return <RiskListPanel overview={data} canManage={own && canManage} />;
    switch (tab) {
      case 'daily':
        return <DailyCheckPanel overview={data} canRecord={own && canRecord} />;
      case 'hazards':
        return <HazardsPanel overview={data} canRecord={own && canRecord} />;
      case 'weekly':
        return <WeeklyPanel overview={data} canManage={own && canManage} />;
      case 'monthly':
        return <MonthlyPanel overview={data} canManage={own && canManage} />;
      case 'people':
        return <PeoplePanel overview={data} />;
      case 'list':
        return <RiskListPanel overview={data} canManage={own && canManage} />;
    }
  };

  return (
    <>
      <div className="shian-page-header">
        <Typography.Title level={3}>{text('title', { name: data.enterprise.name })}</Typography.Title>
      </div>
      {data.missingDirector && <Alert type="error" showIcon title={text('missingDirector')} style={{ marginBottom: 12 }} />}
      <Tabs
        activeKey={active}
        onChange={(key) => setSearch(key === 'daily' ? {} : { tab: key }, { replace: true })}
        items={TABS.map((tab) => ({ key: tab, label: label[tab], children: panel(tab) }))}
      />
    </>
  );
}
