/**
 * The official layout of the annual report's three tables (国办公开办函〔2021〕30号;
 * ../shared/domain/regulations.md §5), described once as grids of cells with row and column spans.
 * Every renderer (HTML body, .docx, PDF) draws these grids and nothing else, so the three formats cannot
 * disagree on a label, a merge or the order of the numbers. Pure data, no I/O.
 *
 * Cells are listed HTML-style: a row lists only the cells that start in it; a position covered by a
 * cell spanning down from an earlier row is not repeated. `tableGrid` expands a table to its full grid.
 */
import {
  type Cell,
  type ReportFigures,
  reportTitle,
  type SectionKey,
  TABLE2_BLOCKS,
  TABLE2_DOC_COLUMNS,
  TABLE3_COLUMN_LABELS,
  TABLE3_COLUMNS,
  TABLE3_CORNER,
  TABLE3_GROUP_LABELS,
  TABLE3_RESULTS_LABEL,
  TABLE3_ROW_KEYS,
  TABLE3_ROW_LABELS,
  TABLE4_GROUPS,
  TABLE4_RESULT_LABELS,
  type Table2DocColumn,
  type Table2DocRow,
  type Table2SingleRow,
  type Table3RowKey,
} from './report.model.ts';

/**
 * What a cell is: a column `header`, a row `label` (both headers for assistive technology), a `value`
 * (a number of the report) or a `note` (text that heads nothing: the corner cell of table 三).
 */
export type LayoutCellRole = 'header' | 'label' | 'value' | 'note';

/** Where a value cell's number comes from in ReportFigures (for links to what is behind it). */
export type CellRef =
  | { table: 'table2'; row: Table2DocRow; column: Table2DocColumn }
  | { table: 'table2'; row: Table2SingleRow }
  | { table: 'table3'; row: Table3RowKey; column: number }
  | { table: 'table4'; index: number };

export interface LayoutCell {
  role: LayoutCellRole;
  /** The text to show: the label, or the formatted number ('' for a null value). */
  text: string;
  colSpan: number;
  rowSpan: number;
  /** Value cells only: the number as held (null = not held: rendered empty). */
  value?: Cell;
  ref?: CellRef;
}

export interface LayoutRow {
  cells: LayoutCell[];
}

export type TableKey = 'table2' | 'table3' | 'table4';

export interface TableLayout {
  key: TableKey;
  /** The section the table belongs to (it is drawn under that heading). */
  section: SectionKey;
  /** The table's caption (accessible name in HTML). */
  caption: string;
  columnCount: number;
  /** Relative column widths, summing to 100 (the .docx and the PDF use them). */
  columnWidths: number[];
  /** The first `headerRows` rows are the table's header: <thead>, repeated on every page. */
  headerRows: number;
  rows: LayoutRow[];
}

export interface ReportLayout {
  table2: TableLayout;
  table3: TableLayout;
  table4: TableLayout;
}

/** Decimals shown for 本年收费金额（单位：万元）: a sum of money in 万元 to the yuan and a bit (1 元 = 0.0001 万元). */
export const FEE_DECIMALS = 4;

/**
 * A number as printed: counts as integers (rounded: a count is whole), the fee with up to FEE_DECIMALS
 * decimals and no trailing zeros; null (not held) as ''.
 */
export function formatCell(value: Cell, decimals = 0): string {
  if (value === null || !Number.isFinite(value)) return '';
  const fixed = value.toFixed(decimals);
  const trimmed = decimals > 0 ? fixed.replace(/\.?0+$/, '') : fixed;
  return trimmed === '-0' ? '0' : trimmed;
}

const cell = (role: LayoutCellRole, text: string, colSpan = 1, rowSpan = 1): LayoutCell => ({
  role,
  text,
  colSpan,
  rowSpan,
});
const valueCell = (value: Cell, ref: CellRef, colSpan = 1, decimals = 0): LayoutCell => ({
  role: 'value',
  text: formatCell(value, decimals),
  colSpan,
  rowSpan: 1,
  value,
  ref,
});

