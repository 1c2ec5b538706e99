import { useState } from 'react';
import { App, Button, Card, Empty, Input, Modal, Select, Space, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { RECTIFICATION_ITEM_STATUSES, type RectificationItemStatus } from '@shian/domain';
import { apiSend } from '../../api/client.ts';
import { useCurrentUser } from '../../app/current-user.tsx';
import { hasGrant } from '../../app/grants.ts';
import { pickLocalised } from '../../i18n/localised.ts';
import { useLocale } from '../../i18n/setup.ts';
import { ITEM_STATUS, L } from './labels.ts';
import { selfInspectionKeys, useRectificationItems, type RectificationListItem } from './self-inspection-api.ts';

const todayIso = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * 整改项: the rectification items raised by self-inspections. The enterprise closes one with what was done and
 * its administrator verifies it; regulators see them (overdue ones flagged) but do not act on them.
 */
export function RectificationItemsPage() {
  const locale = useLocale();
  const text = (entry: (typeof L)[keyof typeof L]) => pickLocalised(locale, entry);
  const user = useCurrentUser();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<RectificationItemStatus | undefined>(undefined);
  const [overdue, setOverdue] = useState(false);
  const [closing, setClosing] = useState<RectificationListItem | null>(null);
  const [evidence, setEvidence] = useState('');
  const items = useRectificationItems({ status, overdue: overdue || undefined });
  const on = todayIso();

  const act = async (path: string, body: object) => {
    try {
      await apiSend('POST', path, body);
      await queryClient.invalidateQueries({ queryKey: selfInspectionKeys.all });
      setClosing(null);
      setEvidence('');
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    }
  };

  const columns: TableColumnsType<RectificationListItem> = [
    { title: text(L.number), dataIndex: 'number', key: 'number', width: 190 },
    { title: text(L.enterprise), key: 'enterprise', width: 200, render: (_v, r) => r.enterprise.name },
    { title: text(L.reportsTitle), key: 'report', width: 200, render: (_v, r) => <Link to={`/self-inspection/reports/${r.report.id}`}>{r.report.title}</Link> },
    { title: text(L.finding), key: 'finding', width: 260, render: (_v, r) => `${r.itemKey} ${r.finding}` },
    { title: text(L.owner), dataIndex: 'ownerName', key: 'owner', width: 120 },
    {
      title: text(L.dueOn),
      key: 'due',
      width: 140,
      render: (_v, r) => (
        <Space size={4}>
          {r.dueOn}
          {r.status === 'open' && r.dueOn < on && <Tag color="red">{text(L.overdue)}</Tag>}
        </Space>
      ),
    },
    { title: text(L.status), key: 'status', width: 100, render: (_v, r) => <Tag color={r.status === 'open' ? 'orange' : r.status === 'closed' ? 'blue' : 'green'}>{pickLocalised(locale, ITEM_STATUS[r.status])}</Tag> },
    { title: text(L.evidence), dataIndex: 'evidence', key: 'evidence', width: 220, render: (v: string | null) => v ?? '—' },
    {
      title: '',
      key: 'actions',
      width: 120,
      fixed: 'right',
      render: (_v, r) => (
        <>
          {r.status === 'open' && hasGrant(user, 'self_inspection.write') && user.enterpriseId === r.enterpriseId && (
            <Button size="small" onClick={() => setClosing(r)}>
              {text(L.close)}
            </Button>
          )}
          {r.status === 'closed' && hasGrant(user, 'self_inspection.verify') && user.enterpriseId === r.enterpriseId && (
            <Button size="small" type="primary" onClick={() => void act(`/api/v1/self-inspection/rectifications/${r.id}/verify`, {})}>
              {text(L.verify)}
            </Button>
          )}
        </>
      ),
    },
  ];

  return (
    <>
      <div className="shian-page-header">
        <Typography.Title level={3}>{text(L.navRectifications)}</Typography.Title>
        <Space wrap>
          <Select
            aria-label={text(L.status)}
            style={{ width: 120 }}
            value={status ?? 'all'}
            onChange={(v: string) => setStatus(v === 'all' ? undefined : (v as RectificationItemStatus))}
            options={[{ value: 'all', label: '—' }, ...RECTIFICATION_ITEM_STATUSES.map((s) => ({ value: s, label: pickLocalised(locale, ITEM_STATUS[s]) }))]}
          />
          <Space>
            <Switch aria-label={text(L.overdueOnly)} checked={overdue} onChange={setOverdue} />
            {text(L.overdueOnly)}
          </Space>
        </Space>
      </div>
      <Card size="small">
        <Table<RectificationListItem>
          size="small"
          rowKey="id"
          loading={items.isPending}
          dataSource={items.data ?? []}
          columns={columns}
          scroll={{ x: 1300 }}
          pagination={{ hideOnSinglePage: true, pageSize: 20 }}
          locale={{ emptyText: <Empty description={text(L.empty)} /> }}
        />
      </Card>
      <Modal
        open={closing !== null}
        title={`${text(L.close)} ${closing?.number ?? ''}`}
        onCancel={() => setClosing(null)}
        onOk={() => closing && void act(`/api/v1/self-inspection/rectifications/${closing.id}/close`, { evidence })}
        okButtonProps={{ disabled: evidence.trim() === '' }}
      >
        <Typography.Paragraph>{closing?.finding}</Typography.Paragraph>
        <Input.TextArea aria-label={text(L.evidence)} placeholder={text(L.evidence)} value={evidence} onChange={(e) => setEvidence(e.target.value)} autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} />
      </Modal>
    </>
  );
}
