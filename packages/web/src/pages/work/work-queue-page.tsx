import { useState, type ReactNode } from 'react';
import { Button, Card, Col, Empty, Grid, Result, Row, Skeleton, Space, Statistic, Switch, Table, Typography, type TableColumnsType } from 'antd';
import { ClockCircleOutlined, ExclamationCircleOutlined, FieldTimeOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { supervisionKeys, useWorkQueue } from '../../api/supervision-queries.ts';
import type { WorkItem, WorkQueue } from '../../api/supervision-types.ts';
import { useGrant } from '../../app/grants.ts';
import { StandingTag } from '../../components/standing-tag.tsx';
import { formatDate } from '../../lib/format.ts';
import { RecallNoticePanel } from '../recalls/recall-notice-panel.tsx';
import { ExtensionModal } from './extension-modal.tsx';

/** Where the item's subject is shown: inspections and rectification orders have pages; case leads not yet. */
function subjectPath(item: WorkItem): string | null {
  if (item.subjectType === 'inspection') return `/inspections/${item.subjectId}`;
  if (item.subjectType === 'rectification_order') return `/rectifications/${item.subjectId}`;
  if (item.subjectType === 'duty_hazard') return '/duties?tab=hazards';
  if (item.subjectType === 'self_inspection_rectification') return '/self-inspection/rectifications';
  return null;
}

function SubjectLabel({ item }: { item: WorkItem }) {
  const to = subjectPath(item);
  return to ? <Link to={to}>{item.label}</Link> : <span>{item.label}</span>;
}

/** The rule's name with its legal basis below (cut short after `rows` lines, whole in the tooltip). */
function RuleCell({ item, rows = 1 }: { item: WorkItem; rows?: number }) {
  return (
    <>
      <Typography.Text strong>{item.ruleName}</Typography.Text>
      <Typography.Paragraph type="secondary" ellipsis={{ rows, tooltip: item.legalBasis }} style={{ margin: 0, fontSize: 12 }}>
        {item.legalBasis}
      </Typography.Paragraph>
    </>
  );
}

function Counts({ counts }: { counts: WorkQueue['counts'] }) {
  const { t } = useTranslation();
  const cards: { key: 'open' | 'overdue' | 'dueSoon'; icon: ReactNode; color?: string }[] = [
    { key: 'open', icon: <FieldTimeOutlined aria-hidden /> },
    { key: 'overdue', icon: <ExclamationCircleOutlined aria-hidden />, color: '#cf1322' },
    { key: 'dueSoon', icon: <ClockCircleOutlined aria-hidden />, color: '#d46b08' },
  ];
  return (
    <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
      {cards.map((card) => (
        <Col key={card.key} xs={8} md={6} xl={4}>
          <Card size="small">
            <Statistic
              title={t(`workQueue.counts.${card.key}`)}
              value={counts[card.key]}
              prefix={card.icon}
              styles={{ content: { color: card.color && counts[card.key] > 0 ? card.color : undefined } }}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

interface ItemsProps {
  items: WorkItem[];
  emptyText: string;
  /** Present when the user may extend clocks (延期). */
  onExtend?: (item: WorkItem) => void;
}

function ExtendedBy({ days }: { days: number }) {
  const { t } = useTranslation();
  return days > 0 ? <span>{t('workQueue.extendedDays', { count: days })}</span> : <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
}

function WorkQueueCards({ items, emptyText, onExtend }: ItemsProps) {
  const { t } = useTranslation();
  if (items.length === 0) return <Empty description={emptyText} />;
  return (
    <ul className="shian-card-list" aria-label={t('workQueue.title')}>
      {items.map((item) => (
        <li key={item.clockId}>
          <Card size="small">
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, alignItems: 'flex-start' }}>
              <div style={{ minWidth: 0 }}>
                <RuleCell item={item} rows={2} />
              </div>
              <StandingTag standing={item.standing} />
            </div>
            <div style={{ marginTop: 6 }}>
              <SubjectLabel item={item} />
              {item.enterprise && (
                <div>
                  <Link to={`/enterprises/${item.enterprise.id}`} style={{ fontSize: 13 }}>
                    {item.enterprise.name}
                  </Link>
                </div>
              )}
            </div>
            <div style={{ marginTop: 4, fontSize: 13 }}>
              {t('workQueue.columns.startedOn')} {formatDate(item.startedOn)} · {t('workQueue.columns.dueOn')} {formatDate(item.dueOn, t('workQueue.paused'))}
              {item.extendedBy > 0 && <> · {t('workQueue.extendedDays', { count: item.extendedBy })}</>}
            </div>
            {onExtend && (
              <Button size="small" style={{ marginTop: 8 }} onClick={() => onExtend(item)} aria-label={`${t('workQueue.extend')} ${item.label}`}>
                {t('workQueue.extend')}
              </Button>
            )}
          </Card>
        </li>
      ))}
    </ul>
  );
}

function WorkQueueTable({ items, emptyText, onExtend }: ItemsProps) {
  const { t } = useTranslation();
  const columns: TableColumnsType<WorkItem> = [
    { title: t('workQueue.columns.rule'), key: 'rule', width: 220, render: (_value, item) => <RuleCell item={item} /> },
    { title: t('workQueue.columns.subject'), key: 'subject', width: 170, render: (_value, item) => <SubjectLabel item={item} /> },
    {
      title: t('workQueue.columns.enterprise'),
      key: 'enterprise',
      width: 170,
      render: (_value, item) => (item.enterprise ? <Link to={`/enterprises/${item.enterprise.id}`}>{item.enterprise.name}</Link> : t('common.none')),
    },
    { title: t('workQueue.columns.startedOn'), dataIndex: 'startedOn', width: 100, render: (value: string) => formatDate(value) },
    { title: t('workQueue.columns.dueOn'), dataIndex: 'dueOn', width: 100, render: (value: string | null) => formatDate(value, t('workQueue.paused')) },
    { title: t('workQueue.columns.standing'), dataIndex: 'standing', width: 100, render: (_value, item) => <StandingTag standing={item.standing} /> },
    { title: t('workQueue.columns.extendedBy'), dataIndex: 'extendedBy', width: 90, render: (days: number) => <ExtendedBy days={days} /> },
  ];
  if (onExtend) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 70,
      render: (_value, item) => (
        <Button size="small" type="link" onClick={() => onExtend(item)} aria-label={`${t('workQueue.extend')} ${item.label}`}>
          {t('workQueue.extend')}
        </Button>
      ),
    });
  }
  return (
    <Table<WorkItem>
      rowKey="clockId"
      size="middle"
      // Fixed layout keeps the widths: the legal basis is cut short (whole in its tooltip), dates stay on one line.
      tableLayout="fixed"
      columns={columns}
      dataSource={items}
      pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: onExtend ? 1020 : 950 }}
      locale={{ emptyText: <Empty description={emptyText} /> }}
    />
  );
}

