import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { RiskGrade } from '../api/supervision-types.ts';

/** Dark enough for white letters (large text ≥ 3:1): A green … D red. */
const GRADE_COLORS: Record<RiskGrade, string> = { A: '#237804', B: '#5b8c00', C: '#d46b08', D: '#cf1322' };

const SIZES: Record<'small' | 'large', CSSProperties> = {
  small: { width: 24, height: 24, fontSize: 14, borderRadius: 4 },
  large: { width: 72, height: 72, fontSize: 44, borderRadius: 12 },
};

/** A risk grade (风险等级) as a coloured square with its letter: `large` on the risk tab, small in tables. */
export function GradeBadge({ grade, size = 'small' }: { grade: RiskGrade; size?: 'small' | 'large' }) {
  const { t } = useTranslation();
  return (
    <span
      role="img"
      aria-label={t('risk.gradeAria', { grade })}
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        justifyContent: 'center',
        flex: 'none',
        color: '#fff',
        fontWeight: 700,
        lineHeight: 1,
        background: GRADE_COLORS[grade],
        ...SIZES[size],
      }}
    >
      <span aria-hidden>{grade}</span>
    </span>
  );
}
