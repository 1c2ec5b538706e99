import { useState } from 'react';
import { Alert, Card, Descriptions, Empty, Space, Tag, Typography, type PaginationProps, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { ResponsiveTable } from '../../components/responsive-table.tsx';
import { localName, useLocale } from '../../i18n/setup.ts';
import { formatDateTime } from '../../lib/format.ts';
import type { LotTrace, TraceDownstream, TraceEnterprise, TraceInput, TraceLotCount, TraceOutput, TraceQuantity } from './trace-api.ts';

const PAGE_SIZE = 20;

/** Client-side paging for the responsive table: the page's rows and the pagination that moves through them. */
function usePaged<T>(rows: readonly T[]): { pageRows: T[]; pagination: PaginationProps } {
  const [page, setPage] = useState(1);
  const last = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const current = Math.min(page, last);
  return {
    pageRows: rows.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE),
    pagination: { current, pageSize: PAGE_SIZE, total: rows.length, onChange: setPage, hideOnSinglePage: true, showSizeChanger: false },
  };
}

/** `L2026A ×9` (with the product name when it differs from the traced one): one per lot. */
export function LotCounts({ lots }: { lots: readonly TraceLotCount[] }) {
  return (
    <>
      {lots.map((l) => (
        <div key={l.classKey ?? 'none'}>
          {l.productName && <Typography.Text type="secondary">{l.productName} </Typography.Text>}
          {l.lot ?? '—'} ×{l.items}
        </div>
      ))}
    </>
  );
}

export function Quantities({ quantities }: { quantities: readonly TraceQuantity[] }) {
  return (
    <>
      {quantities.map((q) => (
        <div key={`${q.classKey ?? ''}|${q.uom ?? ''}`}>
          {q.lot ?? q.gtin ?? '—'} {q.quantity} {q.uom ?? ''}
        </div>
      ))}
    </>
  );
}

function EnterpriseName({ enterprise }: { enterprise: TraceEnterprise | null }) {
  const { t } = useTranslation();
  return enterprise ? <span>{enterprise.name}</span> : <Typography.Text type="secondary">{t('trace.unknownEnterprise')}</Typography.Text>;
}

function useDistrict() {
  const locale = useLocale();
  return (e: TraceEnterprise | null) => (e?.district ? localName(locale, e.district) : '—');
}

