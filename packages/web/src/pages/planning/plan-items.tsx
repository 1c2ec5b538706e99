import { Alert, Card, Empty, Select, Space, Switch, Tag, Typography, type TableColumnsType } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePlanItems, type PlanItemQuery } from '../../api/planning-queries.ts';
import type { PlanItem } from '../../api/planning-types.ts';
import { GradeTag } from './grade-tag.tsx';
import { ResponsiveTable } from '../../components/responsive-table.tsx';

const PAGE_SIZE = 20;
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

function readQuery(params: URLSearchParams): PlanItemQuery & { page: number } {
  const month = Number(params.get('month'));
  const page = Number(params.get('page'));
  const current = Number.isInteger(page) && page >= 1 ? page : 1;
  return {
    month: Number.isInteger(month) && month >= 1 && month <= 12 ? month : null,
    priorityOnly: params.get('priority') === '1',
    limit: PAGE_SIZE,
    offset: (current - 1) * PAGE_SIZE,
    page: current,
  };
}

function Months({ months }: { months: number[] }) {
  const { t } = useTranslation();
  return <>{t('planning.monthsValue', { months: months.join(t('planning.listSeparator')) })}</>;
}

function ItemTags({ item }: { item: PlanItem }) {
  const { t } = useTranslation();
  return (
    <Space size={[4, 4]} wrap>
      {item.priority && <Tag color="red">{t('planning.priorityTag')}</Tag>}
      {item.fullChecklistDue && <Tag color="purple">{t('planning.fullChecklistTag')}</Tag>}
    </Space>
  );
}

function Reasons({ reasons }: { reasons: string[] }) {
  if (reasons.length === 0) return null;
  return (
    <ul className="shian-change-list" style={{ fontSize: 12 }}>
      {reasons.map((reason, index) => (
        <li key={index}>{reason}</li>
      ))}
    </ul>
  );
}

/** 计划明细: the plan's enterprises, filtered by month and priority (in the URL), a page at a time. */
export function PlanItems({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { page, ...query } = readQuery(params);
  const items = usePlanItems(planId, query);

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };
  const total = items.data?.total ?? 0;
  const rows = items.data?.items ?? [];
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('planning.noItems')} />;

  const columns: TableColumnsType<PlanItem> = [
    {
      title: t('planning.columns.enterprise'),
      dataIndex: 'enterpriseName',
      width: 200,
      fixed: 'start',
      render: (_value, item) => <Link to={`/enterprises/${item.enterpriseId}`}>{item.enterpriseName}</Link>,
    },
    { title: t('planning.columns.grade'), dataIndex: 'grade', width: 80, render: (_value, item) => <GradeTag grade={item.grade} /> },
    { title: t('planning.columns.required'), dataIndex: 'required', width: 80, align: 'end' },
    { title: t('planning.columns.months'), dataIndex: 'months', width: 100, render: (months: number[]) => <Months months={months} /> },
    {
      title: t('planning.columns.priority'),
      dataIndex: 'priority',
      width: 84,
      render: (priority: boolean) => (priority ? <Tag color="red">{t('planning.priorityTag')}</Tag> : null),
    },
    {
      title: t('planning.columns.fullChecklistDue'),
      dataIndex: 'fullChecklistDue',
      width: 96,
      render: (due: boolean) => (due ? <Tag color="purple">{t('planning.fullChecklistTag')}</Tag> : null),
    },
    { title: t('planning.columns.reasons'), dataIndex: 'reasons', minWidth: 360, render: (reasons: string[]) => <Reasons reasons={reasons} /> },
  ];

  const pagination = {
    current: page,
    pageSize: PAGE_SIZE,
    total,
    showSizeChanger: false,
    hideOnSinglePage: true,
    onChange: (next: number) => update({ page: next > 1 ? String(next) : null }),
  };

  return (
    <Card size="small" title={t('planning.items')} style={{ marginTop: 12 }}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('planning.monthFilter')}
          style={{ width: 140 }}
          value={query.month ?? 0}
          options={[{ value: 0, label: t('planning.allMonths') }, ...MONTHS.map((month) => ({ value: month, label: t('planning.monthShort', { month }) }))]}
          onChange={(value: number) => update({ month: value ? String(value) : null, page: null })}
        />
        <Space size={6}>
          <Switch
            id="plan-priority-only"
            checked={query.priorityOnly}
            onChange={(checked) => update({ priority: checked ? '1' : null, page: null })}
          />
          <label htmlFor="plan-priority-only">{t('planning.priorityOnly')}</label>
        </Space>
        <Typography.Text type="secondary" role="status" aria-live="polite">
          {items.data ? t('planning.itemsTotal', { count: total }) : ''}
        </Typography.Text>
      </Space>
      {items.isError && <Alert type="error" showIcon title={items.error.message} style={{ marginBottom: 12 }} />}
      <ResponsiveTable<PlanItem>
        rows={rows}
        rowKey="enterpriseId"
        columns={columns}
        loading={items.isFetching}
        pagination={pagination}
        empty={empty}
        scrollX={1000}
        renderCard={(item) => (
          <>
          <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
            <Link to={`/enterprises/${item.enterpriseId}`} style={{ fontWeight: 600 }}>
              {item.enterpriseName}
            </Link>
            <GradeTag grade={item.grade} />
          </Space>
          <div style={{ margin: '4px 0', fontSize: 12 }}>
            {t('planning.requiredValue', { count: item.required })} · <Months months={item.months} />
          </div>
          <ItemTags item={item} />
          <Reasons reasons={item.reasons} />

          </>
        )}
      />
    </Card>
  );
}
