import { useState } from 'react';
import { Empty, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { ResponsiveTable } from '../../components/responsive-table.tsx';
import { labelOf, useMessages } from '../../i18n/setup.ts';
import { formatDateTime } from '../../lib/format.ts';
import { EVENTS_PER_PAGE, useMyEvents, type EpcisEvent } from './trace-ops-api.ts';

/** How many things an event is about: identifiers (items, cases) plus counted quantities. */
export function countOf(event: EpcisEvent): number {
  const ids = (event.epcList?.length ?? 0) + (event.childEPCs?.length ?? 0);
  const quantities = [...(event.quantityList ?? []), ...(event.childQuantityList ?? [])].reduce((sum, q) => sum + (q.quantity ?? 0), 0);
  return ids + quantities;
}

/** The last word of a CBV value in any spelling (`shipping`, `https://ref.gs1.org/cbv/BizStep-shipping`). */
const cbvWord = (value: string | undefined): string => (value ? (value.split(/[-:/]/).pop() ?? value) : '');

interface Row extends EpcisEvent {
  rowKey: string;
}

/**
 * 我的事件: the enterprise's EPCIS events, newest first, from the query interface (`GET /epcis/events`, with the
 * session cookie), a page of 50 at a time following the Link header's next page.
 */
export function EventsTab() {
  const { t } = useTranslation();
  const messages = useMessages();
  const events = useMyEvents(true);
  const [page, setPage] = useState(1);
  const pages = events.data?.pages ?? [];
  const rows: Row[] = (pages[page - 1]?.events ?? []).map((e, i) => ({ ...e, rowKey: e.eventID ?? `${page}-${i}` }));
  const known = pages.length + (events.hasNextPage ? 1 : 0);

  const step = (e: EpcisEvent) => labelOf(messages.traceOps.bizSteps, cbvWord(e.bizStep)) || t('common.none');
  const disposition = (e: EpcisEvent) => labelOf(messages.traceOps.dispositions, cbvWord(e.disposition)) || t('common.none');
  const location = (e: EpcisEvent) => e.bizLocation?.id ?? e.readPoint?.id ?? t('common.none');
  const columns: TableColumnsType<Row> = [
    { title: t('traceOps.events.time'), dataIndex: 'eventTime', width: 170, render: (value: string) => formatDateTime(value) },
    { title: t('traceOps.events.type'), dataIndex: 'type', width: 110, render: (value: string) => labelOf(messages.traceOps.eventTypes, value) },
    { title: t('traceOps.events.step'), key: 'step', width: 90, render: (_v, e) => step(e) },
    { title: t('traceOps.events.disposition'), key: 'disposition', width: 100, render: (_v, e) => disposition(e) },
    { title: t('traceOps.events.location'), key: 'location', width: 300, render: (_v, e) => <Typography.Text style={{ wordBreak: 'break-all' }}>{location(e)}</Typography.Text> },
    { title: t('traceOps.events.count'), key: 'count', width: 80, align: 'end', render: (_v, e) => countOf(e) },
  ];

  return (
    <ResponsiveTable<Row>
      rows={rows}
      rowKey="rowKey"
      columns={columns}
      loading={events.isPending || events.isFetchingNextPage}
      scrollX={850}
      empty={<Empty description={events.isError ? `${t('traceOps.events.unavailable')}（${events.error.message}）` : t('traceOps.events.empty')} />}
      pagination={{
        current: page,
        pageSize: EVENTS_PER_PAGE,
        total: known * EVENTS_PER_PAGE,
        showSizeChanger: false,
        hideOnSinglePage: true,
        onChange: (next) => {
          if (next > pages.length && events.hasNextPage) void events.fetchNextPage();
          setPage(next);
        },
      }}
      renderCard={(e) => (
        <Space orientation="vertical" size={2} style={{ width: '100%' }}>
          <Space wrap>
            <Tag>{step(e)}</Tag>
            <Typography.Text type="secondary">{formatDateTime(e.eventTime)}</Typography.Text>
          </Space>
          <span>
            {labelOf(messages.traceOps.eventTypes, e.type)} · {disposition(e)} · {t('traceOps.events.countValue', { count: countOf(e) })}
          </span>
          <Typography.Text type="secondary" style={{ wordBreak: 'break-all', fontSize: 12 }}>
            {location(e)}
          </Typography.Text>
        </Space>
      )}
    />
  );
}
