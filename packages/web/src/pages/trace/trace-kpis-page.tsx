import { Alert, Card, Col, Empty, Progress, Row, Select, Skeleton, Space, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isRegulator, useCurrentUser } from '../../app/current-user.tsx';
import { ForbiddenPage } from '../../app/status-pages.tsx';
import { ResponsiveTable } from '../../components/responsive-table.tsx';
import { localName, useLocale } from '../../i18n/setup.ts';
import { useDistrictOptions } from '../planning/district-options.ts';
import { useTraceKpis, type TraceKpi, type TraceKpiSet, type TraceKpis } from './trace-api.ts';

const KPI_KEYS = ['coverage', 'upload', 'codeAssignment'] as const;
const percent = (ratio: number) => `${Math.round(ratio * 1000) / 10}%`;

/** One KPI: its rate against the target, the numerator over the denominator. */
function KpiLine({ kpi, label }: { kpi: TraceKpi; label: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <Progress percent={Math.round(kpi.rate * 1000) / 10} size="small" status={kpi.met ? 'success' : 'exception'} aria-label={label} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('trace.kpi.line', { numerator: kpi.numerator, denominator: kpi.denominator })} · {t('trace.kpi.target', { target: percent(kpi.target) })}
      </Typography.Text>
    </div>
  );
}

function TotalCards({ total }: { total: TraceKpiSet }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
      {KPI_KEYS.map((key) => (
        <Col key={key} xs={24} md={8}>
          <Card size="small" title={t(`trace.kpi.${key}`)} extra={<Tag color={total[key].met ? 'green' : 'red'}>{total[key].met ? t('trace.kpi.met') : t('trace.kpi.unmet')}</Tag>} style={{ height: '100%' }}>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {percent(total[key].rate)}
            </Typography.Title>
            <KpiLine kpi={total[key]} label={t(`trace.kpi.${key}`)} />
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }} ellipsis={{ rows: 2, tooltip: total[key].basis }}>
              {t('trace.kpi.basis')}
              {t('common.colon')}
              {total[key].basis}
            </Typography.Paragraph>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

type DistrictRow = TraceKpis['districts'][number];

function DistrictTable({ rows }: { rows: DistrictRow[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const columns: TableColumnsType<DistrictRow> = [
    { title: t('trace.kpi.district'), key: 'district', width: 120, render: (_v, r) => localName(locale, r) },
    ...KPI_KEYS.map((key) => ({ title: t(`trace.kpi.${key}`), key, width: 220, render: (_v: unknown, r: DistrictRow) => <KpiLine kpi={r[key]} label={`${localName(locale, r)} ${t(`trace.kpi.${key}`)}`} /> })),
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
          <strong>{localName(locale, r)}</strong>
          {KPI_KEYS.map((key) => (
            <div key={key} style={{ marginTop: 6 }}>
              <div style={{ fontSize: 13 }}>{t(`trace.kpi.${key}`)}</div>
              <KpiLine kpi={r[key]} label={`${localName(locale, r)} ${t(`trace.kpi.${key}`)}`} />
            </div>
          ))}
        </>
      )}
    />
  );
}

/**
 * 追溯工作指标: the work plans' traceability targets per district (应追溯企业追溯实施率, 信息上传率, 赋码率),
 * computed from the platform's records; a city user sees every district, a district user its own.
 */
export function TraceKpisPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const districts = useDistrictOptions();
  const [params, setParams] = useSearchParams();
  const thisYear = dayjs().year();
  const year = Number(params.get('year')) || thisYear;
  const requested = params.get('jurisdiction');
  const own = user.jurisdictionCode ?? null;
  const jurisdictionCode = requested && districts.options.some((o) => o.value === requested) ? requested : (districts.defaultCode ?? own);
  const kpis = useTraceKpis(isRegulator(user) ? jurisdictionCode : null, year);

  if (!isRegulator(user)) return <ForbiddenPage />;

  const choose = (next: { jurisdiction?: string; year?: number }) => {
    const out = new URLSearchParams();
    const code = next.jurisdiction ?? requested;
    if (code) out.set('jurisdiction', code);
    out.set('year', String(next.year ?? year));
    setParams(out);
  };

  let body;
  if (kpis.isPending) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (kpis.isError) body = <Alert type="error" showIcon title={kpis.error.message} />;
  else {
    body = (
      <>
        <TotalCards total={kpis.data.total} />
        <Card size="small">
          <DistrictTable rows={kpis.data.districts} />
        </Card>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
          {t('trace.kpi.rule')}
        </Typography.Paragraph>
      </>
    );
  }

  return (
    <>
      <div className="shian-page-header">
        <Typography.Title level={3}>{t('trace.kpi.title')}</Typography.Title>
        <Space wrap>
          {districts.defaultCode === null && (
            <Select
              aria-label={t('trace.kpi.jurisdiction')}
              style={{ width: 160 }}
              value={requested ?? 'all'}
              onChange={(value: string) => choose({ jurisdiction: value === 'all' ? '' : value })}
              options={[{ value: 'all', label: t('common.all') }, ...districts.options]}
            />
          )}
          <Select
            aria-label={t('trace.kpi.year')}
            style={{ width: 110 }}
            value={year}
            onChange={(value: number) => choose({ year: value })}
            options={[thisYear - 2, thisYear - 1, thisYear].map((y) => ({ value: y, label: String(y) }))}
          />
        </Space>
      </div>
      {body}
    </>
  );
}
