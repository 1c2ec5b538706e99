import { Card, Empty, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RiskGradeRecord } from '../../../api/supervision-types.ts';
import { GradeBadge } from '../../../components/grade-badge.tsx';
import { useMessages } from '../../../i18n/setup.ts';
import { formatDateTime } from '../../../lib/format.ts';

/** 评定历史: every grade on file, newest first, with its origin (计算 / 人工调整 with the reason). */
export function GradeHistory({ history }: { history: RiskGradeRecord[] }) {
  const { t } = useTranslation();
  const messages = useMessages();
  const columns: TableColumnsType<RiskGradeRecord> = [
    { title: t('risk.historyColumns.year'), dataIndex: 'year', width: 60 },
    {
      title: t('risk.historyColumns.grade'),
      dataIndex: 'grade',
      width: 100,
      render: (_value, row) => (
        <Space size={6}>
          <GradeBadge grade={row.grade} />
          {row.isCurrent && <Tag color="blue">{t('risk.current')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('risk.historyColumns.origin'),
      dataIndex: 'origin',
      width: 160,
      render: (_value, row) => (
        <>
          <Tag color={row.origin === 'override' ? 'purple' : 'default'}>{messages.risk.origins[row.origin]}</Tag>
          {row.origin === 'override' && row.overrideReason && (
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 12 }}>
              {row.overrideReason}
            </Typography.Paragraph>
          )}
        </>
      ),
    },
    { title: t('risk.historyColumns.totalScore'), dataIndex: 'totalScore', width: 60, align: 'end' },
    { title: t('risk.historyColumns.createdAt'), dataIndex: 'createdAt', width: 160, render: (value: string) => formatDateTime(value) },
  ];
  return (
    <Card size="small" title={t('risk.history')}>
      <Table<RiskGradeRecord>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={history}
        pagination={history.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        scroll={{ x: 540 }}
        locale={{ emptyText: <Empty description={t('risk.historyEmpty')} /> }}
      />
    </Card>
  );
}
