import { describe, expect, it } from 'vitest';
import {
  emptyTable2,
  emptyTable3,
  emptyTable4,
  TABLE3_CORNER,
  TABLE3_OUTCOME_KEYS,
  TABLE3_RESULTS_LABEL,
  TABLE3_ROW_KEYS,
  TABLE3_ROW_LABELS,
} from './report.model.ts';
import { fixtureFigures, fixtureNumbersInOrder } from './report-fixture.test-support.ts';
import {
  formatCell,
  type LayoutCell,
  mayBreakBefore,
  reportLayout,
  type TableLayout,
  table3Layout,
  tableGrid,
  titleLines,
} from './report-layout.ts';

const layout = reportLayout(fixtureFigures());
const find = (t: TableLayout, text: string): LayoutCell => {
  const found = t.rows.flatMap((r) => r.cells).find((c) => c.text === text);
  if (!found) throw new Error(`no cell “${text}” in ${t.key}`);
  return found;
};
const span = (c: LayoutCell) => [c.colSpan, c.rowSpan];

describe('formatCell', () => {
  it.each([
    [0, 0, '0'],
    [42, 0, '42'],
    [null, 0, ''],
    [12.5, 4, '12.5'],
    [12.345, 4, '12.345'],
    [3, 4, '3'],
    [0.12345, 4, '0.1235'],
    [1.00001, 4, '1'],
    [-0.00001, 4, '0'],
    [2.4, 0, '2'],
  ] as const)('%s with %i decimals → “%s”', (value, decimals, text) => {
    expect(formatCell(value, decimals)).toBe(text);
  });
});

describe('the grids tile exactly', () => {
  it.each(['table2', 'table3', 'table4'] as const)(
    '%s: every position covered once, widths sum to 100',
    (key) => {
      const t = layout[key];
      const grid = tableGrid(t);
      expect(grid).toHaveLength(t.rows.length);
      for (const line of grid) expect(line).toHaveLength(t.columnCount);
      const area = t.rows.flatMap((r) => r.cells).reduce((a, c) => a + c.colSpan * c.rowSpan, 0);
      expect(area).toBe(t.rows.length * t.columnCount);
      expect(t.columnWidths).toHaveLength(t.columnCount);
      expect(t.columnWidths.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 6);
    },
  );

  it('refuses a layout whose spans overlap or leave a hole', () => {
    const t = table3Layout(fixtureFigures());
    const broken = { ...t, rows: t.rows.map((r, i) => (i === 5 ? { cells: r.cells.slice(1) } : r)) };
    expect(() => tableGrid(broken)).toThrow(/not covered|does not fit/);
    const overlap = {
      ...t,
      rows: t.rows.map((r, i) =>
        i === 0 ? { cells: [{ ...r.cells[0]!, rowSpan: 4 }, ...r.cells.slice(1)] } : r,
      ),
    };
    expect(() => tableGrid(overlap)).toThrow(/does not fit/);
  });
});

describe('table 二', () => {
  const t = layout.table2;
  it('has four blocks, each with a full-width caption row', () => {
    const captions = t.rows.filter((r) => r.cells.length === 1 && r.cells[0]?.colSpan === 4);
    expect(captions.map((r) => r.cells[0]?.text)).toEqual([
      '第二十条第（一）项',
      '第二十条第（五）项',
      '第二十条第（六）项',
      '第二十条第（八）项',
    ]);
    expect(t.rows).toHaveLength(4 + 4 + 6);
  });
  it('spans the single-number headers and values over three columns', () => {
    expect(t.rows[1]?.cells.map((c) => c.text)).toEqual([
      '信息内容',
      '本年制发件数',
      '本年废止件数',
      '现行有效件数',
    ]);
    expect(span(find(t, '本年收费金额（单位：万元）'))).toEqual([3, 1]);
    const permits = t.rows.find((r) => r.cells[0]?.text === '行政许可');
    expect(permits?.cells.map((c) => [c.role, c.text, c.colSpan])).toEqual([
      ['label', '行政许可', 1],
      ['value', '1234', 3],
    ]);
    expect(find(t, '12.345').ref).toEqual({ table: 'table2', row: '行政事业性收费' });
  });
});

