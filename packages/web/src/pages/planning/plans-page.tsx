import { Alert, Button, Card, Empty, Select, Skeleton, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useInspectionPlan } from '../../api/planning-queries.ts';
import { useGrant } from '../../app/grants.ts';
import { ForbiddenPage } from '../../app/status-pages.tsx';
import { useDistrictOptions } from './district-options.ts';
import { GeneratePlanForm } from './plan-generate.tsx';
import { PlanItems } from './plan-items.tsx';
import { PlanOverview } from './plan-overview.tsx';

/** Years offered: last year, this year and the next two (plans are made ahead). */
function yearOptions(current: number): number[] {
  return [current - 1, current, current + 1, current + 2];
}

function readYear(value: string | null, fallback: number): number {
  const year = Number(value);
  return Number.isInteger(year) && year >= 2020 && year <= 2100 ? year : fallback;
}

/**
 * 年度监督检查计划: a district's annual plan from the risk grades (49号令 §21–22). Jurisdiction and year live in
 * the URL. Without a plan, those allowed to manage plans generate one; a draft can be regenerated or approved.
 */
export function PlansPage() {
  const { t } = useTranslation();
  const canRead = useGrant('plan.read');
  const canManage = useGrant('plan.manage');
  const [params, setParams] = useSearchParams();
  const districts = useDistrictOptions();
  const thisYear = dayjs().year();
  const year = readYear(params.get('year'), thisYear);
  const requested = params.get('jurisdiction');
  const jurisdictionCode = requested && districts.options.some((option) => option.value === requested) ? requested : districts.defaultCode;
  const plan = useInspectionPlan(canRead ? jurisdictionCode : null, year);

  if (!canRead) return <ForbiddenPage />;

  // Changing jurisdiction or year starts the item filters over.
  const choose = (next: { jurisdiction?: string; year?: number }) => {
    const out = new URLSearchParams();
    const code = next.jurisdiction ?? jurisdictionCode;
    if (code) out.set('jurisdiction', code);
    out.set('year', String(next.year ?? year));
    setParams(out);
  };
  const districtName = districts.options.find((option) => option.value === jurisdictionCode)?.label ?? jurisdictionCode ?? '';

  let body;
  if (!jurisdictionCode) {
    body = districts.loading ? <Skeleton active /> : <Card><Empty description={t('planning.pickDistrictHint')} /></Card>;
  } else if (plan.isPending) {
    body = <Skeleton active paragraph={{ rows: 8 }} />;
  } else if (plan.isError) {
    body = (
      <Alert
        type="error"
        showIcon
        title={plan.error.message}
        action={<Button onClick={() => void plan.refetch()}>{t('app.retry')}</Button>}
      />
    );
  } else if (!plan.data) {
    body = (
      <Card>
        <Empty description={t('planning.noPlan', { name: districtName, year })}>
          {canManage ? <GeneratePlanForm jurisdictionCode={jurisdictionCode} year={year} /> : <Typography.Text type="secondary">{t('planning.noPlanReadOnly')}</Typography.Text>}
        </Empty>
      </Card>
    );
  } else {
    body = (
      <>
        <PlanOverview plan={plan.data} districtName={districtName} canManage={canManage} />
        <PlanItems planId={plan.data.id} />
      </>
    );
  }

  return (
    <>
      <div className="shian-page-header">
        <Typography.Title level={3}>{t('planning.title')}</Typography.Title>
        <Space wrap>
          <Select
            aria-label={t('planning.jurisdiction')}
            placeholder={t('planning.pickDistrict')}
            style={{ minWidth: 160 }}
            loading={districts.loading}
            disabled={districts.options.length <= 1 && districts.defaultCode !== null}
            showSearch={{ optionFilterProp: 'label' }}
            value={jurisdictionCode ?? undefined}
            options={districts.options}
            onChange={(value: string) => choose({ jurisdiction: value })}
          />
          <Select
            aria-label={t('planning.year')}
            style={{ width: 120 }}
            value={year}
            options={yearOptions(thisYear).map((value) => ({ value, label: t('planning.yearValue', { year: value }) }))}
            onChange={(value: number) => choose({ year: value })}
          />
        </Space>
      </div>
      {body}
    </>
  );
}
