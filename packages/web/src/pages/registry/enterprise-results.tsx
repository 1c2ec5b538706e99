import { Card, Empty, Grid, Space, Spin, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { EnterpriseListItem } from '../../api/types.ts';
import { labelOf, useMessages } from '../../i18n/setup.ts';

const STATUS_COLORS: Record<string, string> = { active: 'green', suspended: 'orange', closed: 'default' };

function KindTags({ kinds }: { kinds: string[] }) {
  const messages = useMessages();
  return (
    <Space size={[4, 4]} wrap>
      {kinds.map((kind) => (
        <Tag key={kind}>{labelOf(messages.enums.kind, kind)}</Tag>
      ))}
    </Space>
  );
}

function FlagTags({ flags }: { flags: string[] }) {
  const messages = useMessages();
  if (flags.length === 0) return null;
  return (
    <Space size={[4, 4]} wrap>
      {flags.map((flag) => (
        <Tag key={flag} color="red">
          {labelOf(messages.enums.flag, flag)}
        </Tag>
      ))}
    </Space>
  );
}

interface EnterpriseResultsProps {
  items: EnterpriseListItem[];
  loading: boolean;
}

/** The registry's results: a table on wide screens, one card per enterprise on a phone. */
export function EnterpriseResults({ items, loading }: EnterpriseResultsProps) {
  const { t } = useTranslation();
  const messages = useMessages();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const empty = <Empty description={t('registry.noResults')} />;

  if (screens.md === false) {
    if (items.length === 0) return loading ? <Spin style={{ display: 'block', margin: '24px auto' }} /> : empty;
    return (
      <ul className="shian-card-list">
        {items.map((item) => (
          <li key={item.id}>
            <Card size="small">
              <Link to={`/enterprises/${item.id}`} style={{ fontWeight: 600 }}>
                {item.name}
              </Link>
              <Typography.Paragraph type="secondary" style={{ margin: '4px 0', fontSize: 12 }} copyable={{ text: item.uscc }}>
                {item.uscc}
              </Typography.Paragraph>
              <Space size={[4, 4]} wrap>
                <KindTags kinds={item.kinds} />
                <Tag color={STATUS_COLORS[item.status]}>{labelOf(messages.enums.enterpriseStatus, item.status)}</Tag>
              </Space>
              <div style={{ marginTop: 4, fontSize: 12 }}>
                {item.jurisdictionName} · {t('registry.columns.licences')} {item.licenceCount} · {t('registry.columns.products')} {item.productCount}
              </div>
              <FlagTags flags={item.flags} />
            </Card>
          </li>
        ))}
      </ul>
    );
  }

  const columns: TableColumnsType<EnterpriseListItem> = [
    {
      title: t('registry.columns.name'),
      dataIndex: 'name',
      fixed: 'start',
      width: 260,
      render: (_value, item) => (
        <Link to={`/enterprises/${item.id}`} onClick={(event) => event.stopPropagation()}>
          {item.name}
        </Link>
      ),
    },
    { title: t('registry.columns.uscc'), dataIndex: 'uscc', width: 190, render: (value: string) => <Typography.Text code>{value}</Typography.Text> },
    { title: t('registry.columns.kinds'), dataIndex: 'kinds', width: 180, render: (kinds: string[]) => <KindTags kinds={kinds} /> },
    { title: t('registry.columns.jurisdiction'), dataIndex: 'jurisdictionName', width: 140 },
    { title: t('registry.columns.licences'), dataIndex: 'licenceCount', width: 80, align: 'end' },
    { title: t('registry.columns.products'), dataIndex: 'productCount', width: 80, align: 'end' },
    { title: t('registry.columns.flags'), dataIndex: 'flags', width: 200, render: (flags: string[]) => <FlagTags flags={flags} /> },
    {
      title: t('registry.columns.status'),
      dataIndex: 'status',
      width: 80,
      render: (status: string) => <Tag color={STATUS_COLORS[status]}>{labelOf(messages.enums.enterpriseStatus, status)}</Tag>,
    },
  ];

  return (
    <Table<EnterpriseListItem>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      scroll={{ x: 1210 }}
      locale={{ emptyText: empty }}
      rowClassName={() => 'shian-clickable-row'}
      onRow={(item) => ({ onClick: () => void navigate(`/enterprises/${item.id}`) })}
    />
  );
}
