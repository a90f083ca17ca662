import { describe, expect, it } from 'vitest';
import { renderBarChartSvg } from './charts.ts';

describe('server-rendered bar charts', () => {
  it('renders an SVG with every category and value label', () => {
    const svg = renderBarChartSvg({
      categories: ['县发展和改革局', '县财政局'],
      series: [{ name: '完成率', values: [75, 40] }],
      horizontal: true,
      max: 100,
      unit: '%',
    });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('县发展和改革局');
    expect(svg).toContain('75%');
    expect(svg).toContain('40%');
  });
  it('escapes names so data cannot inject markup', () => {
    const svg = renderBarChartSvg({
      categories: ['<script>alert(1)</script>'],
      series: [{ name: 'x', values: [1] }],
    });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
  });
});