function Summary({ trace }: { trace: LotTrace }) {
  const { t } = useTranslation();
  const { subject, timeline } = trace;
  return (
    <Card size="small">
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
        <Descriptions.Item label={t('trace.summary.product')}>{subject.product?.name ?? subject.gtin}</Descriptions.Item>
        <Descriptions.Item label={t('trace.summary.maker')}>{subject.maker?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('trace.summary.lot')}>{subject.lot ?? t('recalls.serialsValue', { count: subject.serials.length })}</Descriptions.Item>
        <Descriptions.Item label={t('trace.summary.events')}>{timeline.events}</Descriptions.Item>
        <Descriptions.Item label={t('trace.summary.period')}>
          {formatDateTime(timeline.firstAt)} – {formatDateTime(timeline.lastAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('trace.summary.items')}>{trace.items}</Descriptions.Item>
        <Descriptions.Item label={t('trace.summary.trackedIds')}>{trace.trackedIds}</Descriptions.Item>
        <Descriptions.Item label={t('trace.summary.downstream')}>{new Set(trace.downstream.map((d) => d.enterprise?.id ?? d.location?.id)).size}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function DownstreamTable({ rows }: { rows: readonly TraceDownstream[] }) {
  const { t } = useTranslation();
  const district = useDistrict();
  const { pageRows, pagination } = usePaged(rows);
  const keyed = pageRows.map((r) => ({ ...r, key: `${r.basis}|${r.enterprise?.id ?? ''}|${r.location?.id ?? ''}` }));
  const basisTag = (r: TraceDownstream) => <Tag color={r.basis === 'receiving' ? 'green' : 'orange'}>{t(`trace.basis.${r.basis}`)}</Tag>;
  const columns: TableColumnsType<(typeof keyed)[number]> = [
    { title: t('trace.columns.enterprise'), key: 'enterprise', width: 200, render: (_v, r) => <EnterpriseName enterprise={r.enterprise} /> },
    { title: t('trace.columns.district'), key: 'district', width: 90, render: (_v, r) => district(r.enterprise) },
    { title: t('trace.columns.location'), key: 'location', width: 160, render: (_v, r) => r.location?.name ?? r.location?.id ?? '—' },
    { title: t('trace.columns.basis'), key: 'basis', width: 110, render: (_v, r) => basisTag(r) },
    { title: t('trace.columns.items'), dataIndex: 'items', width: 70, align: 'end' },
    { title: t('trace.columns.lots'), key: 'lots', width: 160, render: (_v, r) => <LotCounts lots={r.lots} /> },
    { title: t('trace.columns.quantities'), key: 'quantities', width: 140, render: (_v, r) => <Quantities quantities={r.quantities} /> },
    { title: t('trace.columns.firstAt'), dataIndex: 'firstAt', width: 160, render: (v: string) => formatDateTime(v) },
    { title: t('trace.columns.lastAt'), dataIndex: 'lastAt', width: 160, render: (v: string) => formatDateTime(v) },
  ];
  return (
    <ResponsiveTable
      rows={keyed}
      rowKey="key"
      columns={columns}
      loading={false}
      pagination={pagination}
      scrollX={1250}
      empty={<Empty description={t('trace.downstreamEmpty')} />}
      renderCard={(r) => (
        <>
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
            <strong>
              <EnterpriseName enterprise={r.enterprise} />
            </strong>
            {basisTag(r)}
          </div>
          <div style={{ fontSize: 13 }}>
            {district(r.enterprise)} · {r.location?.name ?? r.location?.id ?? '—'}
          </div>
          <div style={{ fontSize: 13 }}>
            {t('trace.columns.items')} {r.items} · <LotCounts lots={r.lots} />
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(r.firstAt)} – {formatDateTime(r.lastAt)}
          </Typography.Text>
        </>
      )}
    />
  );
}

function OutputsTable({ rows }: { rows: readonly TraceOutput[] }) {
  const { t } = useTranslation();
  const { pageRows, pagination } = usePaged(rows);
  const followed = (r: TraceOutput) => (r.followed ? <Tag color="blue">{t('trace.followed')}</Tag> : <Tag>{t('trace.notFollowed')}</Tag>);
  const columns: TableColumnsType<TraceOutput> = [
    { title: t('trace.outputColumns.enterprise'), key: 'enterprise', width: 200, render: (_v, r) => <EnterpriseName enterprise={r.enterprise} /> },
    { title: t('trace.outputColumns.time'), dataIndex: 'eventTime', width: 160, render: (v: string) => formatDateTime(v) },
    { title: t('trace.outputColumns.inputItems'), dataIndex: 'inputItems', width: 90, align: 'end' },
    { title: t('trace.outputColumns.outputs'), key: 'outputs', width: 220, render: (_v, r) => (<><LotCounts lots={r.lots} /><Quantities quantities={r.quantities} /></>) },
    { title: t('trace.outputColumns.followed'), key: 'followed', width: 170, render: (_v, r) => followed(r) },
  ];
  return (
    <ResponsiveTable
      rows={pageRows}
      rowKey="eventId"
      columns={columns}
      loading={false}
      pagination={pagination}
      scrollX={840}
      empty={<Empty />}
      renderCard={(r) => (
        <>
          <strong>
            <EnterpriseName enterprise={r.enterprise} />
          </strong>{' '}
          {followed(r)}
          <div style={{ fontSize: 13 }}>{formatDateTime(r.eventTime)}</div>
          <LotCounts lots={r.lots} />
        </>
      )}
    />
  );
}

function InputsTable({ rows }: { rows: readonly TraceInput[] }) {
  const { t } = useTranslation();
  const { pageRows, pagination } = usePaged(rows.map((r) => ({ ...r, key: `${r.eventId}|${r.lot.classKey ?? ''}` })));
  const columns: TableColumnsType<TraceInput & { key: string }> = [
    { title: t('trace.inputColumns.lot'), key: 'lot', width: 140, render: (_v, r) => r.lot.lot ?? r.lot.gtin ?? '—' },
    { title: t('trace.inputColumns.product'), key: 'product', width: 180, render: (_v, r) => r.lot.productName ?? r.lot.gtin ?? '—' },
    { title: t('trace.inputColumns.maker'), key: 'maker', width: 200, render: (_v, r) => <EnterpriseName enterprise={r.maker} /> },
    { title: t('trace.inputColumns.transformer'), key: 'transformer', width: 200, render: (_v, r) => <EnterpriseName enterprise={r.transformer} /> },
    { title: t('trace.inputColumns.items'), key: 'items', width: 120, render: (_v, r) => [r.items > 0 ? String(r.items) : '', ...r.quantities.map((q) => `${q.quantity} ${q.uom ?? ''}`)].filter(Boolean).join('; ') || '—' },
    { title: t('trace.inputColumns.depth'), dataIndex: 'depth', width: 60, align: 'end' },
  ];
  return (
    <ResponsiveTable
      rows={pageRows}
      rowKey="key"
      columns={columns}
      loading={false}
      pagination={pagination}
      scrollX={900}
      empty={<Empty description={t('trace.inputsEmpty')} />}
      renderCard={(r) => (
        <>
          <strong>{r.lot.productName ?? r.lot.gtin}</strong> {r.lot.lot}
          <div style={{ fontSize: 13 }}>
            {t('trace.inputColumns.maker')}
            {t('common.colon')}
            <EnterpriseName enterprise={r.maker} />
          </div>
          <div style={{ fontSize: 13 }}>
            {t('trace.inputColumns.items')} {r.items}
          </div>
        </>
      )}
    />
  );
}

/** A lot's trace: the summary, where it went (per enterprise and location), what it went into, and its inputs. */
export function TraceView({ trace }: { trace: LotTrace }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {trace.truncated && <Alert type="warning" showIcon title={t('trace.truncated')} />}
      <Summary trace={trace} />
      <Card size="small" title={t('trace.downstream')}>
        <DownstreamTable rows={trace.downstream} />
      </Card>
      {trace.outputs.length > 0 && (
        <Card size="small" title={t('trace.outputs')}>
          <OutputsTable rows={trace.outputs} />
        </Card>
      )}
      <Card size="small" title={t('trace.inputs')}>
        <InputsTable rows={trace.inputs} />
      </Card>
    </Space>
  );
}
