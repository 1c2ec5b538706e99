import { useEffect, useRef } from 'react';
import { echarts, type ChartOption } from './echarts.ts';

interface EChartProps {
  option: ChartOption;
  height: number;
  /** The accessible name of the chart (it is drawn on a canvas). */
  label: string;
}

/** One ECharts instance bound to a div; follows the container's size and disposes with the component. */
export function EChart({ option, height, label }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const chart = echarts.init(element, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
