import { useState } from 'react';
import { Alert, Button, Card, Empty, Grid, Skeleton, Space, Table, Typography, type TableColumnsType } from 'antd';
import { CalendarOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Inspection } from '../../../api/inspection-types.ts';
import { supervisionKeys, useEnterpriseInspections } from '../../../api/supervision-queries.ts';
import { formatDate } from '../../../lib/format.ts';
import { InspectionStatusTag, OutcomeTag } from '../../inspection-detail/inspection-tags.tsx';
import type { DossierTabProps } from '../dossier-tabs.tsx';
import { ScheduleInspectionModal } from '../forms/schedule-inspection-modal.tsx';
import { RecusalPanel } from '../recusal/recusal-panel.tsx';

/** The date that says most: when it was inspected, else when it is planned. */
function dateOf(inspection: Inspection): string {
  return formatDate(inspection.inspectedOn ?? inspection.scheduledOn);
}

function InspectionCards({ items }: { items: Inspection[] }) {
  return (
    <ul className="shian-card-list">
      {items.map((inspection) => (
        <li key={inspection.id}>
          <Card size="small">
            <Link to={`/inspections/${inspection.id}`} style={{ fontWeight: 600 }}>
              {inspection.number}
            </Link>
            <div style={{ fontSize: 13, margin: '4px 0' }}>
              {inspection.kindName} · {dateOf(inspection)}
            </div>
            <Space size={[4, 4]} wrap>
              <InspectionStatusTag inspection={inspection} />
              <OutcomeTag inspection={inspection} />
            </Space>
          </Card>
        </li>
      ))}
    </ul>
  );
}

/** 检查记录: the enterprise's inspections, newest first, each opening its record; 安排检查 for supervisors; recusals (回避). */
export function InspectionsTab({ dossier, can }: DossierTabProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useEnterpriseInspections(dossier.enterprise.id);
  const compact = Grid.useBreakpoint().md === false;
  const [scheduling, setScheduling] = useState(false);

  const columns: TableColumnsType<Inspection> = [
    {
      title: t('inspectionDetail.fields.number'),
      dataIndex: 'number',
      width: 200,
      render: (_value, inspection) => <Link to={`/inspections/${inspection.id}`}>{inspection.number}</Link>,
    },
    { title: t('inspectionDetail.fields.kind'), dataIndex: 'kindName', width: 140 },
    { title: t('inspectionDetail.fields.scheduledOn'), dataIndex: 'scheduledOn', width: 110, render: (value: string) => formatDate(value) },
    { title: t('inspectionDetail.fields.inspectedOn'), dataIndex: 'inspectedOn', width: 110, render: (value: string | null) => formatDate(value) },
    { title: t('inspectionDetail.fields.status'), dataIndex: 'status', width: 100, render: (_value, inspection) => <InspectionStatusTag inspection={inspection} /> },
    { title: t('inspectionDetail.fields.outcome'), dataIndex: 'outcome', width: 120, render: (_value, inspection) => (inspection.outcome ? <OutcomeTag inspection={inspection} /> : t('common.none')) },
  ];

  let body;
  if (list.isPending) body = <Skeleton active />;
  else if (list.isError) {
    body = <Alert type="error" showIcon title={list.error.message} action={<Button size="small" onClick={() => void list.refetch()}>{t('app.retry')}</Button>} />;
  } else if (list.data.items.length === 0) body = <Empty description={t('inspectionDetail.empty')} />;
  else if (compact) body = <InspectionCards items={list.data.items} />;
  else {
    body = (
      <Table<Inspection>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data.items}
        pagination={list.data.items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: 780 }}
      />
    );
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div>
        {can('inspection.schedule') && (
          <Button type="primary" icon={<CalendarOutlined aria-hidden />} onClick={() => setScheduling(true)} style={{ marginBottom: 12 }}>
            {t('inspectionDetail.schedule')}
          </Button>
        )}
        {list.data && list.data.total > list.data.items.length && (
          <Typography.Paragraph type="secondary">{t('inspectionDetail.showingLatest', { count: list.data.items.length, total: list.data.total })}</Typography.Paragraph>
        )}
        {body}
      </div>
      {can('recusal.declare') && <RecusalPanel enterprise={dossier.enterprise} />}
      {scheduling && (
        <ScheduleInspectionModal
          enterprise={dossier.enterprise}
          onClose={() => setScheduling(false)}
          onSaved={() => void queryClient.invalidateQueries({ queryKey: supervisionKeys.inspectionsAll })}
        />
      )}
    </Space>
  );
}
