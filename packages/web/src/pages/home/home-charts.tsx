import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardSummary } from '../../api/types.ts';
import { EChart } from '../../charts/e-chart.tsx';
import type { ChartOption } from '../../charts/echarts.ts';
import { labelOf, localName, useLocale, useMessages } from '../../i18n/setup.ts';

/** Enterprises, producers and sellers per district: horizontal bars, one row per district the API returned. */
export function DistrictChart({ rows }: { rows: DashboardSummary['byDistrict'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const option = useMemo<ChartOption>(() => {
    // Largest district on top: ECharts draws category axes bottom-up.
    const sorted = [...rows].sort((a, b) => a.enterprises - b.enterprises);
    return {
      aria: { enabled: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: sorted.map((row) => localName(locale, row)) },
      series: [
        { name: t('home.series.enterprises'), type: 'bar', data: sorted.map((row) => row.enterprises) },
        { name: t('home.series.producers'), type: 'bar', data: sorted.map((row) => row.producers) },
        { name: t('home.series.sellers'), type: 'bar', data: sorted.map((row) => row.sellers) },
      ],
    };
  }, [rows, locale, t]);
  return <EChart option={option} height={Math.max(240, rows.length * 56 + 60)} label={t('home.byDistrict')} />;
}

/** The share of each kind of enterprise. */
export function KindChart({ rows }: { rows: DashboardSummary['byKind'] }) {
  const { t } = useTranslation();
  const messages = useMessages();
  const option = useMemo<ChartOption>(
    () => ({
      aria: { enabled: true },
      tooltip: { trigger: 'item' },
      legend: { bottom: 0, type: 'plain' },
      series: [
        {
          name: t('home.byKind'),
          type: 'pie',
          radius: ['42%', '68%'],
          center: ['50%', '45%'],
          data: rows.map((row) => ({ name: labelOf(messages.enums.kind, row.kind), value: row.count })),
          // Outside labels get clipped on a phone: the legend names the slices, the centre shows the hovered one.
          label: { show: false, position: 'center' },
          emphasis: { label: { show: true, formatter: '{b}\n{c}', fontSize: 16, fontWeight: 'bold' } },
        },
      ],
    }),
    [rows, messages, t],
  );
  return <EChart option={option} height={320} label={t('home.byKind')} />;
}
