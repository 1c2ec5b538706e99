import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RiskGrade } from '../../api/inspection-types.ts';

/** Risk grades from low (A) to high (D) risk: green, blue, orange, red. */
export const GRADE_COLORS: Record<RiskGrade, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };

/** A risk grade (风险等级) as a coloured tag; no grade reads 未评级. */
export function GradeTag({ grade }: { grade: RiskGrade | null }) {
  const { t } = useTranslation();
  if (!grade) return <Tag>{t('planning.ungraded')}</Tag>;
  return <Tag color={GRADE_COLORS[grade]}>{t('planning.gradeValue', { grade })}</Tag>;
}
