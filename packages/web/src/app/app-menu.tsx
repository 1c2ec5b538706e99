import type { ReactNode } from 'react';
import { Menu, type MenuProps } from 'antd';
import { AlertOutlined, ApartmentOutlined, BarChartOutlined, NotificationOutlined } from '@ant-design/icons';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { ApiOutlined, WarningOutlined } from '@ant-design/icons';
import { DashboardOutlined } from '@ant-design/icons';
import { AuditOutlined, CloudUploadOutlined, DatabaseOutlined, ExperimentOutlined, FieldTimeOutlined, FormOutlined, GlobalOutlined, HomeOutlined, NodeIndexOutlined, QrcodeOutlined, ScheduleOutlined, ShopOutlined } from '@ant-design/icons';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Action } from '@shian/domain/access/policy.ts';
import type { Permission, RoleCode } from '../api/types.ts';
import { hasPermission, isRegulator, useCurrentUser } from './current-user.tsx';
import { hasGrant } from './grants.ts';
import { WorkQueueMenuLabel } from '../pages/work/work-queue-badge.tsx';
import { L as SELF_INSPECTION } from '../pages/self-inspection/labels.ts';
import { DUTY_TEXT } from '../pages/duties/duties-text.ts';
import { H as MONITORING } from '../pages/monitoring/handling-text.ts';
import { W as MONITORING_WALL } from '../pages/monitoring/wall-text.ts';
import { pickLocalised } from '../i18n/localised.ts';
import { useLocale } from '../i18n/setup.ts';

interface NavEntry {
  key: string;
  to: string;
  label: string;
  icon: ReactNode;
  /** Shown only to users holding this permission. */
  permission?: Permission;
  /** Shown only to users of these roles. */
  roles?: readonly RoleCode[];
  /** Shown only to users whose role grants this domain action (supervision actions outside `Permission`). */
  grant?: Action;
}

/** The key of the menu entry a path belongs to. */
function selectedKey(pathname: string, entries: readonly NavEntry[]): string | undefined {
  const exact = entries.find((entry) => entry.to === pathname);
  if (exact) return exact.key;
  return entries.filter((entry) => entry.to !== '/' && pathname.startsWith(`${entry.to}/`)).sort((a, b) => b.to.length - a.to.length)[0]?.key;
}

