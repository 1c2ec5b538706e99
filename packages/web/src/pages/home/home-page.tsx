import { lazy, Suspense, type ReactNode } from 'react';
import { Alert, Button, Card, Col, Empty, Result, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import {
  AlertOutlined,
  ApartmentOutlined,
  ClockCircleOutlined,
  ExperimentOutlined,
  FileProtectOutlined,
  ShopOutlined,
  TeamOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDashboardSummary } from '../../api/queries.ts';
import type { DashboardSummary } from '../../api/types.ts';
import { isRegulator, useCurrentUser, usePermission } from '../../app/current-user.tsx';
import { localName, useLocale, useMessages } from '../../i18n/setup.ts';
import type { Messages } from '../../i18n/zh-CN.ts';
import { daysFromToday } from '../../lib/licence-expiry.ts';
import { formatDate } from '../../lib/format.ts';
import { FlaggedEnterprises } from './flagged-enterprises.tsx';
import { RiskGradeCard } from '../planning/risk-grade-card.tsx';

// ECharts loads only when a chart is on screen, after the figures.
const DistrictChart = lazy(async () => ({ default: (await import('./home-charts.tsx')).DistrictChart }));
const KindChart = lazy(async () => ({ default: (await import('./home-charts.tsx')).KindChart }));

/** Up to this many districts, the district chart is shorter than the kinds chart beside it. */
const SHORT_DISTRICT_CHART = 3;

type CountKey = keyof DashboardSummary['counts'];

interface StatCard {
  key: CountKey;
  icon: ReactNode;
  /** Where clicking the figure goes (the registry, filtered), if anywhere. */
  to?: string;
  warn?: boolean;
}

const STAT_CARDS: StatCard[] = [
  { key: 'enterprises', icon: <ApartmentOutlined aria-hidden />, to: '/enterprises' },
  { key: 'producers', icon: <ToolOutlined aria-hidden />, to: '/enterprises?kind=producer' },
  { key: 'sellers', icon: <ShopOutlined aria-hidden />, to: '/enterprises?kind=seller' },
  { key: 'licences', icon: <FileProtectOutlined aria-hidden /> },
  { key: 'licencesExpiringSoon', icon: <ClockCircleOutlined aria-hidden />, to: '/enterprises?flag=licence_expiring', warn: true },
  { key: 'products', icon: <ExperimentOutlined aria-hidden /> },
  { key: 'people', icon: <TeamOutlined aria-hidden /> },
  { key: 'flaggedEnterprises', icon: <AlertOutlined aria-hidden />, warn: true },
];

function StatCards({ counts, labels }: { counts: DashboardSummary['counts']; labels: Messages['home']['counts'] }) {
  return (
    <Row gutter={[12, 12]}>
      {STAT_CARDS.map((card) => {
        const value = counts[card.key];
        const statistic = (
          <Statistic
            title={labels[card.key]}
            value={value}
            prefix={card.icon}
            styles={{ content: { color: card.warn && value > 0 ? '#d4380d' : undefined } }}
          />
        );
        return (
          <Col key={card.key} xs={12} sm={12} md={8} lg={6}>
            <Card size="small" hoverable={Boolean(card.to)}>
              {card.to ? (
                <Link to={card.to} aria-label={`${labels[card.key]} ${value}`} style={{ color: 'inherit', display: 'block' }}>
                  {statistic}
                </Link>
              ) : (
                statistic
              )}
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}

function ExpiringLicences({ rows }: { rows: DashboardSummary['expiringLicences'] }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.noExpiring')} />;
  return (
    <ul className="shian-simple-list">
      {rows.map((row) => {
        const days = daysFromToday(row.validUntil);
        return (
          <li key={row.id}>
            <div className="shian-simple-list-main">
              <Link to={`/enterprises/${row.enterpriseId}?tab=licences`}>{row.enterpriseName}</Link>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {row.number} · {formatDate(row.validUntil)}
              </Typography.Text>
            </div>
            <Tag color={days < 0 ? 'red' : days <= 30 ? 'orange' : 'gold'}>
              {days < 0 ? t('home.expiredAgo', { count: -days }) : t('home.expiresIn', { count: days })}
            </Tag>
          </li>
        );
      })}
    </ul>
  );
}

/** Home: the registry in figures for the user's scope. Only what the API returns is drawn. */
export function HomePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const messages = useMessages();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const allowed = usePermission('dashboard.read');
  // Distribution charts describe a jurisdiction; an enterprise user sees its own figures and a way in to its dossier.
  const regulator = isRegulator(user);
  const summary = useDashboardSummary(allowed);

  if (!allowed) return <Result status="info" title={t('app.productLine')} />;
  if (summary.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (summary.isError) {
    return (
      <Result
        status="error"
        title={t('app.error')}
        subTitle={summary.error.message}
        extra={<Button onClick={() => void summary.refetch()}>{t('app.retry')}</Button>}
      />
    );
  }

  const data = summary.data;
  const labels = messages.home.counts;
  const scopeName = localName(locale, data.scope);
  const header = (
    <div className="shian-page-header">
      <Typography.Title level={3}>{t('home.title')}</Typography.Title>
      {regulator || !user.enterpriseId ? (
        <Typography.Text type="secondary">{t('home.scope', { name: scopeName })}</Typography.Text>
      ) : (
        <Button type="primary" onClick={() => void navigate(`/enterprises/${user.enterpriseId}`)}>
          {t('nav.myEnterprise')}
        </Button>
      )}
    </div>
  );

  if (data.counts.enterprises === 0) {
    return (
      <>
        {header}
        <Card>
          <Empty description={t('home.emptyScope')} />
        </Card>
      </>
    );
  }

  const kinds = regulator ? data.byKind.filter((row) => row.count > 0) : [];
  const districts = regulator ? data.byDistrict : [];
  return (
    <>
      {header}
      <StatCards counts={data.counts} labels={labels} />
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        {districts.length > 0 && (
          <Col xs={24} xl={kinds.length > 0 ? 14 : 24}>
            <Card title={t('home.byDistrict')} size="small">
              <Suspense fallback={<Skeleton active />}>
                <DistrictChart rows={districts} />
              </Suspense>
            </Card>
            {/* 风险等级分布 goes under the shorter column: here when the district chart has few bars. */}
            {districts.length <= SHORT_DISTRICT_CHART && <RiskGradeCard />}
          </Col>
        )}
        {kinds.length > 0 && (
          <Col xs={24} xl={districts.length > 0 ? 10 : 24}>
            <Card title={t('home.byKind')} size="small">
              <Suspense fallback={<Skeleton active />}>
                <KindChart rows={kinds} />
              </Suspense>
            </Card>
            {(districts.length === 0 || districts.length > SHORT_DISTRICT_CHART) && <RiskGradeCard />}
          </Col>
        )}
        <Col xs={24} lg={12}>
          <Card title={t('home.expiring')} size="small">
            <ExpiringLicences rows={data.expiringLicences} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('home.flagged')} size="small">
            {data.counts.flaggedEnterprises > 0 ? (
              <>
                <Alert type="warning" showIcon title={t('home.flaggedHint')} style={{ marginBottom: 8 }} />
                <FlaggedEnterprises />
              </>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.noFlagged')} />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