/**
 * 待办: the statutory clocks the user owes, by deadline. Supervisors (延期 granted) also see a 仅看逾期 switch
 * (their jurisdiction's overdue items, kept in the URL) and may extend a clock with a reason.
 */
export function WorkQueuePage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const canExtend = useGrant('clock.extend');
  const [params, setParams] = useSearchParams();
  const overdueOnly = canExtend && params.get('overdue') === '1';
  const queue = useWorkQueue(overdueOnly);
  const [extending, setExtending] = useState<WorkItem | null>(null);
  const compact = Grid.useBreakpoint().md === false;

  const setOverdueOnly = (checked: boolean) => {
    const next = new URLSearchParams(params);
    if (checked) next.set('overdue', '1');
    else next.delete('overdue');
    setParams(next, { replace: true });
  };

  let body: ReactNode;
  if (queue.isPending) {
    body = <Skeleton active paragraph={{ rows: 6 }} />;
  } else if (queue.isError) {
    body = <Result status="error" title={t('app.error')} subTitle={queue.error.message} extra={<Button onClick={() => void queue.refetch()}>{t('app.retry')}</Button>} />;
  } else {
    const props: ItemsProps = {
      items: queue.data.items,
      emptyText: overdueOnly ? t('workQueue.emptyOverdue') : t('workQueue.empty'),
      onExtend: canExtend ? setExtending : undefined,
    };
    body = (
      <>
        <Counts counts={queue.data.counts} />
        {queue.data.counts.open > queue.data.items.length && (
          <Typography.Paragraph type="secondary">{t('workQueue.showingFirst', { count: queue.data.items.length, total: queue.data.counts.open })}</Typography.Paragraph>
        )}
        {compact ? <WorkQueueCards {...props} /> : <WorkQueueTable {...props} />}
      </>
    );
  }

  return (
    <>
      <div className="shian-page-header">
        <Typography.Title level={3}>{t('workQueue.title')}</Typography.Title>
        {canExtend && (
          <Space>
            <Switch id="work-queue-overdue-only" checked={overdueOnly} onChange={setOverdueOnly} />
            <label htmlFor="work-queue-overdue-only">{t('workQueue.overdueOnly')}</label>
          </Space>
        )}
      </div>
      <RecallNoticePanel />
      {body}
      {extending && (
        <ExtensionModal
          item={extending}
          onClose={() => setExtending(null)}
          onSaved={() => void queryClient.invalidateQueries({ queryKey: supervisionKeys.workQueueAll })}
        />
      )}
    </>
  );
}
