import { useState } from 'react';
import { Button, Card, DatePicker, Empty, Form, Input, InputNumber, List, Select, Skeleton, Space, Table, Tabs, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { apiSend } from '../../api/client.ts';
import { useCurrentUser } from '../../app/current-user.tsx';
import { ForbiddenPage } from '../../app/status-pages.tsx';
import { FormModal } from '../../components/form-modal.tsx';
import { hasGrant } from '../../app/grants.ts';
import { useMyExams, useTrainingHours, useTrainingRecords, type ExamAttempt, type MyExam } from './training-api.ts';
import { isLabelKey, useLabels } from './training-labels.ts';
import { CandidateStatusTag } from './training-tags.tsx';

/** One exam of one manager: its rules, standing and the button that fits (start, resume, retake, result). */
function ExamCard({ exam }: { exam: MyExam }) {
  const l = useLabels();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const open = dayjs(exam.session.closesAt).isAfter(dayjs());
  const canStart = open && exam.status !== 'passed' && exam.attemptsUsed < exam.session.maxAttempts;
  const start = async () => {
    setBusy(true);
    try {
      const attempt = await apiSend<ExamAttempt>('POST', `/api/v1/exam-candidates/${encodeURIComponent(exam.candidateId)}/attempts`, {});
      await queryClient.invalidateQueries({ queryKey: ['training', 'mine'] });
      void navigate(`/training/attempts/${attempt.id}`);
    } finally {
      setBusy(false);
    }
  };
  let action = null;
  if (exam.openAttemptId) action = <Button type="primary" block onClick={() => void navigate(`/training/attempts/${exam.openAttemptId}`)}>{l('resume')}</Button>;
  else if (canStart) action = <Button type="primary" block loading={busy} onClick={() => void start()}>{exam.attemptsUsed === 0 ? l('start') : l('retake')}</Button>;
  return (
    <Card size="small" title={exam.session.title} extra={<CandidateStatusTag status={exam.status} />} style={{ marginBottom: 12 }}>
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        <strong>{exam.person.name}</strong> · {isLabelKey(exam.person.role) ? l(exam.person.role) : exam.person.role}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {l('questions')} {exam.session.questionCount} · {l('timeLimit')} {exam.session.timeLimitMinutes} · {l('passMark')} {exam.session.passMark} · {l('attempts')} {exam.attemptsUsed}/{exam.session.maxAttempts}
        <br />
        {l('closesAt')} {dayjs(exam.session.closesAt).format('YYYY-MM-DD HH:mm')}
        {exam.bestScore !== null && (
          <>
            <br />
            {l('bestScore')} {exam.bestScore}
          </>
        )}
      </Typography.Paragraph>
      <Space direction="vertical" style={{ width: '100%' }}>
        {action}
        {exam.lastAttemptId && !exam.openAttemptId && <Button block onClick={() => void navigate(`/training/attempts/${exam.lastAttemptId}`)}>{l('viewResult')}</Button>}
      </Space>
    </Card>
  );
}

function MyExams() {
  const l = useLabels();
  const exams = useMyExams();
  if (exams.isPending) return <Skeleton active />;
  if (exams.isError) return <Typography.Text type="danger">{exams.error.message}</Typography.Text>;
  if (exams.data.items.length === 0) return <Empty description={l('noExams')} />;
  return (
    <>
      {exams.data.items.map((exam) => (
        <ExamCard key={exam.candidateId} exam={exam} />
      ))}
    </>
  );
}

interface RecordValues {
  personId: string;
  course: string;
  provider?: string;
  hours: number;
  attendedOn: Dayjs;
}

function TrainingRecords() {
  const l = useLabels();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(dayjs().year());
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<RecordValues>();
  const hours = useTrainingHours(year);
  const records = useTrainingRecords(year);
  const people = hours.data?.items ?? [];
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select aria-label={l('year')} value={year} onChange={setYear} style={{ width: 110 }} options={[0, 1, 2].map((d) => ({ value: dayjs().year() - d, label: String(dayjs().year() - d) }))} />
        {hasGrant(user, 'training.record') && (
          <Button type="primary" onClick={() => setAdding(true)}>
            {l('addRecord')}
          </Button>
        )}
      </Space>
      <List
        loading={hours.isPending}
        dataSource={people}
        locale={{ emptyText: <Empty /> }}
        renderItem={(p) => (
          <List.Item extra={<Tag color={p.met ? 'green' : 'red'}>{p.met ? l('met') : l('unmet')}</Tag>}>
            <List.Item.Meta title={`${p.name} · ${isLabelKey(p.role) ? l(p.role) : p.role}`} description={`${l('hours')} ${p.hours} / ${l('required')} ${p.required}`} />
          </List.Item>
        )}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {l('records')}
      </Typography.Title>
      <Table
        size="small"
        rowKey="id"
        loading={records.isPending}
        dataSource={records.data?.items ?? []}
        pagination={{ hideOnSinglePage: true, pageSize: 20 }}
        scroll={{ x: 560 }}
        columns={[
          { title: l('attendedOn'), dataIndex: 'attendedOn', width: 110 },
          { title: l('person'), dataIndex: 'personName', width: 100 },
          { title: l('course'), dataIndex: 'course' },
          { title: l('hours'), dataIndex: 'hours', width: 70 },
        ]}
      />
      {adding && (
        <FormModal<RecordValues>
          form={form}
          title={l('addRecord')}
          fields={['personId', 'course', 'provider', 'hours', 'attendedOn']}
          successMessage={l('saved')}
          initialValues={{ attendedOn: dayjs() }}
          onClose={() => setAdding(false)}
          onSaved={() => void queryClient.invalidateQueries({ queryKey: ['training'] })}
          submit={(v) =>
            apiSend('POST', '/api/v1/training/records', { personId: v.personId, course: v.course, provider: v.provider?.trim() ? v.provider : null, hours: v.hours, attendedOn: v.attendedOn.format('YYYY-MM-DD') })
          }
        >
          <Form.Item name="personId" label={l('person')} rules={[{ required: true }]}>
            <Select options={people.map((p) => ({ value: p.personId, label: p.name }))} />
          </Form.Item>
          <Form.Item name="course" label={l('course')} rules={[{ required: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="provider" label={l('provider')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="hours" label={l('hours')} rules={[{ required: true }]}>
            <InputNumber min={0.5} max={100} step={0.5} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="attendedOn" label={l('attendedOn')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}

/**
 * 培训考核 of an enterprise, phone first: the managers' exams (start, resume, retake, result), and their
 * training hours against the yearly requirement with the records behind them.
 */
export function EnterpriseTrainingPage() {
  const l = useLabels();
  const user = useCurrentUser();
  if (!hasGrant(user, 'exam.take')) return <ForbiddenPage />;
  return (
    <>
      <div className="shian-page-header">
        <Typography.Title level={3}>{l('title')}</Typography.Title>
      </div>
      <Tabs
        items={[
          { key: 'exams', label: l('myExams'), children: <MyExams /> },
          { key: 'records', label: l('records'), children: <TrainingRecords /> },
        ]}
      />
    </>
  );
}
