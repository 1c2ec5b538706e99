import { useMemo } from 'react';
import { Alert, Card, Col, Empty, Row, Segmented, Skeleton, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { ALERT_GRADE_LABELS, CLEAN_CLASSES, DEVICE_KIND_LABELS, RULE_KIND_LABELS } from '@shian/domain';
import { useCurrentUser } from '../../app/current-user.tsx';
import { hasGrant } from '../../app/grants.ts';
import { ForbiddenPage } from '../../app/status-pages.tsx';
import { EChart } from '../../charts/e-chart.tsx';
import type { ChartOption } from '../../charts/echarts.ts';
import { useLocale, type Locale } from '../../i18n/setup.ts';
import { formatDateTime } from '../../lib/format.ts';
import { ALERT_STATUS_LABELS, GRADE_COLORS } from './handling-text.ts';
import { useSiteMonitoring, type SiteAlert, type SiteDevice } from './wall-api.ts';
import { W, wallText } from './wall-text.ts';

const RANGES = [24, 168] as const;
const LIMIT_COLOR = '#cf1322';

const rangeText = (min: number | null, max: number | null, unit: string): string =>
  min !== null && max !== null ? `${min}–${max} ${unit}` : min !== null ? `≥ ${min} ${unit}` : max !== null ? `≤ ${max} ${unit}` : '—';

/** One device's chart: the min–max band, the average line, and its limits as marked lines. */
function DeviceChart({ device, locale, hours }: { device: SiteDevice; locale: Locale; hours: number }) {
  const unit = device.limit?.unit ?? '';
  const option = useMemo<ChartOption>(() => {
    const points = device.series;
    const at = (p: (typeof points)[number]) => new Date(p.at).getTime();
    const limits = [
      ...(device.limit?.min != null ? [{ name: W.limitMin[locale], yAxis: device.limit.min }] : []),
      ...(device.limit?.max != null ? [{ name: W.limitMax[locale], yAxis: device.limit.max }] : []),
    ];
    const bound = (edge: 'min' | 'max') => (value: { min: number; max: number }) => {
      const values = [value[edge], ...limits.map((l) => l.yAxis)];
      const extreme = edge === 'min' ? Math.min(...values) : Math.max(...values);
      const pad = Math.max(1, (value.max - value.min) * 0.1);
      return Math.round((edge === 'min' ? extreme - pad : extreme + pad) * 10) / 10;
    };
    return {
      aria: { enabled: true },
      grid: { left: 8, right: 72, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, data: [W.seriesAvg[locale], W.seriesMin[locale], W.seriesMax[locale]] },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'time', min: Date.now() - hours * 3_600_000, max: Date.now() },
      yAxis: { type: 'value', name: unit, min: bound('min'), max: bound('max') },
      series: [
        { name: W.seriesMin[locale], type: 'line', showSymbol: false, data: points.map((p) => [at(p), p.min]), lineStyle: { width: 1, type: 'dashed' }, itemStyle: { color: '#91caff' } },
        { name: W.seriesMax[locale], type: 'line', showSymbol: false, data: points.map((p) => [at(p), p.max]), lineStyle: { width: 1, type: 'dashed' }, itemStyle: { color: '#91caff' } },
        {
          name: W.seriesAvg[locale],
          type: 'line',
          showSymbol: false,
          data: points.map((p) => [at(p), Math.round(p.avg * 100) / 100]),
          itemStyle: { color: '#1677ff' },
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { color: LIMIT_COLOR, type: 'dashed' },
            label: { formatter: '{b} {c}', position: 'end' },
            data: limits,
          },
        },
      ],
    };
  }, [device, locale, hours, unit]);
  const kind = DEVICE_KIND_LABELS[device.kind][locale];
  return <EChart option={option} height={260} label={wallText(locale, W.chartLabel, { device: device.code, kind })} />;
}

function DeviceCard({ device, hours }: { device: SiteDevice; hours: number }) {
  const locale = useLocale();
  const limit = device.limit;
  const cleanClass = CLEAN_CLASSES.find((c) => c.code === device.cleanClass)?.label[locale] ?? device.cleanClass;
  // A camera's readings are heartbeats (always 1): its liveness and its AI events matter, not a curve.
  const camera = device.kind === 'camera';
  return (
    <Card
      size="small"
      data-testid="monitoring-device-chart"
      title={`${device.code} · ${DEVICE_KIND_LABELS[device.kind][locale]} · ${device.area} · ${cleanClass}`}
      extra={
        camera && device.lastReadingAt ? (
          <Typography.Text>{wallText(locale, W.lastHeartbeat, { time: formatDateTime(device.lastReadingAt) })}</Typography.Text>
        ) : device.lastValue !== null && device.lastReadingAt ? (
          <Typography.Text>{wallText(locale, W.lastValue, { value: `${device.lastValue} ${limit?.unit ?? ''}`.trim(), time: formatDateTime(device.lastReadingAt) })}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">{W.neverReported[locale]}</Typography.Text>
        )
      }
    >
      <Space size={4} wrap style={{ marginBottom: 8 }}>
        {limit ? (
          <>
            <Tag>{wallText(locale, W.limit, { range: rangeText(limit.min, limit.max, limit.unit) })}</Tag>
            <Tooltip title={wallText(locale, W.limitSource, { source: limit.source })}>
              <Tag color={limit.confirmed ? 'green' : 'gold'}>{limit.confirmed ? W.confirmed[locale] : W.unconfirmed[locale]}</Tag>
            </Tooltip>
          </>
        ) : (
          <Tag>{W.noLimit[locale]}</Tag>
        )}
      </Space>
      {camera ? (
        <Typography.Paragraph type="secondary">{W.cameraNoChart[locale]}</Typography.Paragraph>
      ) : device.series.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={W.noReadings[locale]} />
      ) : (
        <DeviceChart device={device} locale={locale} hours={hours} />
      )}
    </Card>
  );
}

