import { lazy, Suspense, useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Popconfirm, Progress, Row, Segmented, Skeleton, Space, Statistic, Tag, Tooltip, Typography } from 'antd';
import { AimOutlined, ApartmentOutlined, CalendarOutlined, CheckOutlined, FileSearchOutlined, QuestionCircleOutlined, TeamOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { approveInspectionPlan, planningKeys } from '../../api/planning-queries.ts';
import type { InspectionPlan, PlanCoverageRow, PlanTotalKey } from '../../api/planning-types.ts';
import { useMessages } from '../../i18n/setup.ts';
import type { Messages } from '../../i18n/zh-CN.ts';
import { formatDateTime } from '../../lib/format.ts';
import type { WorkloadUnit } from './plan-workload-chart.tsx';
import { RegeneratePlanButton } from './plan-generate.tsx';

// ECharts loads only with the chart, after the figures.
const PlanWorkloadChart = lazy(async () => ({ default: (await import('./plan-workload-chart.tsx')).PlanWorkloadChart }));

const percent = (ratio: number) => `${Math.round(ratio * 1000) / 10}%`;

/** 草稿 / 已批准, with 未确认 when the rule set's frequencies are not confirmed. */
function PlanTags({ plan }: { plan: InspectionPlan }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <Tag color={plan.status === 'approved' ? 'green' : 'gold'}>{t(`planning.status.${plan.status}`)}</Tag>
      {!plan.confirmed && (
        <Tooltip title={t('planning.unconfirmedHint')}>
          <Tag color="orange" icon={<QuestionCircleOutlined aria-hidden />} tabIndex={0}>
            {t('planning.unconfirmed')}
          </Tag>
        </Tooltip>
      )}
    </Space>
  );
}

function ApproveButton({ plan }: { plan: InspectionPlan }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [saving, setSaving] = useState(false);
  const approve = async () => {
    setSaving(true);
    try {
      await approveInspectionPlan(plan.id);
      await queryClient.invalidateQueries({ queryKey: planningKeys.planAll });
      void message.success(t('planning.approved'));
    } catch (error) {
      void message.error(error instanceof Error ? error.message : t('app.error'));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Popconfirm title={t('planning.approveConfirm')} okText={t('planning.approve')} cancelText={t('common.cancel')} onConfirm={() => approve()}>
      <Button type="primary" icon={<CheckOutlined aria-hidden />} loading={saving}>
        {t('planning.approve')}
      </Button>
    </Popconfirm>
  );
}

interface TotalCard {
  key: Extract<PlanTotalKey, keyof Messages['planning']['totals']>;
  icon: ReactNode;
  warn?: boolean;
}

const TOTAL_CARDS: TotalCard[] = [
  { key: 'enterprises', icon: <ApartmentOutlined aria-hidden /> },
  { key: 'inspections', icon: <CalendarOutlined aria-hidden /> },
  { key: 'priority', icon: <AimOutlined aria-hidden /> },
  { key: 'fullChecklistDue', icon: <FileSearchOutlined aria-hidden /> },
  { key: 'ungraded', icon: <QuestionCircleOutlined aria-hidden />, warn: true },
];

function Totals({ plan }: { plan: InspectionPlan }) {
  const messages = useMessages();
  const labels = messages.planning.totals;
  const visits = plan.totals.inspectorVisits ?? 0;
  const capacity = plan.totals.annualCapacity ?? 0;
  return (
    <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
      {TOTAL_CARDS.map((card) => {
        const value = plan.totals[card.key] ?? 0;
        return (
          <Col key={card.key} xs={12} sm={8} xl={4}>
            <Card size="small">
              <Statistic title={labels[card.key]} value={value} prefix={card.icon} styles={{ content: { color: card.warn && value > 0 ? '#d4380d' : undefined } }} />
            </Card>
          </Col>
        );
      })}
      <Col xs={12} sm={8} xl={4}>
        <Card size="small">
          <Statistic
            title={labels.inspectorVisits}
            value={visits}
            suffix={<span style={{ fontSize: 14 }}>/ {capacity.toLocaleString()}</span>}
            prefix={<TeamOutlined aria-hidden />}
            styles={{ content: { color: visits > capacity ? '#d4380d' : undefined } }}
          />
        </Card>
      </Col>
    </Row>
  );
}

function CoverageLine({ label, row }: { label: string; row: PlanCoverageRow }) {
  const { t } = useTranslation();
  return (
    <div style={{ marginBottom: 12 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap size={[8, 0]}>
        <Typography.Text strong>{label}</Typography.Text>
        <Tag color={row.met ? 'green' : 'red'}>{row.met ? t('planning.met') : t('planning.unmet')}</Tag>
      </Space>
      <Progress percent={Math.round(row.ratio * 1000) / 10} status={row.met ? 'success' : 'exception'} aria-label={label} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('planning.coverageLine', { planned: row.planned, total: row.total, target: percent(row.target) })}
      </Typography.Text>
    </div>
  );
}

function WorkloadCard({ plan }: { plan: InspectionPlan }) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState<WorkloadUnit>('inspectorVisits');
  const over = plan.workload.filter((row) => row.overCapacity);
  const separator = t('planning.listSeparator');
  return (
    <Card
      size="small"
      title={t('planning.workload')}
      extra={
        <Segmented<WorkloadUnit>
          size="small"
          value={unit}
          onChange={setUnit}
          options={[
            { value: 'inspectorVisits', label: t('planning.workloadUnit.inspectorVisits') },
            { value: 'inspections', label: t('planning.workloadUnit.inspections') },
          ]}
        />
      }
    >
      {over.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('planning.overCapacityMonths', { count: over.length, months: over.map((row) => row.month).join(separator) })}
        />
      ) : (
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
          {t('planning.withinCapacity')}
        </Typography.Text>
      )}
      <Suspense fallback={<Skeleton active />}>
        <PlanWorkloadChart rows={plan.workload} unit={unit} />
      </Suspense>
    </Card>
  );
}

