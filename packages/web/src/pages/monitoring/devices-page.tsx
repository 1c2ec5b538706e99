import { useState } from 'react';
import { App, Button, Card, Empty, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { CLEAN_CLASSES, DEVICE_KIND_LABELS } from '@shian/domain';
import { useCurrentUser } from '../../app/current-user.tsx';
import { hasGrant } from '../../app/grants.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useLocale } from '../../i18n/setup.ts';
import { CredentialModal } from './credential-modal.tsx';
import { DeviceFormModal } from './device-form-modal.tsx';
import { EnterpriseFilter } from './enterprise-filter.tsx';
import { SiteRuleModal } from './site-rule-modal.tsx';
import { invalidateMonitoring, issueCredential, setRuleSet, useDevices, useRuleSets, type DeviceCredential, type MonitoringDevice } from './handling-api.ts';
import { BOUNDARY_LABELS, H, relativeTime } from './handling-text.ts';

/**
 * 设备管理: the monitoring devices in scope (an enterprise its own; a regulator filters by enterprise). The
 * enterprise's administrator (monitoring.manage) registers devices, issues a device's secret (shown once)
 * and puts a device under another rule set.
 */
export function DevicesPage() {
  const locale = useLocale();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [enterpriseName, setEnterpriseName] = useState<string | undefined>(undefined);
  const enterpriseId = user.enterpriseId ?? params.get('enterpriseId') ?? undefined;
  const devices = useDevices(user.enterpriseId ? undefined : enterpriseId);
  const ruleSets = useRuleSets(user.enterpriseId ? undefined : enterpriseId);
  const canManage = hasGrant(user, 'monitoring.manage');
  const [registering, setRegistering] = useState(false);
  const [makingRule, setMakingRule] = useState(false);
  const [credential, setCredential] = useState<{ device: MonitoringDevice; credential: DeviceCredential } | null>(null);

  const ruleSetName = (id: string) => {
    const found = ruleSets.data?.find((r) => r.id === id);
    return found ? `${found.name[locale]} (v${found.version})` : id;
  };
  const issue = async (device: MonitoringDevice) => {
    try {
      setCredential({ device, credential: await issueCredential(device.id) });
      await invalidateMonitoring(queryClient);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    }
  };
  const changeRuleSet = async (device: MonitoringDevice, ruleSetId: string) => {
    try {
      await setRuleSet(device.id, ruleSetId);
      void message.success(H.ruleSetChanged[locale]);
      await invalidateMonitoring(queryClient);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    }
  };

  const columns: TableColumnsType<MonitoringDevice> = [
    { title: H.code[locale], dataIndex: 'code', key: 'code', width: 120, render: (code: string, d) => <Link to={`/monitoring/alerts?deviceId=${d.id}`}>{code}</Link> },
    { title: H.kind[locale], key: 'kind', width: 110, render: (_v, d) => DEVICE_KIND_LABELS[d.kind][locale] },
    { title: H.area[locale], dataIndex: 'area', key: 'area', width: 160 },
    { title: H.cleanClass[locale], key: 'cleanClass', width: 110, render: (_v, d) => CLEAN_CLASSES.find((c) => c.code === d.cleanClass)?.label[locale] ?? d.cleanClass },
    { title: H.boundary[locale], key: 'boundary', width: 130, render: (_v, d) => (d.boundary ? BOUNDARY_LABELS[d.boundary][locale] : '—') },
    {
      title: H.ruleSet[locale],
      key: 'ruleSet',
      width: 240,
      render: (_v, d) =>
        canManage ? (
          <Select
            size="small"
            aria-label={`${H.changeRuleSet[locale]} ${d.code}`}
            style={{ width: 220 }}
            value={d.ruleSetId}
            onChange={(id: string) => void changeRuleSet(d, id)}
            options={(ruleSets.data ?? []).filter((r) => r.enterpriseId === null || r.enterpriseId === d.enterpriseId).map((r) => ({ value: r.id, label: `${r.name[locale]} (v${r.version})` }))}
          />
        ) : (
          ruleSetName(d.ruleSetId)
        ),
    },
    {
      title: H.lastSeen[locale],
      key: 'lastSeen',
      width: 120,
      render: (_v, d) => (d.lastSeenAt ? <Tooltip title={formatDateTime(d.lastSeenAt)}>{relativeTime(locale, d.lastSeenAt)}</Tooltip> : <Typography.Text type="secondary">{H.neverSeen[locale]}</Typography.Text>),
    },
    { title: H.credential[locale], key: 'credential', width: 100, render: (_v, d) => (d.hasCredential ? <Tag color="green">{H.credentialIssued[locale]}</Tag> : <Tag>{H.credentialNone[locale]}</Tag>) },
    {
      title: H.actions[locale],
      key: 'actions',
      width: 120,
      fixed: 'right',
      render: (_v, d) =>
        canManage &&
        (d.hasCredential ? (
          <Popconfirm title={H.reissueConfirm[locale]} onConfirm={() => void issue(d)}>
            <Button size="small">{H.reissue[locale]}</Button>
          </Popconfirm>
        ) : (
          <Button size="small" type="primary" onClick={() => void issue(d)}>
            {H.issue[locale]}
          </Button>
        )),
    },
  ];

  return (
    <>
      <div className="shian-page-header">
        <Typography.Title level={3}>{H.devicesTitle[locale]}</Typography.Title>
        <Space wrap>
          {!user.enterpriseId && (
            <EnterpriseFilter
              value={enterpriseId}
              selectedName={enterpriseName}
              onChange={(id, name) => {
                setEnterpriseName(name);
                setParams(id ? { enterpriseId: id } : {}, { replace: true });
              }}
            />
          )}
          {canManage && (
            <Button disabled={!enterpriseId} onClick={() => setMakingRule(true)}>
              {H.siteRule[locale]}
            </Button>
          )}
          {canManage && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} disabled={!enterpriseId} onClick={() => setRegistering(true)}>
              {H.register[locale]}
            </Button>
          )}
        </Space>
      </div>
      <Card size="small">
        <Table<MonitoringDevice>
          size="small"
          rowKey="id"
          loading={devices.isPending}
          dataSource={devices.data ?? []}
          columns={columns}
          scroll={{ x: 1250 }}
          pagination={{ hideOnSinglePage: true, pageSize: 50 }}
          locale={{ emptyText: <Empty description={H.noDevices[locale]} /> }}
        />
      </Card>
      {makingRule && enterpriseId && <SiteRuleModal enterpriseId={enterpriseId} onClose={() => setMakingRule(false)} onSaved={() => void invalidateMonitoring(queryClient)} />}
      {registering && enterpriseId && <DeviceFormModal enterpriseId={enterpriseId} onClose={() => setRegistering(false)} onSaved={() => void invalidateMonitoring(queryClient)} />}
      {credential && <CredentialModal device={credential.device} credential={credential.credential} onClose={() => setCredential(null)} />}
    </>
  );
}
