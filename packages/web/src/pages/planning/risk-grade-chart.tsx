import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RiskSummary } from '../../api/planning-types.ts';
import { EChart } from '../../charts/e-chart.tsx';
import type { ChartOption } from '../../charts/echarts.ts';

/** Grade colours matching the grade tags (A green … D red), grey for 未评级. */
const COLORS = { A: '#52c41a', B: '#1677ff', C: '#fa8c16', D: '#f5222d', none: '#bfbfbf' } as const;
const KEYS = ['A', 'B', 'C', 'D', 'none'] as const;

/** Enterprises by risk grade as one horizontal bar per grade (compact: fits beside the other home charts). */
export function RiskGradeChart({ summary }: { summary: RiskSummary }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    // Grade A on top: ECharts draws category axes bottom-up.
    const keys = [...KEYS].reverse();
    return {
      aria: { enabled: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: keys.map((key) => (key === 'none' ? t('planning.ungraded') : t('planning.gradeValue', { grade: key }))) },
      series: [
        {
          name: t('planning.riskCard.series'),
          type: 'bar',
          barMaxWidth: 22,
          label: { show: true, position: 'right' },
          data: keys.map((key) => ({ value: summary[key], itemStyle: { color: COLORS[key] } })),
        },
      ],
    };
  }, [summary, t]);
  return <EChart option={option} height={200} label={t('planning.riskCard.title')} />;
}