/** Table 二: four blocks, each a full-width caption row, its header row and its rows (4 columns). */
export function table2Layout(figures: ReportFigures): TableLayout {
  const t = figures.table2;
  const rows: LayoutRow[] = [];
  for (const block of TABLE2_BLOCKS) {
    rows.push({ cells: [cell('header', block.caption, 4)] });
    const [first, ...rest] = block.header;
    rows.push({
      cells: [cell('header', first), ...rest.map((h) => cell('header', h, rest.length === 1 ? 3 : 1))],
    });
    for (const row of block.rows) {
      if (row === '规章' || row === '行政规范性文件') {
        const doc = t[row];
        rows.push({
          cells: [
            cell('label', row),
            ...TABLE2_DOC_COLUMNS.map((column) => valueCell(doc[column], { table: 'table2', row, column })),
          ],
        });
      } else {
        const decimals = row === '行政事业性收费' ? FEE_DECIMALS : 0;
        rows.push({ cells: [cell('label', row), valueCell(t[row], { table: 'table2', row }, 3, decimals)] });
      }
    }
  }
  return {
    key: 'table2',
    section: 'proactive',
    caption: '主动公开政府信息情况',
    columnCount: 4,
    columnWidths: [31, 23, 23, 23],
    headerRows: 0,
    rows,
  };
}

/** The group prefix of an outcome row key ('三(三)' of '三(三)4'), or null for a row of its own. */
function groupOf(key: Table3RowKey): string | null {
  const prefix = /^三\([三四五六]\)/.exec(key)?.[0];
  return prefix && TABLE3_GROUP_LABELS[prefix] ? prefix : null;
}

/** Table 三: the 3 × 3 corner, 申请人情况 over the 7 columns, then 25 body rows under 3 label columns. */
export function table3Layout(figures: ReportFigures): TableLayout {
  const [natural, ...rest] = TABLE3_COLUMNS;
  const organisations = rest.slice(0, -1);
  const rows: LayoutRow[] = [
    { cells: [cell('note', TABLE3_CORNER, 3, 3), cell('header', '申请人情况', 7)] },
    {
      cells: [
        cell('header', TABLE3_COLUMN_LABELS[natural ?? 'natural_person'], 1, 2),
        cell('header', '法人或其他组织', organisations.length),
        cell('header', TABLE3_COLUMN_LABELS.total, 1, 2),
      ],
    },
    { cells: organisations.map((c) => cell('header', TABLE3_COLUMN_LABELS[c])) },
  ];
  const outcomes = TABLE3_ROW_KEYS.filter((k) => k.startsWith('三'));
  for (const key of TABLE3_ROW_KEYS) {
    const labels: LayoutCell[] = [];
    if (!key.startsWith('三')) labels.push(cell('label', TABLE3_ROW_LABELS[key], 3));
    else {
      if (key === outcomes[0]) labels.push(cell('label', TABLE3_RESULTS_LABEL, 1, outcomes.length));
      const group = groupOf(key);
      if (!group) labels.push(cell('label', TABLE3_ROW_LABELS[key], 2));
      else {
        const members = outcomes.filter((k) => groupOf(k) === group);
        if (key === members[0])
          labels.push(cell('label', TABLE3_GROUP_LABELS[group] ?? group, 1, members.length));
        labels.push(cell('label', TABLE3_ROW_LABELS[key]));
      }
    }
    const values = TABLE3_COLUMNS.map((_, column) =>
      valueCell(figures.table3[key][column] ?? null, { table: 'table3', row: key, column }),
    );
    rows.push({ cells: [...labels, ...values] });
  }
  return {
    key: 'table3',
    section: 'requests',
    caption: '收到和处理政府信息公开申请情况',
    columnCount: 10,
    columnWidths: [6, 10, 21, 9, 9, 9, 9, 9, 9, 9],
    headerRows: 3,
    rows,
  };
}