describe('table 三', () => {
  const t = layout.table3;
  const grid = tableGrid(t);
  it('has the 3 × 3 corner and the applicant header', () => {
    expect(span(find(t, TABLE3_CORNER))).toEqual([3, 3]);
    expect(find(t, TABLE3_CORNER).role).toBe('note');
    expect(span(find(t, '申请人情况'))).toEqual([7, 1]);
    expect(span(find(t, '自然人'))).toEqual([1, 2]);
    expect(span(find(t, '法人或其他组织'))).toEqual([5, 1]);
    expect(span(find(t, '总计'))).toEqual([1, 2]);
    expect(t.rows[2]?.cells.map((c) => c.text)).toEqual([
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
    ]);
    expect(t.headerRows).toBe(3);
  });
  it('has 25 body rows, each with three label columns covered and seven values in order', () => {
    const body = grid.slice(t.headerRows);
    expect(body).toHaveLength(TABLE3_ROW_KEYS.length);
    body.forEach((line, i) => {
      const key = TABLE3_ROW_KEYS[i];
      expect(line.slice(0, 3).every((s) => s.cell.role === 'label')).toBe(true);
      expect(line.slice(3).map((s) => s.cell.role)).toEqual(Array(7).fill('value'));
      expect(line.slice(3).map((s) => s.cell.ref)).toEqual(
        Array.from({ length: 7 }, (_, column) => ({ table: 'table3', row: key, column })),
      );
      // The row's own label sits in the last label column.
      expect(line[2]?.cell.text).toBe(TABLE3_ROW_LABELS[key as (typeof TABLE3_ROW_KEYS)[number]]);
    });
  });
  it('spans 三、本年度办理结果 over the 22 outcome rows and each group over its grounds', () => {
    expect(span(find(t, TABLE3_RESULTS_LABEL))).toEqual([1, 22]);
    expect(TABLE3_OUTCOME_KEYS.length + 1).toBe(22);
    expect(span(find(t, '（三）不予公开'))).toEqual([1, 8]);
    expect(span(find(t, '（四）无法提供'))).toEqual([1, 3]);
    expect(span(find(t, '（五）不予处理'))).toEqual([1, 5]);
    expect(span(find(t, '（六）其他处理'))).toEqual([1, 3]);
    expect(span(find(t, '（一）予以公开'))).toEqual([2, 1]);
    expect(span(find(t, '（七）总计'))).toEqual([2, 1]);
    expect(span(find(t, '一、本年新收政府信息公开申请数量'))).toEqual([3, 1]);
    expect(span(find(t, '四、结转下年度继续办理'))).toEqual([3, 1]);
  });
});

describe('table 四', () => {
  const t = layout.table4;
  it('splits 行政诉讼 into its two groups of five results', () => {
    expect(span(find(t, '行政复议'))).toEqual([5, 1]);
    expect(span(find(t, '行政诉讼'))).toEqual([10, 1]);
    expect(span(find(t, '未经复议直接起诉'))).toEqual([5, 1]);
    expect(span(find(t, '复议后起诉'))).toEqual([5, 1]);
    expect(t.rows[1]?.cells.slice(0, 5).map(span)).toEqual(Array(5).fill([1, 2]));
    expect(t.rows[2]?.cells.map((c) => c.text)).toEqual([
      ...['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
      ...['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
    ]);
    expect(t.rows[3]?.cells).toHaveLength(15);
  });
});

describe('values', () => {
  it('puts every number of the figures in its own cell, in reading order', () => {
    const values = (['table2', 'table3', 'table4'] as const).flatMap((k) =>
      layout[k].rows.flatMap((r) => r.cells.filter((c) => c.role === 'value').map((c) => c.text)),
    );
    expect(values).toEqual(fixtureNumbersInOrder());
    expect(new Set(values).size).toBe(values.length);
  });
  it('renders null cells empty', () => {
    const empty = reportLayout({ table2: emptyTable2(), table3: emptyTable3(), table4: emptyTable4() });
    const cells = (['table2', 'table3', 'table4'] as const).flatMap((k) =>
      empty[k].rows.flatMap((r) => r.cells.filter((c) => c.role === 'value')),
    );
    expect(cells).toHaveLength(10 + 25 * 7 + 15);
    expect(cells.every((c) => c.text === '' && c.value === null)).toBe(true);
  });
});

describe('mayBreakBefore', () => {
  it('breaks table 二 only before a block, tables 三 and 四 anywhere after their first body row', () => {
    const t2 = layout.table2;
    const at = (t: TableLayout) => t.rows.map((_, r) => r).filter((r) => mayBreakBefore(t, r));
    expect(at(t2)).toEqual([0, 4, 7, 11]);
    expect(at(layout.table3)).toEqual(Array.from({ length: 24 }, (_, i) => i + 4));
    expect(at(layout.table4)).toEqual([]);
    expect(mayBreakBefore(t2, t2.rows.length)).toBe(true);
  });
});

describe('titleLines', () => {
  it('keeps a short title on one line and breaks a long one after the unit name', () => {
    expect(titleLines('示范县', 2025)).toEqual(['示范县2025年政府信息公开工作年度报告']);
    expect(titleLines('示范县人民政府', 2025)).toEqual(['示范县人民政府', '2025年政府信息公开工作年度报告']);
    // 4 digits count as 2 characters: 18 + 2 = 20 fits.
    expect(titleLines('示范县人民', 2025)).toEqual(['示范县人民2025年政府信息公开工作年度报告']);
  });
});
