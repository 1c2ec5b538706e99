import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanWorkloadRow } from '../../api/planning-types.ts';
import { EChart } from '../../charts/e-chart.tsx';
import type { ChartOption } from '../../charts/echarts.ts';

/** Inspector visits (检查人次, what capacity is counted in) or inspections (检查户次). */
export type WorkloadUnit = 'inspectorVisits' | 'inspections';

const NORMAL = '#1554ad';
const OVER = '#d4380d';
const CAPACITY = '#fa8c16';

/** Inspectors sent per inspection, as the plan counted them (capacity in inspections = capacity ÷ this). */
function inspectorsPerInspection(rows: readonly PlanWorkloadRow[]): number {
  const row = rows.find((item) => item.inspections > 0);
  return row ? row.inspectorVisits / row.inspections : 2;
}

/**
 * Workload by month against the inspectors' capacity: one bar per month (months over capacity in red, as
 * their own series so the legend names them) and the capacity as a stepped line.
 */
export function PlanWorkloadChart({ rows, unit }: { rows: PlanWorkloadRow[]; unit: WorkloadUnit }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const per = unit === 'inspections' ? inspectorsPerInspection(rows) : 1;
    const value = (row: PlanWorkloadRow) => row[unit];
    const unitName = t(`planning.workloadUnit.${unit}`);
    return {
      aria: { enabled: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: rows.map((row) => t('planning.monthShort', { month: row.month })) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: unitName,
          type: 'bar',
          stack: 'load',
          itemStyle: { color: NORMAL },
          data: rows.map((row) => (row.overCapacity ? '-' : value(row))),
        },
        {
          name: t('planning.overCapacity'),
          type: 'bar',
          stack: 'load',
          itemStyle: { color: OVER },
          data: rows.map((row) => (row.overCapacity ? value(row) : '-')),
        },
        {
          name: unit === 'inspections' ? t('planning.capacityInInspections') : t('planning.capacity'),
          type: 'line',
          step: 'middle',
          symbol: 'none',
          lineStyle: { color: CAPACITY, type: 'dashed', width: 2 },
          itemStyle: { color: CAPACITY },
          data: rows.map((row) => Math.round((row.capacity / per) * 10) / 10),
        },
      ],
    };
  }, [rows, unit, t]);
  return <EChart option={option} height={300} label={t('planning.workload')} />;
}
