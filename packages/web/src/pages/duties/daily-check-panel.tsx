import { useState } from 'react';
import { Alert, App, Button, Card, Col, List, Progress, Row, Space, Tag, Typography } from 'antd';
import { CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { invalidateDuties, recordDailyCheck, type DutyOverview } from './duties-api.ts';
import { useDutyText, type DutyTextKey } from './duties-text.ts';
import { ProblemModal } from './problem-modal.tsx';

const RATE_KEYS: readonly { key: 'daily' | 'weekly' | 'monthly'; label: DutyTextKey }[] = [
  { key: 'daily', label: 'rateDaily' },
  { key: 'weekly', label: 'rateWeekly' },
  { key: 'monthly', label: 'rateMonthly' },
];

/** The three rates (records over required periods since the list started), with what is missing. */
export function DutyRates({ overview }: { overview: DutyOverview }) {
  const text = useDutyText();
  if (!overview.rates) return null;
  const rates = overview.rates;
  return (
    <Row gutter={[8, 8]}>
      {RATE_KEYS.map(({ key, label }) => {
        const rate = rates[key];
        return (
          <Col key={key} xs={24} md={8}>
            <Card size="small" title={text(label)}>
              <Progress percent={Math.round(rate.rate * 1000) / 10} size="small" status={rate.rate >= 1 ? 'success' : 'exception'} aria-label={text(label)} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {text('rateLine', { numerator: rate.numerator, denominator: rate.denominator })}
              </Typography.Text>
              {rate.missing.length > 0 && (
                <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }} ellipsis={{ rows: 2, tooltip: rate.missing.join('、') }}>
                  {text('missing', { list: rate.missing.slice(-10).join('、') })}
                </Typography.Paragraph>
              )}
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}

/**
 * 日管控, phone first: one big "未发现问题" button records today as zero-risk (零风险) in one tap; "发现问题"
 * records a hazard. Once recorded, today's record shows in its place (a later submission amends it).
 */
export function DailyCheckPanel({ overview, canRecord }: { overview: DutyOverview; canRecord: boolean }) {
  const text = useDutyText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [problemOpen, setProblemOpen] = useState(false);
  const today = overview.today;

  const tapNoProblem = async () => {
    setBusy(true);
    try {
      await recordDailyCheck(overview.enterprise.id, []);
      await invalidateDuties(queryClient);
      void message.success(text('recordedNoProblem'));
    } catch (error) {
      void message.error(error instanceof Error ? error.message : text('save'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small" title={text('today', { date: overview.asOf })}>
        {today ? (
          <Alert
            role="status"
            type={today.outcome === 'no_problem' ? 'success' : 'warning'}
            showIcon
            icon={today.outcome === 'no_problem' ? <CheckCircleOutlined aria-hidden /> : <WarningOutlined aria-hidden />}
            title={today.outcome === 'no_problem' ? text('recordedNoProblem') : text('recordedProblems', { count: today.hazardCount })}
            description={`${text('recordedBy', { name: today.checkedByName, time: dayjs(today.recordedAt).format('HH:mm') })}${today.amendments ? ` ${text('amended', { count: today.amendments })}` : ''}`}
          />
        ) : (
          canRecord && (
            <Button type="primary" size="large" block loading={busy} onClick={() => void tapNoProblem()} style={{ height: 88, fontSize: 22 }} icon={<CheckCircleOutlined aria-hidden />}>
              {text('noProblem')}
            </Button>
          )
        )}
        {!today && canRecord && (
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center', margin: '6px 0 0' }}>
            {text('noProblemHint')}
          </Typography.Paragraph>
        )}
        {canRecord && (
          <Button block danger size="large" style={{ marginTop: 12 }} icon={<WarningOutlined aria-hidden />} onClick={() => setProblemOpen(true)}>
            {text('reportProblem')}
          </Button>
        )}
      </Card>
      <DutyRates overview={overview} />
      <Card size="small" title={text('recent')}>
        <List
          size="small"
          dataSource={overview.recentChecks}
          renderItem={(c) => (
            <List.Item>
              <span>{c.checkDate}</span>
              <Space size={4}>
                <Tag color={c.outcome === 'no_problem' ? 'green' : 'orange'}>{c.outcome === 'no_problem' ? text('outcomeNoProblem') : text('outcomeProblems')}</Tag>
                <Typography.Text type="secondary">{c.checkedByName}</Typography.Text>
              </Space>
            </List.Item>
          )}
          pagination={{ pageSize: 10, size: 'small', hideOnSinglePage: true }}
        />
      </Card>
      {canRecord && <ProblemModal overview={overview} open={problemOpen} onClose={() => setProblemOpen(false)} />}
    </Space>
  );
}
