import { useState } from 'react';
import { Alert, Card, Col, Empty, Input, List, Row, Select, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { ALERT_GRADES, ALERT_GRADE_LABELS } from '@shian/domain';
import { isRegulator, useCurrentUser } from '../../app/current-user.tsx';
import { hasGrant } from '../../app/grants.ts';
import { ForbiddenPage } from '../../app/status-pages.tsx';
import { localName, useLocale, type Locale } from '../../i18n/setup.ts';
import { formatDateTime } from '../../lib/format.ts';
import { GRADE_COLORS } from './handling-text.ts';
import { WALL_STATUSES, useMonitoringWall, type MonitoringWall, type WallSite } from './wall-api.ts';
import { W, WALL_STATUS_COLORS, WALL_STATUS_LABELS, wallText } from './wall-text.ts';

/** The link to a site's charts: the enterprise, and its premises when the devices sit at one. */
const siteLink = (site: Pick<WallSite, 'enterpriseId' | 'premisesId'>): string =>
  `/monitoring/sites/${encodeURIComponent(site.enterpriseId)}${site.premisesId ? `?premisesId=${encodeURIComponent(site.premisesId)}` : ''}`;

const placeName = (locale: Locale, site: WallSite): string =>
  [locale === 'zh-CN' ? site.districtNameZh : site.districtNameEn, locale === 'zh-CN' ? site.streetNameZh : site.streetNameEn].filter(Boolean).join(' · ');

/** One site as a card coloured by its status, with its open alerts by grade and its devices. */
function SiteCard({ site }: { site: WallSite }) {
  const locale = useLocale();
  const color = WALL_STATUS_COLORS[site.status];
  return (
    <Link to={siteLink(site)} aria-label={`${site.enterpriseName} ${site.premisesName ?? ''} ${WALL_STATUS_LABELS[site.status][locale]}`} data-status={site.status} className="monitoring-site-card">
      <Card size="small" hoverable style={{ borderColor: color, borderTopWidth: 4, height: '100%' }}>
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          <Space style={{ justifyContent: 'space-between', width: '100%' }} align="start">
            <Typography.Text strong ellipsis={{ tooltip: site.enterpriseName }}>
              {site.enterpriseName}
            </Typography.Text>
            <Tag color={color} style={{ marginInlineEnd: 0 }}>
              {WALL_STATUS_LABELS[site.status][locale]}
            </Tag>
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: site.address }}>
            {site.premisesName ?? W.enterpriseSite[locale]} · {placeName(locale, site)}
          </Typography.Text>
          <Space size={4} wrap>
            {ALERT_GRADES.filter((g) => site.openAlerts[g] > 0).map((g) => (
              <Tag key={g} color={GRADE_COLORS[g]}>
                {wallText(locale, W.alertCount, { grade: ALERT_GRADE_LABELS[g][locale], count: site.openAlerts[g] })}
              </Tag>
            ))}
          </Space>
          <Typography.Text style={{ fontSize: 12 }}>{wallText(locale, W.deviceLine, { devices: site.devices, reporting: site.reporting, silent: site.silent })}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {site.lastReadingAt ? wallText(locale, W.lastReading, { time: formatDateTime(site.lastReadingAt) }) : W.neverReported[locale]}
          </Typography.Text>
        </Space>
      </Card>
    </Link>
  );
}

/** The headline: sites by status, devices reporting and silent, open alerts by grade. */
function Totals({ wall }: { wall: MonitoringWall }) {
  const locale = useLocale();
  const t = wall.totals;
  return (
    <Row gutter={[12, 12]}>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title={W.sites[locale]} value={t.sites} />
          <Space size={4} wrap>
            {WALL_STATUSES.map((s) => (
              <Tag key={s} color={WALL_STATUS_COLORS[s]}>{`${WALL_STATUS_LABELS[s][locale]} ${t.byStatus[s]}`}</Tag>
            ))}
          </Space>
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title={W.devices[locale]} value={t.devices} />
          <Typography.Text type="secondary">{`${W.reporting[locale]} ${t.reporting} · ${W.silent[locale]} ${t.silent}`}</Typography.Text>
        </Card>
      </Col>
      {ALERT_GRADES.map((g) => (
        <Col key={g} xs={8} md={4}>
          <Card size="small">
            <Statistic title={`${W.openAlerts[locale]} · ${ALERT_GRADE_LABELS[g][locale]}`} value={t.openAlerts[g]} styles={{ content: { color: t.openAlerts[g] > 0 ? WALL_STATUS_COLORS[g] : undefined } }} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/**
 * 监测大屏: the live wall. Regulators pick a district of their scope (or all of it) and see every monitored
 * site as a card coloured by its worst open alert (red immediate, orange with a deadline, blue routine,
 * green normal, grey no data), worst first; an enterprise sees its own sites. Refreshes every 10 s.
 */
export function MonitoringWallPage() {
  const locale = useLocale();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const requested = params.get('jurisdiction');
  const regulator = isRegulator(user);
  const wall = useMonitoringWall(regulator ? requested : null);
  const [search, setSearch] = useState('');
  if (!hasGrant(user, 'monitoring.read')) return <ForbiddenPage />;

  const districts = wall.data?.districts ?? [];
  let body;
  if (wall.isPending) body = <Skeleton active paragraph={{ rows: 8 }} />;
  else if (wall.isError && !wall.data) body = <Alert type="error" showIcon title={wall.error.message} />;
  else {
    const data = wall.data;
    const needle = search.trim().toLowerCase();
    const shown = needle ? data.sites.filter((site) => `${site.enterpriseName} ${site.premisesName ?? ''} ${site.address}`.toLowerCase().includes(needle)) : data.sites;
    body = (
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        {wall.isError && <Alert type="warning" showIcon title={wallText(locale, W.refreshFailed, { message: wall.error.message })} />}
        <Totals wall={data} />
        <Input.Search aria-label={W.search[locale]} placeholder={W.search[locale]} allowClear style={{ maxWidth: 360 }} value={search} onChange={(e) => setSearch(e.target.value)} />
        {shown.length === 0 ? (
          <Empty description={data.sites.length === 0 ? W.noSites[locale] : W.noMatch[locale]} />
        ) : (
          <List
            grid={{ gutter: 12, xs: 1, sm: 2, md: 3, lg: 4, xl: 4, xxl: 6 }}
            dataSource={shown}
            rowKey={(s) => `${s.enterpriseId}:${s.premisesId ?? ''}`}
            pagination={{ pageSize: 48, hideOnSinglePage: true, showSizeChanger: false }}
            renderItem={(site) => (
              <List.Item>
                <SiteCard site={site} />
              </List.Item>
            )}
          />
        )}
      </Space>
    );
  }

  return (
    <>
      <div className="shian-page-header">
        <Typography.Title level={3}>{W.wallTitle[locale]}</Typography.Title>
        <Space wrap>
          {regulator && districts.length > 1 && (
            <Select
              aria-label={W.district[locale]}
              style={{ width: 200 }}
              value={requested ?? 'all'}
              onChange={(value: string) => setParams(value === 'all' ? {} : { jurisdiction: value })}
              options={[{ value: 'all', label: W.allDistricts[locale] }, ...districts.map((d) => ({ value: d.code, label: `${localName(locale, d)} (${d.sites})` }))]}
            />
          )}
          {wall.data && (
            <Typography.Text type="secondary" data-testid="wall-updated-at">
              {wallText(locale, W.updatedAt, { time: formatDateTime(wall.data.generatedAt) })}
            </Typography.Text>
          )}
        </Space>
      </div>
      {body}
    </>
  );
}