/** Table 四: 行政复议 (5) | 行政诉讼 (10: 未经复议直接起诉 5, 复议后起诉 5), one row of 15 numbers. */
export function table4Layout(figures: ReportFigures): TableLayout {
  const [review, direct, afterReview] = TABLE4_GROUPS;
  const results = TABLE4_RESULT_LABELS.length;
  const rows: LayoutRow[] = [
    { cells: [cell('header', review, results), cell('header', '行政诉讼', results * 2)] },
    {
      cells: [
        ...TABLE4_RESULT_LABELS.map((l) => cell('header', l, 1, 2)),
        cell('header', direct, results),
        cell('header', afterReview, results),
      ],
    },
    { cells: [...TABLE4_RESULT_LABELS, ...TABLE4_RESULT_LABELS].map((l) => cell('header', l)) },
    {
      cells: Array.from({ length: results * 3 }, (_, index) =>
        valueCell(figures.table4[index] ?? null, { table: 'table4', index }),
      ),
    },
  ];
  return {
    key: 'table4',
    section: 'appeals',
    caption: '政府信息公开行政复议、行政诉讼情况',
    columnCount: results * 3,
    columnWidths: Array.from({ length: results * 3 }, () => 100 / (results * 3)),
    headerRows: 3,
    rows,
  };
}

/** The three tables of a report's figures. */
export function reportLayout(figures: ReportFigures): ReportLayout {
  return { table2: table2Layout(figures), table3: table3Layout(figures), table4: table4Layout(figures) };
}

/**
 * Whether a page may break before row `r` (the .docx keeps rows together, the PDF breaks there): after
 * the first body row of a table with a header to repeat; in a
 * table without one (table 二), only before a block's full-width caption row, so that blocks stay whole.
 */
export function mayBreakBefore(t: TableLayout, r: number): boolean {
  if (r >= t.rows.length) return true;
  // Never between the header rows, nor between the header and the first body row.
  if (t.headerRows > 0) return r > t.headerRows;
  const cells = t.rows[r]?.cells ?? [];
  return r === 0 || (cells.length === 1 && cells[0]?.colSpan === t.columnCount);
}

/** Full-width characters of a 二号 title on the 156 mm text width of GB/T 9704 (A4). */
export const TITLE_CHARS_PER_LINE = 20;

/**
 * The report's title as printed: one line when it fits, else the unit's name on the first line and
 * “2025年政府信息公开工作年度报告” on the second (as official titles break), never in the middle of a word.
 * Half-width characters (the year's digits) count as half.
 */
export function titleLines(unitName: string, year: number, perLine = TITLE_CHARS_PER_LINE): string[] {
  const width = (s: string) => [...s].reduce((a, ch) => a + (ch.charCodeAt(0) < 0x1100 ? 0.5 : 1), 0);
  const title = reportTitle(unitName, year);
  if (width(title) <= perLine || !unitName) return [title];
  return [unitName, title.slice(unitName.length)];
}

/** One position of the full grid: the cell covering it and whether the cell starts there. */
export interface GridSlot {
  cell: LayoutCell;
  /** Index of the row where the cell starts. */
  row: number;
  /** Index of the column where the cell starts. */
  column: number;
}

/**
 * The table as a full rows × columns grid: each position holds the cell covering it. Throws when the
 * spans do not tile the grid exactly (an overlap, a hole or a cell past the edge): a layout error.
 */
export function tableGrid(table: TableLayout): GridSlot[][] {
  const grid: (GridSlot | undefined)[][] = table.rows.map(() => Array(table.columnCount).fill(undefined));
  table.rows.forEach((row, r) => {
    let c = 0;
    for (const cellAt of row.cells) {
      while (grid[r]?.[c]) c++;
      for (let dr = 0; dr < cellAt.rowSpan; dr++) {
        for (let dc = 0; dc < cellAt.colSpan; dc++) {
          const line = grid[r + dr];
          if (!line || c + dc >= table.columnCount || line[c + dc]) {
            throw new Error(`${table.key}: the cell “${cellAt.text}” of row ${r + 1} does not fit the grid`);
          }
          line[c + dc] = { cell: cellAt, row: r, column: c };
        }
      }
      c += cellAt.colSpan;
    }
  });
  return grid.map((line, r) =>
    line.map((slot, c) => {
      if (!slot) throw new Error(`${table.key}: row ${r + 1}, column ${c + 1} is not covered by any cell`);
      return slot;
    }),
  );
}
