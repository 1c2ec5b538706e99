import { useState } from 'react';
import { App, Button, Empty, Space, Typography, type TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiSend, isApiError } from '../../api/client.ts';
import { ResponsiveTable } from '../../components/responsive-table.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { OwnPremisesSelect } from './premises-select.tsx';
import { traceOpsKeys, useInboundShipments, type InboundShipment } from './trace-ops-api.ts';

/** What a shipment carries, in words: its lots with quantities, and how many codes. */
function Contents({ shipment }: { shipment: InboundShipment }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={0}>
      {shipment.lots.map((l) => (
        <span key={l.epcClass}>{t('traceOps.receive.lotLine', { gtin: l.gtin ?? l.epcClass, lot: l.lot ?? '', quantity: l.quantity })}</span>
      ))}
      {shipment.items.length > 0 && <span>{t('traceOps.receive.items', { count: shipment.items.length })}</span>}
    </Space>
  );
}

/**
 * 收货: the shipments addressed to the enterprise and not received yet, each received whole with one click at
 * the premises it was sent to (or the premises chosen above when it names none of them).
 */
export function ReceiveTab({ enterpriseId, premisesId, onPremisesChange }: { enterpriseId: string; premisesId: string | undefined; onPremisesChange: (id: string) => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const inbound = useInboundShipments();
  const [busy, setBusy] = useState<string | null>(null);
  const rows = inbound.data ?? [];

  const receiveAll = (shipment: InboundShipment) => {
    const at = shipment.to.premisesId ?? premisesId;
    if (!at) {
      void message.warning(t('traceOps.premisesPlaceholder'));
      return;
    }
    modal.confirm({
      title: t('traceOps.receive.confirmTitle'),
      content: t('traceOps.receive.confirm', { sender: shipment.sender.name, premises: shipment.to.premisesName ?? t('traceOps.premises') }),
      okText: t('traceOps.receive.receiveAll'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        setBusy(shipment.eventId);
        try {
          await apiSend('POST', '/api/v1/trace/operations/receive', { shipmentEventId: shipment.eventId, premisesId: at, accept: 'all' });
          void message.success(t('traceOps.receive.done'));
          await queryClient.invalidateQueries({ queryKey: traceOpsKeys.inbound });
          void queryClient.invalidateQueries({ queryKey: traceOpsKeys.lotStock });
          void queryClient.invalidateQueries({ queryKey: traceOpsKeys.events });
        } catch (error) {
          void message.error(isApiError(error) ? [error.message, ...error.details.map((d) => d.message)].join('；') : t('app.error'));
        } finally {
          setBusy(null);
        }
      },
    });
  };

  const action = (s: InboundShipment) => (
    <Button type="primary" size="small" loading={busy === s.eventId} onClick={() => receiveAll(s)} aria-label={`${t('traceOps.receive.receiveAll')} ${s.sender.name}`}>
      {t('traceOps.receive.receiveAll')}
    </Button>
  );

  const columns: TableColumnsType<InboundShipment> = [
    { title: t('traceOps.receive.time'), dataIndex: 'eventTime', width: 170, render: (value: string) => formatDateTime(value) },
    { title: t('traceOps.receive.sender'), key: 'sender', width: 220, render: (_v, s) => s.sender.name },
    { title: t('traceOps.receive.toPremises'), key: 'to', width: 160, render: (_v, s) => s.to.premisesName ?? t('common.none') },
    { title: t('traceOps.receive.contents'), key: 'contents', width: 300, render: (_v, s) => <Contents shipment={s} /> },
    { title: t('traceOps.receive.reference'), dataIndex: 'reference', width: 140, render: (value: string | null) => value ?? t('common.none') },
    { title: t('common.actions'), key: 'action', width: 120, fixed: 'right', render: (_v, s) => action(s) },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <div style={{ minWidth: 280 }}>
          <OwnPremisesSelect id="receive-premises" enterpriseId={enterpriseId} value={premisesId} onChange={onPremisesChange} />
        </div>
        <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void inbound.refetch()} loading={inbound.isFetching}>
          {t('traceOps.receive.refresh')}
        </Button>
      </Space>
      <ResponsiveTable<InboundShipment>
        rows={rows}
        rowKey="eventId"
        columns={columns}
        loading={inbound.isPending}
        scrollX={1110}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        empty={<Empty description={inbound.isError ? inbound.error.message : t('traceOps.receive.empty')} />}
        renderCard={(s) => (
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            <Typography.Text strong>{s.sender.name}</Typography.Text>
            <Typography.Text type="secondary">
              {formatDateTime(s.eventTime)} · {s.to.premisesName ?? t('common.none')}
            </Typography.Text>
            <Contents shipment={s} />
            {action(s)}
          </Space>
        )}
      />
    </>
  );
}
