/**
 * Server-rendered charts (ECharts SSR → SVG). The SVG carries no ARIA of its own, so views wrap it in
 * `<figure role="img" aria-label>` and always show the numbers in a table as well.
 */
import * as echarts from 'echarts';

export interface BarSeries {
  name: string;
  values: number[];
}

export interface BarChartInput {
  categories: string[];
  series: BarSeries[];
  /** Horizontal bars read better with long Chinese unit names. */
  horizontal?: boolean;
  width?: number;
  height?: number;
  /** Axis maximum, e.g. 100 for percentages. */
  max?: number;
  unit?: string;
}

/** Colour-blind-safe palette with ≥ 3:1 contrast on white (Okabe–Ito, darkened). */
const PALETTE = ['#0b5fa5', '#b35900', '#00703c', '#6f3c97', '#8c1c13'];

export function renderBarChartSvg(input: BarChartInput): string {
  const width = input.width ?? 720;
  const height = input.height ?? Math.max(240, input.categories.length * (input.horizontal ? 28 : 0) + 120);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  const category = {
    type: 'category' as const,
    data: input.categories,
    axisLabel: { color: '#1b1b1b', fontSize: 13 },
  };
  const value = {
    type: 'value' as const,
    max: input.max,
    axisLabel: { color: '#1b1b1b', formatter: `{value}${input.unit ?? ''}` },
  };
  try {
    chart.setOption({
      animation: false,
      color: PALETTE,
      textStyle: { fontFamily: 'Noto Sans CJK SC, sans-serif' },
      legend: input.series.length > 1 ? { top: 0, textStyle: { color: '#1b1b1b' } } : undefined,
      grid: { left: input.horizontal ? 180 : 48, right: 48, top: 36, bottom: 40 },
      xAxis: input.horizontal ? value : category,
      yAxis: input.horizontal ? { ...category, inverse: true } : value,
      series: input.series.map((s) => ({
        type: 'bar',
        name: s.name,
        data: s.values,
        label: {
          show: true,
          position: input.horizontal ? 'right' : 'top',
          color: '#1b1b1b',
          formatter: `{c}${input.unit ?? ''}`,
        },
      })),
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