/** The left menu: entries the user lacks permission for are not shown at all. */
export function AppMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { pathname } = useLocation();
  const locale = useLocale();

  const registry: NavEntry =
    !isRegulator(user) && user.enterpriseId
      ? { key: 'my-enterprise', to: `/enterprises/${user.enterpriseId}`, label: t('nav.myEnterprise'), icon: <ShopOutlined aria-hidden />, permission: 'registry.read' }
      : { key: 'registry', to: '/enterprises', label: t('nav.registry'), icon: <DatabaseOutlined aria-hidden />, permission: 'registry.read' };
  const all: NavEntry[] = [
    { key: 'home', to: '/', label: t('nav.home'), icon: <HomeOutlined aria-hidden /> },
    // 待办: every signed-in role has `workqueue.read`; the label carries the open count as a badge.
    { key: 'work', to: '/work', label: t('workQueue.nav'), icon: <FieldTimeOutlined aria-hidden />, grant: 'workqueue.read' },
    registry,
    { key: 'imports', to: '/imports', label: t('nav.imports'), icon: <CloudUploadOutlined aria-hidden />, permission: 'registry.import' },
    { key: 'inspections', to: '/inspections/today', label: t('inspectionForm.nav'), icon: <FormOutlined aria-hidden />, roles: ['inspector'] },
    { key: 'rectifications', to: '/rectifications', label: t('rectification.nav'), icon: <AuditOutlined aria-hidden />, grant: 'inspection.read' },
    // 主体责任: an enterprise's own duties (日管控 first); 主体责任落实: regulators' rates per district and flagged producers.
    ...(user.enterpriseId
      ? [{ key: 'duties', to: '/duties', label: pickLocalised(locale, DUTY_TEXT.nav), icon: <SafetyCertificateOutlined aria-hidden />, grant: 'duties.read' as const }]
      : [{ key: 'duties-overview', to: '/duties/overview', label: pickLocalised(locale, DUTY_TEXT.overviewNav), icon: <SafetyCertificateOutlined aria-hidden />, grant: 'duties.read' as const }]),
    { key: 'plans', to: '/plans', label: t('planning.nav'), icon: <ScheduleOutlined aria-hidden />, grant: 'plan.read' },
    { key: 'draws', to: '/draws/new', label: t('draws.nav'), icon: <ExperimentOutlined aria-hidden />, grant: 'draw.create' },
    // 追溯作业: packing, shipping and receiving from the pages (enterprise users; regulators capture nothing).
    ...(user.enterpriseId ? [{ key: 'trace-operations', to: '/trace/operations', label: t('traceOps.nav'), icon: <NodeIndexOutlined aria-hidden />, grant: 'trace.write' as const }] : []),
    // 追溯查询, 召回管理 (a maker's and regulators'; a notified enterprise sees its recalls there too), 召回通知
    // (the enterprise's notices to confirm), 追溯指标 (regulators: the work plans' KPIs per district).
    { key: 'trace-lots', to: '/trace/lots', label: t('trace.nav'), icon: <ApartmentOutlined aria-hidden />, grant: 'trace.read' },
    { key: 'recalls', to: '/recalls', label: t('recalls.nav'), icon: <AlertOutlined aria-hidden />, grant: 'trace.read' },
    ...(user.enterpriseId ? [{ key: 'recall-notices', to: '/recall-notices', label: t('recalls.noticesNav'), icon: <NotificationOutlined aria-hidden />, grant: 'recall.acknowledge' as const }] : []),
    { key: 'trace-kpis', to: '/trace/kpis', label: t('trace.kpi.nav'), icon: <BarChartOutlined aria-hidden />, roles: ['city_admin', 'city_supervisor', 'district_supervisor', 'inspector'] },
    // 追溯码 (一物一码): enterprises request and download item codes; regulators read them and review alerts.
    { key: 'trace-codes', to: '/trace/codes', label: t('traceCodes.nav'), icon: <QrcodeOutlined aria-hidden />, grant: 'trace.read' },
    // 培训考核 (enterprise: exams and training hours) and 抽查考核 (regulators: sessions, results, KPIs).
    { key: 'training', to: '/training', label: t('training.nav'), icon: <FormOutlined aria-hidden />, grant: 'exam.take' },
    { key: 'exams', to: '/exams', label: t('training.examsNav'), icon: <FormOutlined aria-hidden />, grant: 'training.read', roles: ['city_admin', 'city_supervisor', 'district_supervisor', 'inspector'] },
    // 自查报告 (enterprise: fill and submit; regulators: review and the KPIs), 整改项, 出厂放行 (QA release records).
    { key: 'self-inspection', to: '/self-inspection/reports', label: pickLocalised(locale, SELF_INSPECTION.navReports), icon: <AuditOutlined aria-hidden />, grant: 'self_inspection.read' },
    { key: 'self-inspection-items', to: '/self-inspection/rectifications', label: pickLocalised(locale, SELF_INSPECTION.navRectifications), icon: <AuditOutlined aria-hidden />, grant: 'self_inspection.read' },
    { key: 'qa-releases', to: '/qa-releases', label: pickLocalised(locale, SELF_INSPECTION.navReleases), icon: <AuditOutlined aria-hidden />, grant: 'self_inspection.read' },
    // 智慧监管 (smart monitoring): 设备管理 (devices and their credentials), 预警处置 (graded alerts and their handling).
    { key: 'monitoring-wall', to: '/monitoring', label: pickLocalised(locale, MONITORING_WALL.navWall), icon: <DashboardOutlined aria-hidden />, grant: 'monitoring.read' },
    { key: 'monitoring-devices', to: '/monitoring/devices', label: pickLocalised(locale, MONITORING.navDevices), icon: <ApiOutlined aria-hidden />, grant: 'monitoring.read' },
    { key: 'monitoring-alerts', to: '/monitoring/alerts', label: pickLocalised(locale, MONITORING.navAlerts), icon: <WarningOutlined aria-hidden />, grant: 'monitoring.read' },
    // 信息公开 opens the public pages (their own frame, no sign-in needed); they link back here.
    { key: 'public', to: '/public/draws', label: t('publicPages.nav'), icon: <GlobalOutlined aria-hidden /> },
  ];
  const entries = all.filter(
    (entry) =>
      (!entry.permission || hasPermission(user, entry.permission)) && (!entry.roles || entry.roles.includes(user.role)) && (!entry.grant || hasGrant(user, entry.grant)),
  );

  const items: MenuProps['items'] = entries.map((entry) => ({
    key: entry.key,
    icon: entry.icon,
    label: (
      <Link to={entry.to} onClick={onNavigate}>
        {entry.key === 'work' ? <WorkQueueMenuLabel label={entry.label} /> : entry.label}
      </Link>
    ),
  }));
  const selected = selectedKey(pathname, entries);

  return <Menu mode="inline" items={items} selectedKeys={selected ? [selected] : []} style={{ borderInlineEnd: 0 }} />;
}
