import { Alert, Card, Col, Empty, List, Progress, Row, Select, Skeleton, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { isRegulator, useCurrentUser } from '../../app/current-user.tsx';
import { ForbiddenPage } from '../../app/status-pages.tsx';
import { ResponsiveTable } from '../../components/responsive-table.tsx';
import { localName, useLocale } from '../../i18n/setup.ts';
import { useDistrictOptions } from '../planning/district-options.ts';
import { useDutyKpis, useProducersWithoutDirector, type DutyKpis } from './duties-api.ts';
import { useDutyText, type DutyTextKey } from './duties-text.ts';

type KpiSet = DutyKpis['total'];
type DistrictRow = DutyKpis['districts'][number];
const KEYS: readonly { key: keyof KpiSet; label: DutyTextKey }[] = [
  { key: 'daily', label: 'rateDaily' },
  { key: 'weekly', label: 'rateWeekly' },
  { key: 'monthly', label: 'rateMonthly' },
];
const percent = (ratio: number) => `${Math.round(ratio * 1000) / 10}%`;

function KpiLine({ kpi, label }: { kpi: KpiSet['daily']; label: string }) {
  const text = useDutyText();
  return (
    <div>
      <Progress percent={Math.round(kpi.rate * 1000) / 10} size="small" status={kpi.met ? 'success' : 'exception'} aria-label={label} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {text('rateLine', { numerator: kpi.numerator, denominator: kpi.denominator })}
      </Typography.Text>
    </div>
  );
}

function Districts({ rows }: { rows: DistrictRow[] }) {
  const text = useDutyText();
  const locale = useLocale();
  const columns: TableColumnsType<DistrictRow> = [
    { title: text('district'), key: 'district', width: 110, render: (_v, r) => localName(locale, r) },
    { title: text('enterprises'), dataIndex: 'enterprises', width: 80 },
    ...KEYS.map(({ key, label }) => ({ title: text(label), key, width: 200, render: (_v: unknown, r: DistrictRow) => <KpiLine kpi={r[key]} label={`${localName(locale, r)} ${text(label)}`} /> })),
  ];
  return (
    <ResponsiveTable
      rows={rows}
      rowKey="districtCode"
      columns={columns}
      loading={false}
      pagination={{ hideOnSinglePage: true, pageSize: 20 }}
      scrollX={800}
      empty={<Empty />}
      renderCard={(r) => (
        <>
          <strong>{localName(locale, r)}</strong> · {text('enterprises')} {r.enterprises}
          {KEYS.map(({ key, label }) => (
            <div key={key} style={{ marginTop: 6 }}>
              <div style={{ fontSize: 13 }}>{text(label)}</div>
              <KpiLine kpi={r[key]} label={`${localName(locale, r)} ${text(label)}`} />
            </div>
          ))}
        </>
      )}
    />
  );
}

/**
 * 主体责任落实: for regulators, the rate of 日管控 / 周排查 / 月调度 records per district (target 100 %), the
 * enterprises with the lowest rates, and the special-food producers without a food safety director.
 */
export function DutiesOverviewPage() {
  const text = useDutyText();
  const user = useCurrentUser();
  const districts = useDistrictOptions();
  const [params, setParams] = useSearchParams();
  const requested = params.get('jurisdiction');
  const jurisdictionCode = requested && districts.options.some((o) => o.value === requested) ? requested : (districts.defaultCode ?? user.jurisdictionCode);
  const regulator = isRegulator(user);
  const kpis = useDutyKpis(regulator ? jurisdictionCode : null);
  const flagged = useProducersWithoutDirector(regulator);
  if (!regulator) return <ForbiddenPage />;

  let body;
  if (kpis.isPending) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (kpis.isError) body = <Alert type="error" showIcon title={kpis.error.message} />;
  else {
    const total = kpis.data.total;
    body = (
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Row gutter={[12, 12]}>
          {KEYS.map(({ key, label }) => (
            <Col key={key} xs={24} md={8}>
              <Card size="small" title={text(label)}>
                <Typography.Title level={3} style={{ margin: 0 }}>
                  {percent(total[key].rate)}
                </Typography.Title>
                <KpiLine kpi={total[key]} label={text(label)} />
              </Card>
            </Col>
          ))}
        </Row>
        <Card size="small">
          <Districts rows={kpis.data.districts} />
        </Card>
        <Card size="small" title={text('lowest')}>
          <List
            size="small"
            dataSource={kpis.data.lowest}
            renderItem={(e) => (
              <List.Item>
                <Link to={`/duties/enterprises/${e.enterpriseId}`}>{e.name}</Link>
                <Space size={4} wrap>
                  <Tag color={e.daily < 1 ? 'red' : 'green'}>{`${text('rateDaily')} ${percent(e.daily)}`}</Tag>
                  <Tag>{`${text('missingDays')} ${e.missingDays}`}</Tag>
                </Space>
              </List.Item>
            )}
          />
        </Card>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {text('basis', { basis: total.daily.basis })}
        </Typography.Paragraph>
      </Space>
    );
  }

  return (
    <>
      <div className="shian-page-header">
        <Typography.Title level={3}>{text('overviewTitle')}</Typography.Title>
        {districts.defaultCode === null && (
          <Select
            aria-label={text('district')}
            style={{ width: 160 }}
            value={requested ?? 'all'}
            onChange={(value: string) => setParams(value === 'all' ? {} : { jurisdiction: value })}
            options={[{ value: 'all', label: text('all') }, ...districts.options]}
          />
        )}
      </div>
      {body}
      <Card size="small" title={text('flagged')} style={{ marginTop: 12 }}>
        <List
          size="small"
          loading={flagged.isPending}
          dataSource={flagged.data ?? []}
          renderItem={(e) => (
            <List.Item>
              <Link to={`/duties/enterprises/${e.enterpriseId}?tab=people`}>{e.name}</Link>
              <Tag color="red">{e.lastDirectorEndedOn ? text('lastDirector', { date: e.lastDirectorEndedOn }) : text('neverDirector')}</Tag>
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