function SiteAlerts({ alerts }: { alerts: SiteAlert[] }) {
  const locale = useLocale();
  const columns: TableColumnsType<SiteAlert> = [
    { title: W.alertGrade[locale], key: 'grade', width: 110, render: (_v, a) => <Tag color={GRADE_COLORS[a.grade]}>{ALERT_GRADE_LABELS[a.grade][locale]}</Tag> },
    { title: W.alertRule[locale], key: 'rule', render: (_v, a) => RULE_KIND_LABELS[a.ruleKind][locale] },
    { title: W.alertDevice[locale], dataIndex: 'deviceCode', width: 110 },
    { title: W.alertOpened[locale], key: 'opened', width: 180, render: (_v, a) => formatDateTime(a.openedAt) },
    {
      title: W.alertStatus[locale],
      key: 'status',
      width: 160,
      render: (_v, a) => (
        <Space size={4} wrap>
          <Tag color={a.status === 'closed' ? 'default' : 'red'}>{ALERT_STATUS_LABELS[a.status][locale]}</Tag>
          {a.clearedAt && a.status !== 'closed' && <Tag color="green">{W.cleared[locale]}</Tag>}
        </Space>
      ),
    },
    {
      title: W.alertHandle[locale],
      key: 'link',
      width: 90,
      render: (_v, a) => <Link to={`/monitoring/alerts?deviceId=${encodeURIComponent(a.deviceId)}${a.status === 'closed' ? '&status=closed' : ''}`}>{W.viewAlerts[locale]}</Link>,
    },
  ];
  return <Table<SiteAlert> size="small" rowKey="id" columns={columns} dataSource={alerts} pagination={{ pageSize: 10, hideOnSinglePage: true }} scroll={{ x: 760 }} locale={{ emptyText: W.noAlerts[locale] }} />;
}

/**
 * 监测曲线: one site's devices, each with its min–avg–max series (minute roll-ups for 24 h, hour roll-ups for
 * 7 d) and its limits marked, and the site's alerts (open first) linking to 预警处置.
 */
export function MonitoringSitePage() {
  const locale = useLocale();
  const user = useCurrentUser();
  const { enterpriseId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const premisesId = params.get('premisesId');
  const hours = params.get('hours') === '168' ? 168 : 24;
  const site = useSiteMonitoring(enterpriseId, premisesId, hours);
  if (!hasGrant(user, 'monitoring.read')) return <ForbiddenPage />;

  const setHours = (value: number) => {
    const next = new URLSearchParams(params);
    if (value === 24) next.delete('hours');
    else next.set('hours', String(value));
    setParams(next, { replace: true });
  };

  let body;
  if (site.isPending) body = <Skeleton active paragraph={{ rows: 8 }} />;
  else if (site.isError && !site.data) body = <Alert type="error" showIcon title={site.error.message} />;
  else {
    const data = site.data;
    const place = [locale === 'zh-CN' ? data.districtNameZh : data.districtNameEn, locale === 'zh-CN' ? data.streetNameZh : data.streetNameEn].filter(Boolean).join(' · ');
    body = (
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {data.premisesName ?? W.enterpriseSite[locale]} · {data.address} · {place}
        </Typography.Text>
        {data.devices.length === 0 ? (
          <Empty description={W.noDevices[locale]} />
        ) : (
          <Row gutter={[12, 12]}>
            {data.devices.map((d) => (
              <Col key={d.id} xs={24} xl={12}>
                <DeviceCard device={d} hours={data.hours} />
              </Col>
            ))}
          </Row>
        )}
        <Card size="small" title={W.alerts[locale]}>
          <SiteAlerts alerts={data.alerts} />
        </Card>
      </Space>
    );
  }

  return (
    <>
      <div className="shian-page-header">
        <Typography.Title level={3}>{site.data ? `${W.siteTitle[locale]} · ${site.data.enterpriseName}` : W.siteTitle[locale]}</Typography.Title>
        <Space wrap>
          <Segmented<number>
            aria-label={W.siteTitle[locale]}
            value={hours}
            onChange={setHours}
            options={RANGES.map((h) => ({ value: h, label: h === 24 ? W.range24h[locale] : W.range7d[locale] }))}
          />
          <Link to="/monitoring">{W.back[locale]}</Link>
        </Space>
      </div>
      {body}
    </>
  );
}
