import { useState } from 'react';
import { Alert, Card, Col, DatePicker, Empty, Form, Input, InputNumber, Radio, Row, Select, Skeleton, Space, Table, Tag, Typography, Button } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { apiSend } from '../../api/client.ts';
import { isRegulator, useCurrentUser } from '../../app/current-user.tsx';
import { hasGrant } from '../../app/grants.ts';
import { ForbiddenPage } from '../../app/status-pages.tsx';
import { FormModal } from '../../components/form-modal.tsx';
import { localName, useLocale } from '../../i18n/setup.ts';
import { useDistrictOptions } from '../planning/district-options.ts';
import { useExamSessions, useTrainingKpis, type ExamSessionDetail, type TrainingKpi } from './training-api.ts';
import { useLabels } from './training-labels.ts';

const percent = (ratio: number) => `${Math.round(ratio * 1000) / 10}%`;

function KpiCard({ title, kpi }: { title: string; kpi: TrainingKpi }) {
  const l = useLabels();
  return (
    <Card size="small" title={title} extra={<Tag color={kpi.met ? 'green' : 'red'}>{kpi.met ? l('met') : l('unmet')}</Tag>} style={{ height: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {percent(kpi.rate)}
      </Typography.Title>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {kpi.numerator} / {kpi.denominator} · {l('target')} {percent(kpi.target)}
      </Typography.Text>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }} ellipsis={{ rows: 2, tooltip: kpi.basis }}>
        {l('basis')}：{kpi.basis}
      </Typography.Paragraph>
    </Card>
  );
}

function Kpis({ jurisdictionCode, year }: { jurisdictionCode: string | null; year: number }) {
  const l = useLabels();
  const locale = useLocale();
  const kpis = useTrainingKpis(jurisdictionCode, year);
  if (jurisdictionCode === null) return null;
  if (kpis.isPending) return <Skeleton active />;
  if (kpis.isError) return <Alert type="error" showIcon title={kpis.error.message} />;
  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={12}>
          <KpiCard title={l('passRate')} kpi={kpis.data.total.examPassRate} />
        </Col>
        <Col xs={24} md={12}>
          <KpiCard title={l('hoursRate')} kpi={kpis.data.total.trainingHours} />
        </Col>
      </Row>
      <Table
        size="small"
        rowKey="districtCode"
        pagination={false}
        scroll={{ x: 480 }}
        dataSource={kpis.data.districts}
        columns={[
          { title: l('district'), key: 'd', render: (_v, r) => localName(locale, r) },
          { title: l('passRate'), key: 'p', render: (_v, r) => `${percent(r.examPassRate.rate)} (${r.examPassRate.numerator}/${r.examPassRate.denominator})` },
          { title: l('hoursRate'), key: 'h', render: (_v, r) => `${percent(r.trainingHours.rate)} (${r.trainingHours.numerator}/${r.trainingHours.denominator})` },
        ]}
      />
    </>
  );
}

interface SessionValues {
  title: string;
  jurisdictionCode: string;
  mode: 'draw' | 'pick';
  drawPercent?: number;
  enterpriseIds?: string;
  questionCount: number;
  timeLimitMinutes: number;
  passMark: number;
  maxAttempts: number;
  closesOn: Dayjs;
}

/**
 * 抽查考核 of the bureau: the KPIs (合格率, 学时达标率) per district, the exam sessions with their counts, and
 * a new session for named enterprises or a share of the jurisdiction drawn at random.
 */
