import { useState } from 'react';
import { App, Button, Card, Empty, Input, Modal, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { SELF_INSPECTION_STATUSES, type SelfInspectionStatus } from '@shian/domain';
import { apiSend } from '../../api/client.ts';
import { isRegulator, useCurrentUser } from '../../app/current-user.tsx';
import { hasGrant } from '../../app/grants.ts';
import { pickLocalised } from '../../i18n/localised.ts';
import { useLocale } from '../../i18n/setup.ts';
import { useDistrictOptions } from '../planning/district-options.ts';
import { SelfInspectionKpiSection } from './kpi-section.tsx';
import { KIND, L, STATUS, STATUS_COLOR } from './labels.ts';
import { selfInspectionKeys, useSelfInspectionReports, type SelfInspectionReport, type SelfInspectionReportDetail } from './self-inspection-api.ts';

/**
 * 自查报告: an enterprise's reports (start the year's annual report or an ad-hoc one, open to fill and submit);
 * for regulators the reports of their jurisdiction by district, year and status (open to acknowledge or return),
 * above them the KPIs 自查报告率 and 整改率.
 */
export function SelfInspectionReportsPage() {
  const locale = useLocale();
  const text = (entry: (typeof L)[keyof typeof L]) => pickLocalised(locale, entry);
  const user = useCurrentUser();
  const regulator = isRegulator(user);
  const districts = useDistrictOptions();
  const [params, setParams] = useSearchParams();
  const thisYear = dayjs().year();
  const year = Number(params.get('year')) || thisYear;
  const status = (SELF_INSPECTION_STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as SelfInspectionStatus) : undefined;
  const requested = params.get('jurisdiction') || undefined;
  const reports = useSelfInspectionReports({ year, status, jurisdictionCode: requested });
  const kpiJurisdiction = requested ?? districts.defaultCode ?? user.jurisdictionCode ?? null;

  const choose = (next: { year?: number; status?: string; jurisdiction?: string }) => {
    const out = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value === undefined || value === '' || value === 'all') out.delete(key);
      else out.set(key, String(value));
    }
    setParams(out);
  };

  const columns: TableColumnsType<SelfInspectionReport> = [
    { title: text(L.number), dataIndex: 'number', key: 'number', width: 190, render: (v: string, r) => <Link to={`/self-inspection/reports/${r.id}`}>{v}</Link> },
    ...(regulator ? [{ title: text(L.enterprise), key: 'enterprise', width: 220, render: (_v: unknown, r: SelfInspectionReport) => r.enterprise.name }] : []),
    { title: text(L.title), dataIndex: 'title', key: 'title', width: 220 },
    { title: text(L.kind), key: 'kind', width: 100, render: (_v, r) => pickLocalised(locale, KIND[r.kind]) },
    { title: text(L.status), key: 'status', width: 100, render: (_v, r) => <Tag color={STATUS_COLOR[r.status]}>{pickLocalised(locale, STATUS[r.status])}</Tag> },
    { title: text(L.progress), key: 'progress', width: 100, render: (_v, r) => `${r.answered} / ${r.items}` },
    { title: text(L.nonConformities), dataIndex: 'nonConformities', key: 'nc', width: 100 },
    { title: text(L.submittedAt), key: 'submittedAt', width: 160, render: (_v, r) => (r.submittedAt ? dayjs(r.submittedAt).format('YYYY-MM-DD HH:mm') : '—') },
  ];

  return (
    <>
      <div className="shian-page-header">
        <Typography.Title level={3}>{regulator ? text(L.reviewTitle) : text(L.reportsTitle)}</Typography.Title>
        <Space wrap>
          {regulator && districts.defaultCode === null && (
            <Select aria-label={text(L.district)} style={{ width: 160 }} value={requested ?? 'all'} onChange={(v: string) => choose({ jurisdiction: v })} options={[{ value: 'all', label: '—' }, ...districts.options]} />
          )}
          <Select aria-label={text(L.year)} style={{ width: 110 }} value={year} onChange={(v: number) => choose({ year: v })} options={[thisYear - 2, thisYear - 1, thisYear].map((y) => ({ value: y, label: String(y) }))} />
          <Select
            aria-label={text(L.status)}
            style={{ width: 120 }}
            value={status ?? 'all'}
            onChange={(v: string) => choose({ status: v })}
            options={[{ value: 'all', label: '—' }, ...SELF_INSPECTION_STATUSES.map((s) => ({ value: s, label: pickLocalised(locale, STATUS[s]) }))]}
          />
          {hasGrant(user, 'self_inspection.write') && user.enterpriseId && <NewReportButtons year={year} />}
        </Space>
      </div>
      {regulator && <SelfInspectionKpiSection jurisdictionCode={kpiJurisdiction} year={year} />}
      <Card size="small">
        <Table<SelfInspectionReport>
          size="small"
          rowKey="id"
          loading={reports.isPending}
          dataSource={reports.data ?? []}
          columns={columns}
          scroll={{ x: 900 }}
          pagination={{ hideOnSinglePage: true, pageSize: 20 }}
          locale={{ emptyText: <Empty description={text(L.empty)} /> }}
        />
      </Card>
    </>
  );
}

/** Starts the year's annual report (once) or an ad-hoc self-inspection with its reason, then opens it. */
function NewReportButtons({ year }: { year: number }) {
  const locale = useLocale();
  const text = (entry: (typeof L)[keyof typeof L]) => pickLocalised(locale, entry);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [adHoc, setAdHoc] = useState(false);
  const [title, setTitle] = useState('');
  const create = async (body: object) => {
    try {
      const created = await apiSend<SelfInspectionReportDetail>('POST', '/api/v1/self-inspection/reports', body);
      await queryClient.invalidateQueries({ queryKey: selfInspectionKeys.all });
      void navigate(`/self-inspection/reports/${created.id}`);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => void create({ kind: 'annual', year })}>
        {text(L.newAnnual)}
      </Button>
      <Button icon={<PlusOutlined />} onClick={() => setAdHoc(true)}>
        {text(L.newAdHoc)}
      </Button>
      <Modal open={adHoc} title={text(L.newAdHoc)} onCancel={() => setAdHoc(false)} onOk={() => void create({ kind: 'ad_hoc', year, title })} okButtonProps={{ disabled: title.trim() === '' }}>
        <Input aria-label={text(L.adHocTitle)} placeholder={text(L.adHocTitle)} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
      </Modal>
    </>
  );
}
