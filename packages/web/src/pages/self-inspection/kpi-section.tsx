import { Alert, Card, Col, Progress, Row, Skeleton, Table, Tag, Typography } from 'antd';
import { localName, useLocale } from '../../i18n/setup.ts';
import { pickLocalised } from '../../i18n/localised.ts';
import { L } from './labels.ts';
import { useSelfInspectionKpis, type SelfInspectionKpi, type SelfInspectionKpis } from './self-inspection-api.ts';

const KEYS = ['reportRate', 'rectificationRate'] as const;
const percent = (ratio: number) => `${Math.round(ratio * 1000) / 10}%`;

function KpiLine({ kpi, label }: { kpi: SelfInspectionKpi; label: string }) {
  const locale = useLocale();
  const line = pickLocalised(locale, L.kpiLine).replace('{{n}}', String(kpi.numerator)).replace('{{d}}', String(kpi.denominator)).replace('{{t}}', percent(kpi.target));
  return (
    <div>
      <Progress percent={Math.round(kpi.rate * 1000) / 10} size="small" status={kpi.met ? 'success' : 'exception'} aria-label={label} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {line}
      </Typography.Text>
    </div>
  );
}

type DistrictRow = SelfInspectionKpis['districts'][number];

/**
 * 自查工作指标 for a regulator's jurisdiction and year: 自查报告率 and 整改率 in total (with the plans' wording as
 * basis) and per district.
 */
export function SelfInspectionKpiSection({ jurisdictionCode, year }: { jurisdictionCode: string | null; year: number }) {
  const locale = useLocale();
  const text = (entry: (typeof L)[keyof typeof L]) => pickLocalised(locale, entry);
  const kpis = useSelfInspectionKpis(jurisdictionCode, year);
  if (kpis.isPending) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (kpis.isError) return <Alert type="error" showIcon title={kpis.error.message} />;
  const total = kpis.data.total;
  return (
    <section aria-label={text(L.kpiTitle)} style={{ marginBottom: 16 }}>
      <Typography.Title level={4}>{text(L.kpiTitle)}</Typography.Title>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {KEYS.map((key) => (
          <Col key={key} xs={24} md={12}>
            <Card size="small" title={text(L[key])} extra={<Tag color={total[key].met ? 'green' : 'red'}>{percent(total[key].rate)}</Tag>}>
              <KpiLine kpi={total[key]} label={text(L[key])} />
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }} ellipsis={{ rows: 2, tooltip: total[key].basis }}>
                {text(L.basis)}：{total[key].basis}
              </Typography.Paragraph>
            </Card>
          </Col>
        ))}
      </Row>
      {kpis.data.districts.length > 1 && (
        <Table<DistrictRow>
          size="small"
          rowKey="districtCode"
          dataSource={kpis.data.districts}
          pagination={false}
          scroll={{ x: 560 }}
          columns={[
            { title: text(L.district), key: 'district', width: 120, render: (_v, r) => localName(locale, r) },
            ...KEYS.map((key) => ({ title: text(L[key]), key, width: 220, render: (_v: unknown, r: DistrictRow) => <KpiLine kpi={r[key]} label={`${localName(locale, r)} ${text(L[key])}`} /> })),
          ]}
        />
      )}
    </section>
  );
}
