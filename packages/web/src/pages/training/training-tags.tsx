import { Tag } from 'antd';
import type { CandidateStatus } from './training-api.ts';
import { useLabels } from './training-labels.ts';

const COLOURS: Record<CandidateStatus, string> = { passed: 'green', failed: 'red', in_progress: 'blue', pending: 'default' };

export function CandidateStatusTag({ status }: { status: CandidateStatus }) {
  const l = useLabels();
  return <Tag color={COLOURS[status]}>{l(status)}</Tag>;
}