/** The plan's state and actions, its totals, the monthly workload against capacity and the coverage. */
export function PlanOverview({ plan, districtName, canManage }: { plan: InspectionPlan; districtName: string; canManage: boolean }) {
  const { t } = useTranslation();
  const messages = useMessages();
  const draft = plan.status === 'draft';
  return (
    <>
      <Card size="small">
        {/* Title and actions wrap onto two lines on a phone instead of cutting the title short. */}
        <div className="shian-page-header" style={{ marginBottom: 8 }}>
          <Space wrap size={8}>
            <Typography.Text strong style={{ fontSize: 16 }}>
              {t('planning.planOf', { name: districtName, year: plan.year })}
            </Typography.Text>
            <PlanTags plan={plan} />
          </Space>
          {canManage && draft && (
            <Space wrap>
              <RegeneratePlanButton jurisdictionCode={plan.jurisdictionCode} year={plan.year} visits={plan.visitsPerInspectorPerMonth} />
              <ApproveButton plan={plan} />
            </Space>
          )}
        </div>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'ruleSet', label: t('planning.ruleSet'), children: plan.ruleSetId },
            { key: 'inspectors', label: t('planning.inspectors'), children: t('planning.inspectorsValue', { count: plan.inspectorCount }) },
            { key: 'visits', label: t('planning.visitsPerInspector'), children: plan.visitsPerInspectorPerMonth },
            { key: 'generatedAt', label: t('planning.generatedAt'), children: formatDateTime(plan.generatedAt) },
            ...(plan.approvedAt ? [{ key: 'approvedAt', label: t('planning.approvedAt'), children: formatDateTime(plan.approvedAt) }] : []),
          ]}
        />
      </Card>
      <Totals plan={plan} />
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col xs={24} xl={16}>
          <WorkloadCard plan={plan} />
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('planning.coverage')} style={{ height: '100%' }}>
            <CoverageLine label={messages.planning.coverageGroups.producers} row={plan.coverage.producers} />
            <CoverageLine label={messages.planning.coverageGroups.sellers} row={plan.coverage.sellers} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
