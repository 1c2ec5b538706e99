import { Alert, Card, Descriptions, Skeleton, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useParams } from 'react-router';
import { useExamSession } from './training-api.ts';
import { isLabelKey, useLabels } from './training-labels.ts';
import { CandidateStatusTag } from './training-tags.tsx';

/** One spot-check exam session: its rules and every candidate's attempts and result. */
export function ExamSessionPage() {
  const { id = '' } = useParams();
  const l = useLabels();
  const session = useExamSession(id);
  if (session.isPending) return <Skeleton active />;
  if (session.isError) return <Alert type="error" showIcon title={session.error.message} />;
  const s = session.data;
  return (
    <>
      <div className="shian-page-header">
        <Typography.Title level={3}>{s.title}</Typography.Title>
      </div>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="№">{s.number}</Descriptions.Item>
          <Descriptions.Item label={l('closesAt')}>{dayjs(s.closesAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
          <Descriptions.Item label={l('questions')}>{s.questionCount}</Descriptions.Item>
          <Descriptions.Item label={l('timeLimit')}>{s.timeLimitMinutes}</Descriptions.Item>
          <Descriptions.Item label={l('passMark')}>{s.passMark}</Descriptions.Item>
          <Descriptions.Item label={l('attempts')}>{s.maxAttempts}</Descriptions.Item>
          <Descriptions.Item label={l('candidates')}>{s.counts.candidates}</Descriptions.Item>
          <Descriptions.Item label={l('passed')}>{s.counts.passed}</Descriptions.Item>
          <Descriptions.Item label={l('failed')}>{s.counts.failed}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Table
        size="small"
        rowKey="id"
        dataSource={s.candidates}
        pagination={{ hideOnSinglePage: true, pageSize: 50 }}
        scroll={{ x: 720 }}
        columns={[
          { title: l('enterprise'), key: 'e', render: (_v, c) => c.enterprise.name },
          { title: l('person'), key: 'p', width: 100, render: (_v, c) => c.person.name },
          { title: l('role'), key: 'r', width: 130, render: (_v, c) => (isLabelKey(c.person.role) ? l(c.person.role) : c.person.role) },
          { title: l('status'), key: 's', width: 90, render: (_v, c) => <CandidateStatusTag status={c.status} /> },
          {
            title: l('attempts'),
            key: 'a',
            render: (_v, c) => (
              <Space wrap>
                {c.attempts.map((a) => (
                  <span key={a.id}>
                    {l('attemptNo', a.attemptNo)}: {a.score ?? '—'}
                  </span>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
