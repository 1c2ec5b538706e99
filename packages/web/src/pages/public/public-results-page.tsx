import { Alert, Card, Empty, Input, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePublishedResults } from '../../api/planning-queries.ts';
import type { PublishedResult } from '../../api/planning-types.ts';
import { formatDate } from '../../lib/format.ts';
import { useJurisdictionName } from './jurisdiction-name.ts';
import { ResponsiveTable } from '../../components/responsive-table.tsx';

const PAGE_SIZE = 20;

/** 符合 green, 当场整改 blue, 限期整改 orange, 案件线索 red; the label comes from the server. */
const OUTCOME_COLORS: Record<string, string> = { compliant: 'green', fixed_on_site: 'blue', rectification: 'orange', case_lead: 'red' };

function OutcomeTag({ result }: { result: PublishedResult }) {
  return <Tag color={OUTCOME_COLORS[result.outcome] ?? 'default'}>{result.outcomeName}</Tag>;
}

function FailedCount({ result }: { result: PublishedResult }) {
  const { t } = useTranslation();
  return (
    <Typography.Text type={result.itemsFailed > 0 ? 'danger' : undefined} style={{ whiteSpace: 'nowrap' }}>
      {t('publicPages.resultsPage.itemsValue', { failed: result.itemsFailed, checked: result.itemsChecked })}
    </Typography.Text>
  );
}

/** 监督检查结果公示: published inspection results, searchable by name or credit code (query and page in the URL). */
export function PublicResultsPage() {
  const { t } = useTranslation();
  const nameOf = useJurisdictionName();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const results = usePublishedResults({ q, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const rows = results.data?.items ?? [];
  const total = results.data?.total ?? 0;
  const empty = <Empty description={q ? t('publicPages.resultsPage.noMatch') : t('publicPages.resultsPage.empty')} />;

  const go = (next: { q?: string; page?: number }) => {
    const out = new URLSearchParams();
    const query = next.q ?? q;
    if (query) out.set('q', query);
    if (next.page && next.page > 1) out.set('page', String(next.page));
    setParams(out);
  };
  const pagination = { current: page, pageSize: PAGE_SIZE, total, showSizeChanger: false, hideOnSinglePage: true, onChange: (next: number) => go({ page: next }) };

  const columns: TableColumnsType<PublishedResult> = [
    { title: t('publicPages.resultsPage.columns.enterprise'), dataIndex: 'enterpriseName', width: 220, fixed: 'start' },
    { title: t('publicPages.resultsPage.columns.uscc'), dataIndex: 'uscc', width: 190, render: (value: string) => <Typography.Text code>{value}</Typography.Text> },
    { title: t('publicPages.resultsPage.columns.jurisdiction'), dataIndex: 'jurisdictionCode', width: 100, render: (code: string) => nameOf(code) },
    { title: t('publicPages.resultsPage.columns.kind'), dataIndex: 'kindName', width: 110 },
    { title: t('publicPages.resultsPage.columns.inspectedOn'), dataIndex: 'inspectedOn', width: 110, render: (value: string) => formatDate(value) },
    { title: t('publicPages.resultsPage.columns.outcome'), dataIndex: 'outcome', width: 190, render: (_value, result) => <OutcomeTag result={result} /> },
    { title: t('publicPages.resultsPage.columns.items'), dataIndex: 'itemsFailed', width: 160, render: (_value, result) => <FailedCount result={result} /> },
    { title: t('publicPages.resultsPage.columns.number'), dataIndex: 'number', width: 190 },
    { title: t('publicPages.resultsPage.columns.drawNumber'), dataIndex: 'drawNumber', width: 190, render: (value: string | null) => value ?? t('common.none') },
    { title: t('publicPages.resultsPage.columns.publishedAt'), dataIndex: 'publishedAt', width: 110, render: (value: string) => formatDate(value) },
  ];

  return (
    <>
      <div className="shian-page-header">
        <Typography.Title level={3}>{t('publicPages.resultsPage.title')}</Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{t('publicPages.resultsPage.intro')}</Typography.Paragraph>
      <Card size="small">
        <Input.Search
          // Remount when the URL changes (back/forward) so the box shows the query in force.
          key={q}
          defaultValue={q}
          aria-label={t('publicPages.resultsPage.search')}
          placeholder={t('publicPages.resultsPage.searchPlaceholder')}
          enterButton={t('publicPages.resultsPage.search')}
          allowClear
          maxLength={100}
          onSearch={(value) => go({ q: value.trim(), page: 1 })}
          style={{ maxWidth: 520, marginBottom: 12 }}
        />
        {results.isError && <Alert type="error" showIcon title={results.error.message} style={{ marginBottom: 12 }} />}
        <Typography.Text type="secondary" role="status" aria-live="polite" style={{ display: 'block', marginBottom: 8 }}>
          {results.data ? t('common.total', { count: total }) : ''}
        </Typography.Text>
        <ResponsiveTable<PublishedResult>
          rows={rows}
          rowKey="id"
          columns={columns}
          loading={results.isFetching}
          pagination={pagination}
          empty={empty}
          scrollX={1580}
          renderCard={(result) => (
            <>
            <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
              <Typography.Text strong>{result.enterpriseName}</Typography.Text>
              <OutcomeTag result={result} />
            </Space>
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0', fontSize: 12 }}>
              {result.uscc}
            </Typography.Paragraph>
            <Space size={[12, 0]} wrap style={{ fontSize: 12 }}>
              <span>{formatDate(result.inspectedOn)}</span>
              <span>{result.kindName}</span>
              <FailedCount result={result} />
              <span>{result.number}</span>
            </Space>

            </>
          )}
        />
      </Card>
    </>
  );
}
