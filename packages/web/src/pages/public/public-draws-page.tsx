import { Alert, Button, Card, Empty, Space, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePublicDraws } from '../../api/planning-queries.ts';
import type { Draw } from '../../api/planning-types.ts';
import { useCurrentUserQuery } from '../../api/queries.ts';
import { hasGrant } from '../../app/grants.ts';
import { formatDate } from '../../lib/format.ts';
import { useJurisdictionName } from './jurisdiction-name.ts';
import { ResponsiveTable } from '../../components/responsive-table.tsx';

const PAGE_SIZE = 20;

/** 新建抽查, for a signed-in visitor allowed to draw. */
function NewDrawButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useCurrentUserQuery();
  if (!me.data || !hasGrant(me.data, 'draw.create')) return null;
  return (
    <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => void navigate('/draws/new')}>
      {t('draws.list.newDraw')}
    </Button>
  );
}

/** 双随机抽查结果公示: every published draw, newest first, a page at a time (page in the URL). */
export function PublicDrawsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const draws = usePublicDraws({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const nameOf = useJurisdictionName();
  const rows = draws.data?.items ?? [];
  const total = draws.data?.total ?? 0;
  const empty = <Empty description={t('draws.list.empty')} />;
  const pagination = {
    current: page,
    pageSize: PAGE_SIZE,
    total,
    showSizeChanger: false,
    hideOnSinglePage: true,
    onChange: (next: number) => setParams(next > 1 ? { page: String(next) } : {}),
  };

  const columns: TableColumnsType<Draw> = [
    {
      title: t('draws.columns.number'),
      dataIndex: 'number',
      width: 200,
      render: (_value, draw) => <Link to={`/public/draws/${draw.id}`}>{draw.number}</Link>,
    },
    { title: t('draws.columns.title'), dataIndex: 'title' },
    { title: t('draws.columns.jurisdiction'), dataIndex: 'jurisdictionCode', width: 120, render: (code: string) => nameOf(code) },
    { title: t('draws.columns.date'), dataIndex: 'createdAt', width: 120, render: (value: string) => formatDate(value) },
    { title: t('draws.columns.rosterSize'), dataIndex: 'rosterSize', width: 110, align: 'end' },
    { title: t('draws.columns.picked'), dataIndex: 'pickedCount', width: 90, align: 'end' },
    { title: t('draws.columns.algorithm'), dataIndex: 'algorithm', width: 130, render: (value: string) => <Typography.Text code>{value}</Typography.Text> },
  ];

  return (
    <>
      <div className="shian-page-header">
        <Typography.Title level={3}>{t('draws.list.title')}</Typography.Title>
        <NewDrawButton />
      </div>
      <Typography.Paragraph type="secondary">{t('draws.list.intro')}</Typography.Paragraph>
      <Card size="small">
        {draws.isError && <Alert type="error" showIcon title={draws.error.message} style={{ marginBottom: 12 }} />}
        <Typography.Text type="secondary" role="status" aria-live="polite" style={{ display: 'block', marginBottom: 8 }}>
          {draws.data ? t('common.total', { count: total }) : ''}
        </Typography.Text>
        <ResponsiveTable<Draw>
          rows={rows}
          rowKey="id"
          columns={columns}
          loading={draws.isFetching}
          pagination={pagination}
          empty={empty}
          scrollX={900}
          renderCard={(draw) => (
            <>
            <Link to={`/public/draws/${draw.id}`} style={{ fontWeight: 600 }}>
              {draw.title}
            </Link>
            <div style={{ fontSize: 12, margin: '4px 0' }}>
              <Typography.Text type="secondary">{draw.number}</Typography.Text>
            </div>
            <Space size={[12, 0]} wrap style={{ fontSize: 12 }}>
              <span>{nameOf(draw.jurisdictionCode)}</span>
              <span>{formatDate(draw.createdAt)}</span>
              <span>{t('draws.list.pickedOfRoster', { picked: draw.pickedCount, roster: draw.rosterSize })}</span>
              <Typography.Text code>{draw.algorithm}</Typography.Text>
            </Space>

            </>
          )}
        />
      </Card>
    </>
  );
}
