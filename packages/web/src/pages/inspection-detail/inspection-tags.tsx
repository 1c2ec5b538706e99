import { Tag } from 'antd';
import type { Inspection } from '../../api/inspection-types.ts';

const STATUS_COLORS: Record<Inspection['status'], string> = {
  scheduled: 'blue',
  in_progress: 'processing',
  completed: 'green',
  published: 'cyan',
  cancelled: 'default',
};

const OUTCOME_COLORS: Record<NonNullable<Inspection['outcome']>, string> = {
  compliant: 'green',
  fixed_on_site: 'blue',
  rectification: 'orange',
  case_lead: 'red',
};

/** The inspection's status in the server's words (待检查, 已完成…). */
export function InspectionStatusTag({ inspection }: { inspection: Pick<Inspection, 'status' | 'statusName'> }) {
  return <Tag color={STATUS_COLORS[inspection.status]}>{inspection.statusName}</Tag>;
}

/** The outcome (符合 green, 当场整改 blue, 限期整改 orange, 案件线索 red), nothing before it is known. */
export function OutcomeTag({ inspection }: { inspection: Pick<Inspection, 'outcome' | 'outcomeName'> }) {
  if (!inspection.outcome) return null;
  return <Tag color={OUTCOME_COLORS[inspection.outcome]}>{inspection.outcomeName ?? inspection.outcome}</Tag>;
}
