import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Empty, Input, Radio, Skeleton, Space, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useParams } from 'react-router';
import { findSelfInspectionChecklist, type SelfInspectionResult } from '@shian/domain';
import { ApiError, apiSend } from '../../api/client.ts';
import { useCurrentUser } from '../../app/current-user.tsx';
import { hasGrant } from '../../app/grants.ts';
import { pickLocalised } from '../../i18n/localised.ts';
import { useLocale } from '../../i18n/setup.ts';
import { ITEM_STATUS, KIND, L, RESULT, STATUS, STATUS_COLOR } from './labels.ts';
import { selfInspectionKeys, useSelfInspectionReport, type SelfInspectionAnswerRow, type SelfInspectionReportDetail } from './self-inspection-api.ts';

type Draft = Record<string, SelfInspectionAnswerRow>;
const RESULTS: SelfInspectionResult[] = ['conformant', 'non_conformant', 'not_applicable'];

/**
 * One self-inspection report. The enterprise fills the checklist item by item (one card per item, usable on a
 * phone: three large choices, a note, and for a non-conformity its owner and deadline), saves and submits it;
 * the district bureau acknowledges it or returns it with a comment. Rectification items raised are listed.
 */
export function SelfInspectionReportPage() {
  const { id = '' } = useParams();
  const report = useSelfInspectionReport(id);
  if (report.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (report.isError) return <Alert type="error" showIcon title={report.error.message} />;
  return <ReportView key={`${report.data.id}:${report.data.version}`} report={report.data} />;
}

function ReportView({ report }: { report: SelfInspectionReportDetail }) {
  const locale = useLocale();
  const text = (entry: (typeof L)[keyof typeof L]) => pickLocalised(locale, entry);
  const user = useCurrentUser();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const checklist = findSelfInspectionChecklist(report.checklistId);
  const [draft, setDraft] = useState<Draft>(() => Object.fromEntries(report.answers.map((a) => [a.itemKey, a])));
  const [problems, setProblems] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState(false);
  const [comment, setComment] = useState('');
  const editable = (report.status === 'draft' || report.status === 'returned') && hasGrant(user, 'self_inspection.write') && user.enterpriseId === report.enterprise.id;
  const reviewable = report.status === 'submitted' && hasGrant(user, 'self_inspection.review');
  const raised = useMemo(() => new Map(report.rectifications.map((r) => [r.itemKey, r])), [report.rectifications]);

  const set = (itemKey: string, change: Partial<SelfInspectionAnswerRow>) =>
    setDraft((d) => ({ ...d, [itemKey]: { itemKey, result: 'conformant', note: '', rectificationOwner: null, rectificationDueOn: null, ...d[itemKey], ...change } }));

  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setProblems({});
    try {
      await action();
      void message.success(done);
      await queryClient.invalidateQueries({ queryKey: selfInspectionKeys.all });
    } catch (error) {
      if (error instanceof ApiError && error.details.length > 0) {
        const byItem: Record<string, string[]> = {};
        for (const d of error.details) {
          const key = d.path.split('.')[1] ?? '';
          (byItem[key] ??= []).push(d.message);
        }
        setProblems(byItem);
      }
      const loose = error instanceof ApiError ? error.details.filter((d) => !d.path.startsWith('answers.')).map((d) => d.message) : [];
      void message.error([error instanceof Error ? error.message : String(error), ...loose].join('：'));
    } finally {
      setBusy(false);
    }
  };
  const answers = () => Object.values(draft).map((a) => ({ ...a, rectificationOwner: a.rectificationOwner || null, rectificationDueOn: a.rectificationDueOn || null }));
  const save = () => apiSend('PATCH', `/api/v1/self-inspection/reports/${report.id}/answers`, { version: report.version, answers: answers() });
  const submit = async () => {
    await save();
    await apiSend('POST', `/api/v1/self-inspection/reports/${report.id}/submit`);
  };
  const review = (decision: 'acknowledge' | 'return') => apiSend('POST', `/api/v1/self-inspection/reports/${report.id}/review`, { decision, comment });

  return (
    <>
      <div className="shian-page-header">
        <Typography.Title level={3}>{report.title}</Typography.Title>
        <Tag color={STATUS_COLOR[report.status]}>{pickLocalised(locale, STATUS[report.status])}</Tag>
      </div>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={text(L.number)}>{report.number}</Descriptions.Item>
          <Descriptions.Item label={text(L.enterprise)}>{report.enterprise.name}</Descriptions.Item>
          <Descriptions.Item label={text(L.kind)}>{pickLocalised(locale, KIND[report.kind])}</Descriptions.Item>
          <Descriptions.Item label={text(L.progress)}>{`${Object.keys(draft).length} / ${report.items}`}</Descriptions.Item>
          <Descriptions.Item label={text(L.submittedAt)}>{report.submittedAt ? dayjs(report.submittedAt).format('YYYY-MM-DD HH:mm') : '—'}</Descriptions.Item>
          <Descriptions.Item label={text(L.checklistSource)}>
            {checklist?.source ?? report.checklistId}
            {checklist && !checklist.confirmed && <Tag style={{ marginInlineStart: 8 }}>{text(L.unconfirmed)}</Tag>}
          </Descriptions.Item>
        </Descriptions>
        {report.reviewComment && <Alert type={report.status === 'returned' ? 'warning' : 'info'} showIcon title={`${text(L.returnedBecause)}：${report.reviewComment}`} style={{ marginTop: 8 }} />}
      </Card>

      {checklist?.sections.map((section) => (
        <Card key={section.title['zh-CN']} size="small" title={pickLocalised(locale, section.title)} style={{ marginBottom: 12 }}>
          <Space orientation="vertical" style={{ width: '100%' }} size={16}>
            {section.items.map((item) => {
              const answer = draft[item.key];
              const trouble = problems[item.key];
              return (
                <div key={item.key} data-item={item.key} style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 12 }}>
                  <Typography.Text strong>{`${item.key} ${pickLocalised(locale, item.text)}`}</Typography.Text>
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {item.basis}
                    </Typography.Text>
                  </div>
                  <Radio.Group
                    aria-label={item.key}
                    disabled={!editable}
                    optionType="button"
                    buttonStyle="solid"
                    value={answer?.result}
                    onChange={(e) => set(item.key, { result: e.target.value as SelfInspectionResult })}
                    options={RESULTS.map((r) => ({ value: r, label: pickLocalised(locale, RESULT[r]) }))}
                    style={{ marginTop: 8 }}
                  />
                  {(answer?.result === 'non_conformant' || (answer?.note ?? '') !== '') && (
                    <Input.TextArea
                      aria-label={`${item.key} ${text(L.note)}`}
                      placeholder={answer?.result === 'non_conformant' ? text(L.finding) : text(L.note)}
                      disabled={!editable}
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      value={answer?.note ?? ''}
                      onChange={(e) => set(item.key, { note: e.target.value })}
                      style={{ marginTop: 8 }}
                    />
                  )}
                  {answer?.result === 'non_conformant' && (
                    <Space wrap style={{ marginTop: 8 }}>
                      <Input aria-label={`${item.key} ${text(L.owner)}`} placeholder={text(L.owner)} disabled={!editable} value={answer.rectificationOwner ?? ''} onChange={(e) => set(item.key, { rectificationOwner: e.target.value })} style={{ width: 180 }} />
                      <Input aria-label={`${item.key} ${text(L.dueOn)}`} type="date" disabled={!editable} value={answer.rectificationDueOn ?? ''} onChange={(e) => set(item.key, { rectificationDueOn: e.target.value })} style={{ width: 170 }} />
                      {raised.get(item.key) && <Tag color="orange">{`${raised.get(item.key)?.number} ${pickLocalised(locale, ITEM_STATUS[raised.get(item.key)?.status ?? 'open'])}`}</Tag>}
                    </Space>
                  )}
                  {trouble && <Alert type="error" showIcon title={trouble.join('；')} style={{ marginTop: 8 }} />}
                </div>
              );
            })}
          </Space>
        </Card>
      )) ?? <Empty />}

      {editable && (
        <Space wrap style={{ marginBottom: 16 }}>
          <Button loading={busy} onClick={() => void run(save, text(L.saved))}>
            {text(L.save)}
          </Button>
          <Button type="primary" loading={busy} onClick={() => void run(submit, text(L.submitted))}>
            {text(L.submit)}
          </Button>
        </Space>
      )}
      {reviewable && (
        <Card size="small" title={text(L.reviewComment)} style={{ marginBottom: 16 }}>
          <Input.TextArea aria-label={text(L.reviewComment)} value={comment} onChange={(e) => setComment(e.target.value)} autoSize={{ minRows: 2, maxRows: 6 }} />
          <Space style={{ marginTop: 8 }}>
            <Button type="primary" loading={busy} onClick={() => void run(() => review('acknowledge'), text(L.acknowledge))}>
              {text(L.acknowledge)}
            </Button>
            <Button danger loading={busy} onClick={() => void run(() => review('return'), text(L.return))}>
              {text(L.return)}
            </Button>
          </Space>
        </Card>
      )}
    </>
  );
}
