import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { ALERT_GRADE_LABELS, RULE_KIND_LABELS } from '@shian/domain';
import { useCurrentUser } from '../../app/current-user.tsx';
import { hasGrant } from '../../app/grants.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useLocale } from '../../i18n/setup.ts';
import { CloseAlertModal } from './close-alert-modal.tsx';
import { EnterpriseFilter } from './enterprise-filter.tsx';
import { ALERT_STATUSES, invalidateMonitoring, takeAlertStep, useAlerts, useDevices, type AlertStatus, type AlertStep, type MonitoringAlert } from './handling-api.ts';
import { ALERT_STATUS_LABELS, GRADE_COLORS, H, fill } from './handling-text.ts';
import { PrecisionTable } from './precision-table.tsx';

/** The next handling step of an alert not yet closed (关闭 is offered beside it at every stage). */
const NEXT_STEP: Partial<Record<AlertStatus, AlertStep>> = { open: 'acknowledge', acknowledged: 'send', sent: 'verify' };
const STATUS_COLORS: Record<AlertStatus, string> = { open: 'red', acknowledged: 'orange', sent: 'gold', verified: 'blue', closed: 'default' };
const isStatus = (value: string | null): value is AlertStatus => ALERT_STATUSES.some((s) => s === value);

/**
 * 预警处置: alerts in scope, unsettled first, with their grade (立即处置 / 限期处置 / 一般关注). The bureau
 * (monitoring.handle) takes them step by step — 确认, 下发企业, 核实 — and closes each as a real problem or a
 * false positive (误报), counted in the per-rule precision shown above. Enterprise users follow along read-only.
 * Query params `status`, `deviceId` and `enterpriseId` narrow the list.
 */
export function AlertsPage() {
  const locale = useLocale();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [enterpriseName, setEnterpriseName] = useState<string | undefined>(undefined);
  const [closing, setClosing] = useState<MonitoringAlert | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const rawStatus = params.get('status');
  const status = isStatus(rawStatus) ? rawStatus : undefined;
  const deviceId = params.get('deviceId') ?? undefined;
  const enterpriseId = user.enterpriseId ? undefined : (params.get('enterpriseId') ?? undefined);
  const alerts = useAlerts({ status, deviceId, enterpriseId });
  const devices = useDevices(enterpriseId);
  const canHandle = hasGrant(user, 'monitoring.handle');
  const deviceCode = deviceId ? (devices.data?.find((d) => d.id === deviceId)?.code ?? alerts.data?.[0]?.deviceCode ?? deviceId) : undefined;

  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const step = async (alert: MonitoringAlert, which: AlertStep) => {
    setBusy(alert.id);
    try {
      await takeAlertStep(alert.id, which);
      void message.success(H.stepDone[locale]);
      await invalidateMonitoring(queryClient);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(null);
    }
  };

  const columns: TableColumnsType<MonitoringAlert> = [
    { title: H.grade[locale], key: 'grade', width: 100, render: (_v, a) => <Tag color={GRADE_COLORS[a.grade]}>{ALERT_GRADE_LABELS[a.grade][locale]}</Tag> },
    { title: H.ruleKind[locale], key: 'rule', width: 130, render: (_v, a) => RULE_KIND_LABELS[a.ruleKind][locale] },
    {
      title: H.device[locale],
      key: 'device',
      width: 170,
      render: (_v, a) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{a.deviceCode}</Typography.Text>
          <Typography.Text type="secondary">{a.area}</Typography.Text>
        </Space>
      ),
    },
    { title: H.enterprise[locale], dataIndex: 'enterpriseName', key: 'enterprise', width: 200 },
    { title: H.openedAt[locale], key: 'opened', width: 170, render: (_v, a) => formatDateTime(a.openedAt) },
    { title: H.readingCount[locale], dataIndex: 'readingCount', key: 'readings', width: 80, align: 'right' },
    {
      title: H.status[locale],
      key: 'status',
      width: 150,
      render: (_v, a) => (
        <Space size={4} wrap>
          <Tag color={STATUS_COLORS[a.status]}>{ALERT_STATUS_LABELS[a.status][locale]}</Tag>
          {a.status === 'closed' && a.falsePositive && <Tag>{H.outcomeFalse[locale]}</Tag>}
          {a.status !== 'closed' && a.clearedAt && <Tag color="green">{H.cleared[locale]}</Tag>}
        </Space>
      ),
    },
    { title: H.note[locale], dataIndex: 'note', key: 'note', width: 200, render: (note: string | null) => note ?? '—' },
    ...(canHandle
      ? [
          {
            title: H.actions[locale],
            key: 'actions',
            width: 190,
            fixed: 'right' as const,
            render: (_v: unknown, a: MonitoringAlert) => {
              const next = NEXT_STEP[a.status];
              if (a.status === 'closed') return null;
              return (
                <Space size={4}>
                  {next && (
                    <Button size="small" type="primary" loading={busy === a.id} onClick={() => void step(a, next)}>
                      {H[next][locale]}
                    </Button>
                  )}
                  <Button size="small" disabled={busy === a.id} onClick={() => setClosing(a)}>
                    {H.close[locale]}
                  </Button>
                </Space>
              );
            },
          },
        ]
      : []),
  ];

  return (
    <>
      <div className="shian-page-header">
        <Typography.Title level={3}>{H.alertsTitle[locale]}</Typography.Title>
        <Space wrap>
          <Select
            aria-label={H.status[locale]}
            style={{ width: 140 }}
            value={status ?? 'all'}
            onChange={(v: string) => setParam('status', v === 'all' ? undefined : v)}
            options={[{ value: 'all', label: H.allStatuses[locale] }, ...ALERT_STATUSES.map((s) => ({ value: s, label: ALERT_STATUS_LABELS[s][locale] }))]}
          />
          {!user.enterpriseId && (
            <EnterpriseFilter
              value={enterpriseId}
              selectedName={enterpriseName}
              onChange={(id, name) => {
                setEnterpriseName(name);
                setParam('enterpriseId', id);
              }}
            />
          )}
          {deviceId && (
            <Tag closable onClose={() => setParam('deviceId', undefined)}>
              {fill(locale, H.filterDevice, { code: deviceCode ?? '' })}
            </Tag>
          )}
        </Space>
      </div>
      {!canHandle && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={H.readOnly[locale]} />}
      <PrecisionTable enterpriseId={enterpriseId} />
      <Card size="small">
        <Table<MonitoringAlert>
          size="small"
          rowKey="id"
          loading={alerts.isPending}
          dataSource={alerts.data ?? []}
          columns={columns}
          scroll={{ x: 1400 }}
          pagination={{ hideOnSinglePage: true, pageSize: 50 }}
          locale={{ emptyText: <Empty description={H.noAlerts[locale]} /> }}
        />
      </Card>
      {closing && <CloseAlertModal alert={closing} onClose={() => setClosing(null)} onSaved={() => void invalidateMonitoring(queryClient)} />}
    </>
  );
}
