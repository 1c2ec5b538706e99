import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, List, Select, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { isoWeekOf } from '@shian/domain/duties/duty-calendar.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { applyServerError, type FormServerError } from '../../lib/form-errors.ts';
import { invalidateDuties, saveMonthlyMinutes, saveWeeklyReport, type DutyOverview } from './duties-api.ts';
import { useDutyText } from './duties-text.ts';

/** Submits a form's values, maps server errors onto its fields, and refreshes the duty pages. */
function useSave<T>(fields: readonly string[], save: (values: T) => Promise<unknown>) {
  const text = useDutyText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<T>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormServerError | null>(null);
  const submit = async (values: T) => {
    setBusy(true);
    setError(null);
    try {
      await save(values);
      await invalidateDuties(queryClient);
      void message.success(text('saved'));
    } catch (caught) {
      setError(applyServerError(form, caught, fields, text('save')));
    } finally {
      setBusy(false);
    }
  };
  return { form, busy, error, submit };
}

interface WeeklyForm {
  week: string;
  summary: string;
  signedByPersonId: string;
}

/** 周排查: this week's review report, signed by a current food safety director, and the reports so far. */
export function WeeklyPanel({ overview, canManage }: { overview: DutyOverview; canManage: boolean }) {
  const text = useDutyText();
  const directors = overview.appointments.filter((a) => a.role === 'food_safety_director' && a.current);
  const { form, busy, error, submit } = useSave<WeeklyForm>(['week', 'summary', 'signedByPersonId'], (v) => saveWeeklyReport(overview.enterprise.id, v));
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {canManage && overview.list && (
        <Card size="small" title={text('newWeekly')}>
          {directors.length === 0 ? (
            <Alert type="warning" showIcon title={text('noDirectorToSign')} />
          ) : (
            <>
              <FormErrorAlert error={error} />
              <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ week: isoWeekOf(overview.asOf), signedByPersonId: directors[0]?.personId }}>
                <Form.Item name="week" label={text('week')} rules={[{ required: true, message: text('week') }]}>
                  <Input maxLength={8} />
                </Form.Item>
                <Form.Item name="summary" label={text('summary')} rules={[{ required: true, whitespace: true, message: text('summary') }]}>
                  <Input.TextArea rows={4} maxLength={2000} />
                </Form.Item>
                <Form.Item name="signedByPersonId" label={text('signer')} rules={[{ required: true, message: text('signer') }]}>
                  <Select options={directors.map((d) => ({ value: d.personId, label: d.name }))} />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={busy}>
                  {text('save')}
                </Button>
              </Form>
            </>
          )}
        </Card>
      )}
      <List
        dataSource={overview.weeklyReports}
        renderItem={(r) => (
          <List.Item>
            <List.Item.Meta title={`${r.week}（${r.weekStart}）· ${r.signedByName}`} description={`${text('hazardCounts', { found: r.hazardsFound, fixed: r.hazardsFixed })} · ${r.summary}`} />
          </List.Item>
        )}
      />
    </Space>
  );
}

interface MonthlyForm {
  month: string;
  meetingOn: string;
  attendees: string[];
  decisions: string;
  nextFocus: string;
}

/** 月调度: this month's meeting minutes (attendees, decisions, next month's focus), and the minutes so far. */
export function MonthlyPanel({ overview, canManage }: { overview: DutyOverview; canManage: boolean }) {
  const text = useDutyText();
  const { form, busy, error, submit } = useSave<MonthlyForm>(['month', 'meetingOn', 'attendees', 'decisions', 'nextFocus'], (v) => saveMonthlyMinutes(overview.enterprise.id, v));
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {canManage && overview.list && (
        <Card size="small" title={text('newMonthly')}>
          <FormErrorAlert error={error} />
          <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ month: overview.asOf.slice(0, 7), meetingOn: overview.asOf, attendees: [] }}>
            <Form.Item name="month" label={text('month')} rules={[{ required: true, message: text('month') }]}>
              <Input type="month" />
            </Form.Item>
            <Form.Item name="meetingOn" label={text('meetingOn')} rules={[{ required: true, message: text('meetingOn') }]}>
              <Input type="date" max={overview.asOf} />
            </Form.Item>
            <Form.Item name="attendees" label={text('attendees')} rules={[{ required: true, type: 'array', min: 1, message: text('attendees') }]}>
              <Select mode="tags" options={overview.appointments.filter((a) => a.current).map((a) => ({ value: a.name, label: a.name }))} />
            </Form.Item>
            <Form.Item name="decisions" label={text('decisions')} rules={[{ required: true, whitespace: true, message: text('decisions') }]}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            <Form.Item name="nextFocus" label={text('nextFocus')} rules={[{ required: true, whitespace: true, message: text('nextFocus') }]}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              {text('save')}
            </Button>
          </Form>
        </Card>
      )}
      <List
        dataSource={overview.monthlyMinutes}
        renderItem={(m) => (
          <List.Item>
            <List.Item.Meta
              title={`${m.month} · ${text('meetingOn')} ${m.meetingOn}`}
              description={
                <>
                  <div>
                    {text('attendees')}：{m.attendees.join('、')}
                  </div>
                  <div>
                    {text('decisions')}：{m.decisions}
                  </div>
                  <Typography.Text type="secondary">
                    {text('nextFocus')}：{m.nextFocus}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    </Space>
  );
}
