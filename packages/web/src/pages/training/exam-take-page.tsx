import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Progress, Radio, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { apiSend, isApiError } from '../../api/client.ts';
import { useLocale } from '../../i18n/setup.ts';
import { useExamAttempt, type ExamAttempt, type ExamQuestion } from './training-api.ts';
import { useLabels } from './training-labels.ts';

const mmss = (ms: number) => {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};

/** Milliseconds left, by the server's clock (the phone's may be off): ticks every second. */
function useRemaining(attempt: ExamAttempt | undefined): number | null {
  const offset = useRef(0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (attempt) offset.current = Date.parse(attempt.serverTime) - Date.now();
  }, [attempt]);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return attempt ? Date.parse(attempt.deadlineAt) - (now + offset.current) : null;
}

function QuestionView({ question, value, onChange, index, total }: { question: ExamQuestion; value: string[]; onChange: (keys: string[]) => void; index: number; total: number }) {
  const l = useLabels();
  const locale = useLocale();
  const options = question.options.map((o) => ({ value: o.key, label: `${question.kind === 'true_false' ? '' : `${o.key}. `}${o.text[locale]}` }));
  return (
    <Card size="small">
      <Space style={{ marginBottom: 8 }}>
        <Tag>{l(question.kind)}</Tag>
        <Typography.Text type="secondary">
          {index + 1} / {total}
        </Typography.Text>
      </Space>
      <Typography.Paragraph strong style={{ fontSize: 16 }}>
        {question.stem[locale]}
      </Typography.Paragraph>
      {question.kind === 'multiple' ? (
        <Checkbox.Group value={value} onChange={(keys) => onChange(keys.map(String))} style={{ display: 'flex', flexDirection: 'column', gap: 12 }} options={options} />
      ) : (
        <Radio.Group value={value[0]} onChange={(e) => onChange([String(e.target.value)])} style={{ display: 'flex', flexDirection: 'column', gap: 12 }} options={options} />
      )}
    </Card>
  );
}

function ResultView({ attempt }: { attempt: ExamAttempt }) {
  const l = useLabels();
  const locale = useLocale();
  const navigate = useNavigate();
  const keysText = (keys: string[] | null) => (keys && keys.length > 0 ? keys.join('、') : '—');
  return (
    <>
      <Result
        status={attempt.passed ? 'success' : 'error'}
        title={`${l('score')} ${attempt.score ?? 0}`}
        subTitle={`${attempt.passed ? l('passed') : l('failed')} · ${l('passMark')} ${attempt.session.passMark} · ${attempt.correct ?? 0}/${attempt.questions.length}`}
        extra={<Button onClick={() => void navigate('/training')}>{l('back')}</Button>}
      />
      {attempt.questions.map((q, i) => {
        const right = q.answer !== null && q.given !== null && q.given.length === q.answer.length && q.answer.every((k) => q.given?.includes(k));
        return (
          <Card key={q.id} size="small" style={{ marginBottom: 8 }} title={`${i + 1}. ${q.stem[locale]}`} extra={<Tag color={right ? 'green' : 'red'}>{right ? '✓' : '✗'}</Tag>}>
            <div>
              {l('yourAnswer')}：{keysText(q.given)} · {l('correctAnswer')}：{keysText(q.answer)}
            </div>
            {q.explanation && <Typography.Paragraph type="secondary" style={{ marginTop: 4, marginBottom: 0 }}>{q.explanation[locale]}</Typography.Paragraph>}
            {q.source && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {l('source')}：{q.source}
              </Typography.Text>
            )}
          </Card>
        );
      })}
    </>
  );
}

/**
 * Taking a spot-check exam (抽查考核) on a phone: one question per screen, a countdown by the server's clock,
 * answers kept in the page and submitted once (automatically when the time runs out); then the score.
 */
export function ExamTakePage() {
  const { id = '' } = useParams();
  const l = useLabels();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const attempt = useExamAttempt(id);
  const remaining = useRemaining(attempt.data);
  const [index, setIndex] = useState(0);
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const autoSubmitted = useRef(false);

  const submit = async () => {
    if (submitting) return;
    setSubmitting(true);
    try {
      const result = await apiSend<ExamAttempt>('POST', `/api/v1/exam-attempts/${encodeURIComponent(id)}/submit`, { answers });
      queryClient.setQueryData(['training', 'attempt', id], result);
      await queryClient.invalidateQueries({ queryKey: ['training', 'mine'] });
    } catch (e) {
      setError(isApiError(e) ? e.message : String(e));
      await attempt.refetch();
    } finally {
      setSubmitting(false);
    }
  };

  const running = attempt.data !== undefined && !attempt.data.over;
  useEffect(() => {
    if (running && remaining !== null && remaining <= 0 && !autoSubmitted.current) {
      autoSubmitted.current = true;
      void message.warning(l('timeUp'));
      void submit();
    }
  });

  if (attempt.isPending) return <Skeleton active />;
  if (attempt.isError) return <Alert type="error" showIcon title={attempt.error.message} />;
  const data = attempt.data;
  if (data.over) return <ResultView attempt={data} />;

  const questions = data.questions;
  const question = questions[index];
  const unanswered = questions.filter((q) => !(answers[q.id]?.length)).length;
  const limitMs = data.session.timeLimitMinutes * 60_000;
  const confirmSubmit = () =>
    modal.confirm({ title: l('confirmSubmit'), content: unanswered > 0 ? l('unanswered', unanswered) : undefined, okText: l('submit'), onOk: () => submit() });

  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }}>
      <Typography.Title level={4} style={{ marginBottom: 4 }}>
        {data.session.title}
      </Typography.Title>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Text>{data.person.name}</Typography.Text>
        <Typography.Text strong aria-label={l('timeLeft')} data-testid="exam-countdown" type={remaining !== null && remaining < 60_000 ? 'danger' : undefined}>
          {l('timeLeft')} {mmss(remaining ?? 0)}
        </Typography.Text>
      </Space>
      <Progress percent={Math.round(((remaining ?? 0) / limitMs) * 100)} showInfo={false} size="small" />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      {question && (
        <QuestionView key={question.id} question={question} index={index} total={questions.length} value={answers[question.id] ?? []} onChange={(keys) => setAnswers((a) => ({ ...a, [question.id]: keys }))} />
      )}
      <Space style={{ width: '100%', justifyContent: 'space-between', marginTop: 12 }}>
        <Button disabled={index === 0} onClick={() => setIndex(index - 1)}>
          {l('previous')}
        </Button>
        {index < questions.length - 1 ? (
          <Button type="primary" onClick={() => setIndex(index + 1)}>
            {l('next')}
          </Button>
        ) : (
          <Button type="primary" danger loading={submitting} onClick={confirmSubmit}>
            {l('submit')}
          </Button>
        )}
      </Space>
    </div>
  );
}