export function RegulatorExamsPage() {
  const l = useLabels();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const districts = useDistrictOptions();
  const [year, setYear] = useState(dayjs().year());
  const [picked, setPicked] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<SessionValues>();
  const mode = Form.useWatch('mode', form);
  const sessions = useExamSessions();
  if (!isRegulator(user)) return <ForbiddenPage />;
  const jurisdictionCode = picked ?? districts.defaultCode ?? user.jurisdictionCode;

  return (
    <>
      <div className="shian-page-header">
        <Typography.Title level={3}>{l('examsTitle')}</Typography.Title>
        <Space wrap>
          {districts.defaultCode === null && (
            <Select aria-label={l('jurisdiction')} style={{ width: 160 }} value={picked ?? 'all'} onChange={(v: string) => setPicked(v === 'all' ? null : v)} options={[{ value: 'all', label: '—' }, ...districts.options]} />
          )}
          <Select aria-label={l('year')} style={{ width: 110 }} value={year} onChange={setYear} options={[0, 1, 2].map((d) => ({ value: dayjs().year() - d, label: String(dayjs().year() - d) }))} />
          {hasGrant(user, 'exam.manage') && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {l('createSession')}
            </Button>
          )}
        </Space>
      </div>
      <Kpis jurisdictionCode={jurisdictionCode} year={year} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {l('sessions')}
      </Typography.Title>
      <Table
        size="small"
        rowKey="id"
        loading={sessions.isPending}
        dataSource={sessions.data?.items ?? []}
        locale={{ emptyText: <Empty /> }}
        scroll={{ x: 720 }}
        columns={[
          { title: l('session'), key: 't', render: (_v, s) => <Link to={`/exams/${s.id}`}>{s.title}</Link> },
          { title: l('closesAt'), key: 'c', width: 150, render: (_v, s) => dayjs(s.closesAt).format('YYYY-MM-DD HH:mm') },
          { title: l('candidates'), key: 'n', width: 90, render: (_v, s) => s.counts.candidates },
          { title: l('passed'), key: 'p', width: 80, render: (_v, s) => s.counts.passed },
          { title: l('failed'), key: 'f', width: 80, render: (_v, s) => s.counts.failed },
          { title: l('pending'), key: 'w', width: 80, render: (_v, s) => s.counts.pending + s.counts.in_progress },
        ]}
      />
      {creating && (
        <FormModal<SessionValues>
          form={form}
          title={l('createSession')}
          fields={['title', 'jurisdictionCode', 'drawPercent', 'enterpriseIds', 'questionCount', 'timeLimitMinutes', 'passMark', 'maxAttempts', 'closesOn']}
          successMessage={l('created')}
          initialValues={{ mode: 'draw', drawPercent: 20, questionCount: 20, timeLimitMinutes: 30, passMark: 80, maxAttempts: 2, closesOn: dayjs().add(14, 'day'), jurisdictionCode: jurisdictionCode ?? undefined }}
          onClose={() => setCreating(false)}
          onSaved={() => void queryClient.invalidateQueries({ queryKey: ['training'] })}
          submit={async (v) => {
            const created = await apiSend<ExamSessionDetail>('POST', '/api/v1/exam-sessions', {
              title: v.title,
              jurisdictionCode: v.jurisdictionCode,
              ...(v.mode === 'draw' ? { drawPercent: v.drawPercent } : { enterpriseIds: (v.enterpriseIds ?? '').split(/[\s,，]+/).filter(Boolean) }),
              questionCount: v.questionCount,
              timeLimitMinutes: v.timeLimitMinutes,
              passMark: v.passMark,
              maxAttempts: v.maxAttempts,
              closesOn: v.closesOn.format('YYYY-MM-DD'),
            });
            void navigate(`/exams/${created.id}`);
          }}
        >
          <Form.Item name="title" label={l('session')} rules={[{ required: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="jurisdictionCode" label={l('jurisdiction')} rules={[{ required: true }]}>
            <Select options={districts.options} />
          </Form.Item>
          <Form.Item name="mode" label={l('mode')}>
            <Radio.Group options={[{ value: 'draw', label: l('modeDraw') }, { value: 'pick', label: l('modePick') }]} />
          </Form.Item>
          {mode === 'pick' ? (
            <Form.Item name="enterpriseIds" label={l('pickEnterprises')} rules={[{ required: true }]}>
              <Input.TextArea rows={2} placeholder="enterprise id, …" />
            </Form.Item>
          ) : (
            <Form.Item name="drawPercent" label={l('drawPercent')} rules={[{ required: true }]}>
              <InputNumber min={1} max={100} style={{ width: '100%' }} />
            </Form.Item>
          )}
          <Space wrap>
            <Form.Item name="questionCount" label={l('questions')}>
              <InputNumber min={5} max={60} />
            </Form.Item>
            <Form.Item name="timeLimitMinutes" label={l('timeLimit')}>
              <InputNumber min={5} max={180} />
            </Form.Item>
            <Form.Item name="passMark" label={l('passMark')}>
              <InputNumber min={1} max={100} />
            </Form.Item>
            <Form.Item name="maxAttempts" label={l('attempts')}>
              <InputNumber min={1} max={5} />
            </Form.Item>
          </Space>
          <Form.Item name="closesOn" label={l('closesOn')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
